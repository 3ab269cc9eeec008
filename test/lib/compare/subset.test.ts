import { describe, expect, it } from 'vitest';
import { comparedSnapshot } from '../../../src/lib/compare/subset.ts';
import type { LabelledStore } from '../../../src/lib/compare/run-ref.ts';
import { makeSnapshot } from '../analyze/snapshot.ts';

const main = makeSnapshot([{ id: 'a1', name: 'champion', parentId: 'p0' }, { id: 'a2' }, { id: 'p0' }], [{ id: '1', name: 'churn' }]);
const pr = makeSnapshot([{ id: 'c1', name: 'pr-run' }], [{ id: '1', name: 'churn (pr)' }]);
const stores: LabelledStore[] = [
  { label: 'main', given: true, snapshot: main },
  { label: 'pr', given: true, snapshot: pr },
];
const chosen = (store: LabelledStore, id: string) => ({ ref: id, store: store.label, run: store.snapshot.runs.find((r) => r.id === id)!, experimentName: '' });

describe('comparedSnapshot(chosen, stores)', () => {
  it('holds only the compared runs and their experiments, without warnings about parents left out', () => {
    const snapshot = comparedSnapshot([chosen(stores[0]!, 'a1'), chosen(stores[1]!, 'c1')], stores);
    expect(snapshot.runs.map((r) => r.id)).toEqual(['a1', 'c1']);
    expect(snapshot.models).toEqual([]);
    expect(snapshot.warnings).toEqual([]);
  });

  it('renames the experiment of a later store whose id collides, as merging stores does', () => {
    const snapshot = comparedSnapshot([chosen(stores[0]!, 'a1'), chosen(stores[1]!, 'c1')], stores);
    expect(snapshot.experiments.map((e) => [e.id, e.name, e.origin])).toEqual([['1', 'churn', 'main'], ['pr:1', 'churn (pr)', 'pr']]);
    expect(snapshot.runs.find((r) => r.id === 'c1')?.experimentId).toBe('pr:1');
  });
});
