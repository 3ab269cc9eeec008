import { describe, expect, it } from 'vitest';
import { decodeTermIndex, searchTerms } from '../../../src/components/search/term-index.ts';
import { siteResults } from '../../../src/components/search/site-results.ts';
import { searchIndex } from '../../../src/lib/site/search-index.ts';
import type { RunIndexEntry } from '../../../src/lib/site/run-data.ts';

const runs: RunIndexEntry[] = [
  { id: 'aaa1', name: 'baseline', experimentId: '1', experimentName: 'vision', status: 'FINISHED' },
  { id: 'bbb2', name: 'adam-run', experimentId: '1', experimentName: 'vision', status: 'FAILED' },
  { id: 'ccc3', name: 'sgd-run', experimentId: '1', experimentName: 'vision', status: 'FINISHED' },
];
const file = searchIndex([{ params: { optimizer: 'sgd', lr: '0.1' }, tags: {} }, { params: { optimizer: 'adam', lr: '0.01' }, tags: { team: 'Vision' } }, { params: { optimizer: 'sgd', lr: '0.1' }, tags: {} }], [{ id: '1', name: 'vision' }]);
const terms = decodeTermIndex(JSON.parse(JSON.stringify(file)), 'search-index.json');

describe('decodeTermIndex(json, source)', () => {
  it.each([
    [[], 'search-index.json: the file must be a JSON object, got []'],
    [{ ...file, keys: [1] }, 'search-index.json: keys must be a list of strings, got [1]'],
    [{ ...file, pairs: [[0, 99, 0, 0]] }, 'search-index.json: pairs[0] must be [kind, key, value, ...runs] indexes, got [0,99,0,0]'],
  ])('names the field that is wrong (%#)', (json, message) => {
    expect(() => decodeTermIndex(json, 'search-index.json')).toThrow(message);
  });
});

describe('searchTerms(index, query)', () => {
  it('finds runs whose key=value holds every word of the query, ignoring case', () => {
    expect([...searchTerms(terms, 'SGD').keys()]).toEqual([0, 2]);
    expect([...searchTerms(terms, 'lr=0.1').keys()]).toEqual([0, 2]);
    expect([...searchTerms(terms, 'lr=0.').keys()].sort()).toEqual([0, 1, 2]);
    expect([...searchTerms(terms, 'lr 0.01').keys()]).toEqual([1]);
    expect(searchTerms(terms, 'vision').get(1)).toEqual({ kind: 'tag', key: 'team', value: 'Vision' });
    expect(searchTerms(terms, '  ').size).toBe(0);
  });
});

describe('siteResults(…, terms)', () => {
  it('adds runs found by a param after those found by name, never twice', () => {
    const { results, total } = siteResults(terms.experiments, runs, 'sgd', '/', 20, terms);
    expect(results.map((r) => [r.id, r.field, r.term ? `${r.term.key}=${r.term.value}` : ''])).toEqual([
      ['ccc3', 'name', ''],
      ['aaa1', 'term', 'optimizer=sgd'],
    ]);
    expect(total).toBe(2);
    expect(results[1]).toMatchObject({ start: 'optimizer='.length, length: 3, href: '/runs/aaa1/' });
  });

  it('ignores an index whose run count does not match the runs index (another build)', () => {
    expect(siteResults([], runs.slice(0, 2), 'sgd', '/', 20, terms).results).toEqual([]);
  });
});
