import { describe, expect, it } from 'vitest';
import { keyIndex, metricColumn } from '../../../src/components/table/columns.ts';
import {
  exportRows,
  groupableTags,
  groupOfRow,
  groupValueReader,
  isGroupRow,
  selectedAsShown,
  selectedInOrder,
  selectionState,
  selectShown,
  shownRunIds,
  tableRows,
  toggleInSet,
} from '../../../src/components/table/state.ts';
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

describe('tableRows(input) with a grouping', () => {
  const grouped = [
    record('a', { p: ['rf'], m: [0.5], t: [['team', 'x']] }),
    record('b', { p: ['cnn'], m: [0.9], t: [['mlflow.user', 'u']] }),
    record('c', { depth: 1, parent: 'b', p: ['rf'], m: [0.7], t: [['team', 'y']] }),
    record('d', { p: [null], m: [0.1] }),
  ];
  const groupTree = buildTree(grouped);
  const params = new Map([['model', 0]]);
  const model = { source: 'params', key: 'model' } as const;
  const grouping = (folded: (string | null)[] = []) => ({ key: model, value: groupValueReader(model, grouped, params), folded: new Set(folded) });
  const acc0 = metricColumn('acc', keyIndex({ metrics: ['acc'], params: [] }));
  const ids2 = (rows: number[]) => rows.map((i) => grouped[i]!.id);
  const gids = (rows: number[]) => rows.map((i) => (isGroupRow(i) ? `#${groupOfRow(i)}` : grouped[i]!.id));

  it('puts a header row before each group, groups by value, runs without the key last, children flat', () => {
    const view = tableRows({ records: grouped, tree: groupTree, matched: undefined, order: { kind: 'default' }, expanded: new Set(), grouping: grouping() });
    expect(view.flat).toBe(true);
    expect(view.groups!.map((g) => [g.label, g.members.map((i) => grouped[i]!.id)])).toEqual([
      ['model = cnn', ['b']],
      ['model = rf', ['a', 'c']],
      ['model not set', ['d']],
    ]);
    expect(gids(view.rows)).toEqual(['#0', 'b', '#1', 'a', 'c', '#2', 'd']);
  });

  it('orders the runs inside each group as the table is ordered, and only the matching ones', () => {
    const view = tableRows({ records: grouped, tree: groupTree, matched: [0, 2, 3], order: { kind: 'column', column: acc0, ascending: false }, expanded: new Set(), grouping: grouping() });
    expect(gids(view.rows)).toEqual(['#0', 'c', 'a', '#1', 'd']);
    expect(view.matched).toBe(3);
  });

  it('hides the runs of a folded group under its header row, and still exports them', () => {
    const view = tableRows({ records: grouped, tree: groupTree, matched: undefined, order: { kind: 'default' }, expanded: new Set(), grouping: grouping(['rf', null]) });
    expect(gids(view.rows)).toEqual(['#0', 'b', '#1', '#2']);
    expect(ids2(exportRows(view, grouped))).toEqual(['b', 'a', 'c', 'd']);
    expect(shownRunIds(view, grouped)).toEqual(['b']);
  });

  it('reads tags by name for tags.* groupings', () => {
    const team = { source: 'tags', key: 'team' } as const;
    const read = groupValueReader(team, grouped, params);
    expect([0, 1, 2, 3].map(read)).toEqual(['x', null, 'y', null]);
  });

  it('lists the tag keys runs can be grouped by, without MLflow\'s own', () => {
    expect(groupableTags(grouped)).toEqual(['team']);
  });
});

describe('selectedAsShown(selected, shownIds, index)', () => {
  it('lists the shown selected runs top to bottom, then the others in default order', () => {
    expect(selectedAsShown(new Set(['p1', 'p2', 'c2']), ['p2', 'c1', 'p1'], tree.index)).toEqual(['p2', 'p1', 'c2']);
  });
});
