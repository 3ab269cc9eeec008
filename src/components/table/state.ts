/**
 * What the runs table shows, as a pure function of its state: the loaded records, the filter's
 * matches, the ordering (none, a header column, or an MLflow ORDER BY) and the expanded parents.
 * - no filter and no ordering: the folded tree (tree.ts);
 * - otherwise flat: the matching runs, in the ordering (default order when there is none);
 * plus the selection rules (select all shown, compare in table order).
 */
import { compareStrings } from '../../lib/order.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';
import { sortIndices } from './sorting.ts';
import { foldedRows, type RunTree } from './tree.ts';

export type RowOrder =
  | { kind: 'default' }
  | { kind: 'column'; column: Column; ascending: boolean }
  /** An MLflow ORDER BY, already compiled over the matching indices (search.ts `orderIndices`). */
  | { kind: 'order-by'; order: (indices: readonly number[]) => number[] };

export interface RowsInput {
  records: readonly RunsTableRecord[];
  tree: RunTree;
  /** Indices matching the filter, in record order; undefined when there is no filter. */
  matched: readonly number[] | undefined;
  order: RowOrder;
  expanded: ReadonlySet<string>;
}

export interface TableRows {
  /** Record index of each shown row, top to bottom. */
  rows: number[];
  /** Flat rows name their parent; tree rows are indented under it. */
  flat: boolean;
  /** Runs matching the filter (all loaded runs without one), folded children included. */
  matched: number;
}

export function tableRows({ records, tree, matched, order, expanded }: RowsInput): TableRows {
  if (matched === undefined && order.kind === 'default') {
    return { rows: foldedRows(records, tree, expanded), flat: false, matched: records.length };
  }
  const indices = matched ?? records.map((_, i) => i);
  let rows: number[];
  if (order.kind === 'column') {
    const { column } = order;
    rows = sortIndices(indices, (i) => column.sortValue(records[i] as RunsTableRecord), order.ascending);
  } else if (order.kind === 'order-by') rows = order.order(indices);
  else rows = [...indices];
  return { rows, flat: true, matched: indices.length };
}

/**
 * The rows a download holds: the shown rows in their order; in tree order that is every loaded
 * run, folded children included (folding is a way of looking, not a choice of runs).
 */
export function exportRows(view: TableRows, records: readonly RunsTableRecord[]): number[] {
  return view.flat ? view.rows : records.map((_, i) => i);
}

export type SelectionState = 'none' | 'some' | 'all';

/** The "select all shown" checkbox: checked when every shown run is selected. */
export function selectionState(selected: ReadonlySet<string>, shownIds: readonly string[]): SelectionState {
  if (selected.size === 0 || shownIds.length === 0) return 'none';
  let count = 0;
  for (const id of shownIds) if (selected.has(id)) count += 1;
  return count === 0 ? 'none' : count === shownIds.length ? 'all' : 'some';
}

/** Selects (or unselects) every shown run, leaving runs that are not shown as they were. */
export function selectShown(selected: ReadonlySet<string>, shownIds: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of shownIds) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

export function toggleInSet(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Selected ids in the table's default order, for the compare link (deterministic URLs). */
export function selectedInOrder(selected: ReadonlySet<string>, index: ReadonlyMap<string, number>): string[] {
  return [...selected].sort((a, b) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity) || compareStrings(a, b));
}

/** The least number of runs a comparison needs. */
export const COMPARE_MIN = 2;
