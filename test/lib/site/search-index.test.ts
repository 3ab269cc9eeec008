import { describe, expect, it } from 'vitest';
import { SEARCH_VALUE_CHARS, searchIndex } from '../../../src/lib/site/search-index.ts';

const run = (params: Record<string, string>, tags: Record<string, string> = {}) => ({ params, tags });

describe('searchIndex(runs, experiments)', () => {
  it('lists each distinct key = value pair once with the positions of the runs that have it', () => {
    const index = searchIndex([run({ lr: '0.1', opt: 'adam' }), run({ lr: '0.1', opt: 'sgd' }), run({ lr: '0.01' }, { team: 'vision' })], [{ id: '1', name: 'exp' }]);
    expect(index.runs).toBe(3);
    expect(index.experiments).toEqual([{ id: '1', name: 'exp' }]);
    const pairs = index.pairs.map(([kind, k, v, ...runs]) => [kind, index.keys[k!], index.values[v!], runs]);
    expect(pairs).toEqual([
      [0, 'lr', '0.01', [2]],
      [0, 'lr', '0.1', [0, 1]],
      [0, 'opt', 'adam', [0]],
      [0, 'opt', 'sgd', [1]],
      [1, 'team', 'vision', [2]],
    ]);
    expect(index.omitted).toEqual([]);
  });

  it('shares one copy of a value between keys', () => {
    const index = searchIndex([run({ a: 'same', b: 'same' })], []);
    expect(index.values).toEqual(['same']);
  });

  it('leaves out system tags, empty values and values too long to be worth searching', () => {
    const index = searchIndex([run({ long: 'x'.repeat(SEARCH_VALUE_CHARS + 1), empty: '', ok: 'y' }, { 'mlflow.source.name': 'train.py', 'mlflow.user': 'maya' })], []);
    expect(index.keys).toEqual(['ok']);
  });

  it('keeps within its budget by leaving out whole keys, least common first, and names them', () => {
    const runs = Array.from({ length: 50 }, (_, i) => run({ common: 'v', seed: String(1000 + i), path: `/data/${'p'.repeat(20)}/${i}` }));
    const full = searchIndex(runs, []);
    expect(full.omitted).toEqual([]);
    const budget = JSON.stringify(full).length - 100;
    const small = searchIndex(runs, [], budget);
    expect(JSON.stringify(small).length).toBeLessThanOrEqual(budget);
    expect(small.keys).toContain('common');
    expect(small.omitted.length).toBeGreaterThan(0);
    for (const key of small.omitted) expect(small.keys).not.toContain(key);
  });

  it('is the same for the same runs', () => {
    const runs = [run({ b: '2', a: '1' }, { t: 'x' }), run({ a: '1' })];
    expect(JSON.stringify(searchIndex(runs, []))).toBe(JSON.stringify(searchIndex(runs.map((r) => ({ params: { ...r.params }, tags: { ...r.tags } })), [])));
  });
});
