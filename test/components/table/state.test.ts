import { describe, expect, it } from 'vitest';
import { keyIndex, metricColumn } from '../../../src/components/table/columns.ts';
import { exportRows, selectedInOrder, selectionState, selectShown, tableRows, toggleInSet } from '../../../src/components/table/state.ts';
import { buildTree } from '../../../src/components/table/tree.ts';
import { record } from './records.ts';

const records = [
  record('p1', { m: [0.2] }),
  record('c1', { depth: 1, parent: 'p1', m: [0.9] }),
  record('c2', { depth: 1, parent: 'p1', m: [null] }),
  record('p2', { m: [0.5] }),
];
const tree = buildTree(records);
const acc = metricColumn('acc', keyIndex({ metrics: ['acc'], params: [] }));
const ids = (rows: number[]) => rows.map((i) => records[i]!.id);

describe('tableRows(input)', () => {
  it('shows the folded tree when there is no filter and no ordering', () => {
    const view = tableRows({ records, tree, matched: undefined, order: { kind: 'default' }, expanded: new Set() });
    expect(view.flat).toBe(false);
    expect(ids(view.rows)).toEqual(['p1', 'p2']);
    expect(view.matched).toBe(4);
  });

  it('flattens the tree when sorted by a column', () => {
    const view = tableRows({ records, tree, matched: undefined, order: { kind: 'column', column: acc, ascending: false }, expanded: new Set() });
    expect(view.flat).toBe(true);
    expect(ids(view.rows)).toEqual(['c1', 'p2', 'p1', 'c2']);
  });

  it('flattens the tree when filtered, in default order, children included', () => {
    const view = tableRows({ records, tree, matched: [1, 3], order: { kind: 'default' }, expanded: new Set() });
    expect(view.flat).toBe(true);
    expect(ids(view.rows)).toEqual(['c1', 'p2']);
    expect(view.matched).toBe(2);
  });

  it('sorts only the matching runs', () => {
    const view = tableRows({ records, tree, matched: [0, 2, 3], order: { kind: 'column', column: acc, ascending: true }, expanded: new Set() });
    expect(ids(view.rows)).toEqual(['p1', 'p2', 'c2']);
  });

  it('hands the matching runs to an ORDER BY', () => {
    const seen: number[][] = [];
    const order = (indices: readonly number[]) => {
      seen.push([...indices]);
      return [...indices].reverse();
    };
    const view = tableRows({ records, tree, matched: undefined, order: { kind: 'order-by', order }, expanded: new Set() });
    expect(seen).toEqual([[0, 1, 2, 3]]);
    expect(ids(view.rows)).toEqual(['p2', 'c2', 'c1', 'p1']);
  });
});

describe('exportRows(view, records)', () => {
  it('exports folded children too in tree order', () => {
    const view = tableRows({ records, tree, matched: undefined, order: { kind: 'default' }, expanded: new Set() });
    expect(ids(exportRows(view, records))).toEqual(['p1', 'c1', 'c2', 'p2']);
  });

  it('exports the shown rows in their order when flat', () => {
    const view = tableRows({ records, tree, matched: [3, 1], order: { kind: 'column', column: acc, ascending: true }, expanded: new Set() });
    expect(ids(exportRows(view, records))).toEqual(['p2', 'c1']);
  });
});

describe('selection', () => {
  it('is "all" when every shown run is selected, "some" when a few are, "none" otherwise', () => {
    expect(selectionState(new Set(['a', 'b']), ['a', 'b'])).toBe('all');
    expect(selectionState(new Set(['a', 'x']), ['a', 'b'])).toBe('some');
    expect(selectionState(new Set(['x']), ['a', 'b'])).toBe('none');
    expect(selectionState(new Set(['a']), [])).toBe('none');
  });

  it('selects and unselects all shown runs, keeping runs that are not shown', () => {
    const on = selectShown(new Set(['x']), ['a', 'b'], true);
    expect([...on].sort()).toEqual(['a', 'b', 'x']);
    expect([...selectShown(on, ['a', 'b'], false)]).toEqual(['x']);
  });

  it('toggles one id without touching the original set', () => {
    const before = new Set(['a']);
    expect([...toggleInSet(before, 'b', true)]).toEqual(['a', 'b']);
    expect([...toggleInSet(before, 'a', false)]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });

  it('lists selected ids in table order for the compare link', () => {
    expect(selectedInOrder(new Set(['p2', 'zz', 'c1', 'p1']), tree.index)).toEqual(['p1', 'c1', 'p2', 'zz']);
  });
});
