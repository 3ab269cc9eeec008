import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree, foldedRows, parentOf } from '../../../src/components/table/tree.ts';
import { compareMlflowDefault } from '../../../src/lib/analyze/tables.ts';
import { readStores } from '../../../src/lib/read/index.ts';
import { tableChunks, treeOrder } from '../../../src/lib/site/table-data.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { record } from './records.ts';

// p1 ─ c1 ─ g1
//    └ c2
// p2
// p3 ─ c3
const records = [
  record('p1'),
  record('c1', { depth: 1, parent: 'p1' }),
  record('g1', { depth: 2, parent: 'c1' }),
  record('c2', { depth: 1, parent: 'p1' }),
  record('p2'),
  record('p3'),
  record('c3', { depth: 1, parent: 'p3' }),
];
const ids = (rows: number[]) => rows.map((i) => records[i]!.id);

describe('buildTree(records)', () => {
  it('reads parents and child counts off the depths', () => {
    const tree = buildTree(records);
    expect([...tree.parent]).toEqual([-1, 0, 1, 0, -1, -1, 5]);
    expect([...tree.children]).toEqual([2, 1, 0, 0, 0, 1, 0]);
    expect([...tree.depth]).toEqual([0, 1, 2, 1, 0, 0, 1]);
    expect(tree.index.get('c3')).toBe(6);
  });

  it('clamps a depth that skips levels to one below the previous run', () => {
    const tree = buildTree([record('a'), record('b', { depth: 3 }), record('c', { depth: 1 })]);
    expect([...tree.depth]).toEqual([0, 1, 1]);
    expect([...tree.parent]).toEqual([-1, 0, 0]);
  });

  it('counts children that arrive in a later chunk', () => {
    expect(buildTree(records.slice(0, 2)).children[0]).toBe(1);
    expect(buildTree(records).children[0]).toBe(2);
  });
});

describe('foldedRows(records, tree, expanded)', () => {
  const tree = buildTree(records);

  it('shows only top-level runs when nothing is expanded', () => {
    expect(ids(foldedRows(records, tree, new Set()))).toEqual(['p1', 'p2', 'p3']);
  });

  it('shows the children of an expanded run, keeping grandchildren folded', () => {
    expect(ids(foldedRows(records, tree, new Set(['p1'])))).toEqual(['p1', 'c1', 'c2', 'p2', 'p3']);
    expect(ids(foldedRows(records, tree, new Set(['p1', 'c1', 'p3'])))).toEqual(['p1', 'c1', 'g1', 'c2', 'p2', 'p3', 'c3']);
  });

  it('hides the whole subtree of a collapsed parent, even with expanded descendants', () => {
    expect(ids(foldedRows(records, tree, new Set(['c1'])))).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('parentOf(records, tree, i)', () => {
  it('finds the parent record of a child and nothing for a top-level run', () => {
    const tree = buildTree(records);
    expect(parentOf(records, tree, 2)?.id).toBe('c1');
    expect(parentOf(records, tree, 4)).toBeUndefined();
  });
});

describe('buildTree on the chunks of a real store (packt-hpt)', () => {
  it('gives every parent the number of children expected.json lists', async () => {
    const root = join(FIXTURES, 'real', 'packt-hpt');
    const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as {
      runs: { list: { run_id: string; experiment_id: string; lifecycle_stage: string; parent_run_id: string | null }[] };
    };
    const snapshot = await readStores([join(root, 'mlruns')]);
    let parents = 0;
    for (const experimentId of new Set(snapshot.runs.map((r) => r.experimentId))) {
      const runs = snapshot.runs.filter((r) => r.experimentId === experimentId && r.lifecycleStage === 'active');
      const rows = tableChunks(treeOrder(runs, compareMlflowDefault), [], []).flatMap((c) => c.rows);
      const tree = buildTree(rows);
      const active = expected.runs.list.filter((r) => r.experiment_id === experimentId && r.lifecycle_stage === 'active');
      const inExperiment = new Set(active.map((r) => r.run_id));
      for (const run of active) {
        const children = active.filter((r) => r.parent_run_id === run.run_id).length;
        expect(tree.children[tree.index.get(run.run_id)!]).toBe(children);
        if (children > 0) parents += 1;
      }
      for (const run of active) {
        const parent = run.parent_run_id && inExperiment.has(run.parent_run_id) ? run.parent_run_id : undefined;
        expect(parentOf(rows, tree, tree.index.get(run.run_id)!)?.id).toBe(parent);
      }
    }
    expect(parents).toBeGreaterThanOrEqual(5);
  });
});
