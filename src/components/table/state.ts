/**
 * What the runs table shows, as a pure function of its state: the loaded records, the filter's
 * matches, the ordering (none, a header column, or an MLflow ORDER BY), the expanded parents and
 * the grouping.
 * - no filter, no ordering, no grouping: the folded tree (tree.ts);
 * - otherwise flat: the matching runs, in the ordering (default order when there is none);
 * - grouped (src/lib/analyze/groups.ts): a header row per group, then its runs in that ordering
 *   (unless the group is folded). Rows are record indices; a group's header row is `~g` (a
 *   negative number, `isGroupRow`), so 10,000 rows stay one array of numbers.
 * plus the selection rules (select all shown, compare in table order).
 */
import { groupItems, groupLabel, type GroupKey } from '../../lib/analyze/groups.ts';
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
  grouping?: RowGrouping | undefined;
}

export interface RowGrouping {
  key: GroupKey;
  /** The key's value for a record; null when the run has none. */
  value: (index: number) => string | null;
  /** Values of the groups whose runs are hidden under their header row. */
  folded: ReadonlySet<string | null>;
}

export interface TableGroup {
  value: string | null;
  label: string;
  /** Record indices of the group's runs, in the table's order (folded or not). */
  members: number[];
}

export interface TableRows {
  /** Record index of each shown row, top to bottom. */
  rows: number[];
  /** Flat rows name their parent; tree rows are indented under it. */
  flat: boolean;
  /** Runs matching the filter (all loaded runs without one), folded children included. */
  matched: number;
  /** The groups, when grouped (their header rows are in `rows`, see the header). */
  groups?: TableGroup[];
}

/** A record's value of a group key (null when the run has none); params by position, tags by name. */
export function groupValueReader(key: GroupKey, records: readonly RunsTableRecord[], params: ReadonlyMap<string, number>): (index: number) => string | null {
  if (key.source === 'params') {
    const at = params.get(key.key);
    return (i) => (at === undefined ? null : ((records[i] as RunsTableRecord).p[at] ?? null));
  }
  return (i) => (records[i] as RunsTableRecord).t.find(([k]) => k === key.key)?.[1] ?? null;
}

/** Tag keys the loaded runs carry, for "group by" (MLflow's own `mlflow.*` tags left out), in code-unit order. */
export function groupableTags(records: readonly RunsTableRecord[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const [key] of record.t) if (!key.startsWith('mlflow.')) keys.add(key);
  return [...keys].sort(compareStrings);
}

export const isGroupRow = (row: number): boolean => row < 0;
/** The group index of a group header row. */
export const groupOfRow = (row: number): number => ~row;

export function tableRows(input: RowsInput): TableRows {
  const flat = flatRows(input);
  const { grouping } = input;
  if (!grouping) return flat;
  const groups = groupItems(flat.rows, grouping.value).map((g): TableGroup => ({ value: g.value, label: groupLabel(grouping.key, g.value), members: g.members }));
  const rows: number[] = [];
  groups.forEach((group, g) => {
    rows.push(~g);
    if (!grouping.folded.has(group.value)) rows.push(...group.members);
  });
  return { rows, flat: true, matched: flat.matched, groups };
}

function flatRows({ records, tree, matched, order, expanded, grouping }: RowsInput): TableRows {
  if (matched === undefined && order.kind === 'default' && !grouping) {
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
  if (view.groups) return view.groups.flatMap((g) => g.members);
  return view.flat ? view.rows : records.map((_, i) => i);
}

/** Run ids of the shown rows, top to bottom (group header rows left out). */
export function shownRunIds(view: TableRows, records: readonly RunsTableRecord[]): string[] {
  const ids: string[] = [];
  for (const row of view.rows) if (row >= 0) ids.push((records[row] as RunsTableRecord).id);
  return ids;
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

export function toggleInSet<T>(set: ReadonlySet<T>, id: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Selected ids as the table shows them: shown ones top to bottom, then the others in default order. */
export function selectedAsShown(selected: ReadonlySet<string>, shownIds: readonly string[], index: ReadonlyMap<string, number>): string[] {
  const shown = shownIds.filter((id) => selected.has(id));
  const seen = new Set(shown);
  return [...shown, ...selectedInOrder(selected, index).filter((id) => !seen.has(id))];
}

/** Selected ids in the table's default order, for the compare link (deterministic URLs). */
export function selectedInOrder(selected: ReadonlySet<string>, index: ReadonlyMap<string, number>): string[] {
  return [...selected].sort((a, b) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity) || compareStrings(a, b));
}

/** The least number of runs a comparison needs. */
export const COMPARE_MIN = 2;
