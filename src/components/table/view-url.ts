/**
 * The runs table's view in the page address, on the shared helpers of url-state.ts (the table
 * owns `filter`, `order`, `sort`, `cols`, `open`, `group`):
 * - `filter`, `order`: the two boxes' text, as typed;
 * - `sort`: the header sort, a column entry (column-layout.ts), `-` first when descending
 *   (`sort=-metrics.acc`);
 * - `cols`: the column layout as a list of entries (column-layout.ts), only when it is not the
 *   page's default; an empty layout is `cols=,`;
 * - `open`: the expanded parent runs, a list of run ids;
 * - `group`: the key runs are grouped by (`params.model`, `tags.team`).
 * A parameter that is absent leaves that part of the view at its default; a value that does not
 * fit (an unknown column, a group key of another kind) is dropped, never an error.
 */
import { parseGroupKey } from '../../lib/analyze/groups.ts';
import { listParam, readListParam, readParam } from '../page/url-state.ts';
import { columnEntry, entryColumn, layoutEntries, type ColumnLayout } from './column-layout.ts';
import type { SortState } from './sorting.ts';

export interface UrlTableView {
  filter?: string;
  order?: string;
  sort?: SortState;
  /** Column entries, read against the experiment's keys once they are known (column-layout.ts `layoutFromEntries`). */
  columns?: string[];
  open?: string[];
  group?: string;
}

export const TABLE_PARAMS = ['filter', 'order', 'sort', 'cols', 'open', 'group'] as const;

/** What a query string says about the table (only the parts it holds). */
export function readTableView(search: string): UrlTableView {
  const view: UrlTableView = {};
  const filter = readParam(search, 'filter');
  const order = readParam(search, 'order');
  const sort = decodeSort(readParam(search, 'sort'));
  const columns = readListParam(search, 'cols');
  const open = readListParam(search, 'open');
  const group = readParam(search, 'group');
  if (filter !== undefined) view.filter = filter;
  if (order !== undefined) view.order = order;
  if (sort) view.sort = sort;
  if (columns) view.columns = columns.filter((entry) => entry !== '');
  if (open) view.open = [...new Set(open.filter((id) => id !== ''))];
  if (group !== undefined && parseGroupKey(group)) view.group = group;
  return view;
}

export interface TableViewParams {
  filter: string;
  order: string;
  sort: SortState | undefined;
  layout: ColumnLayout;
  /** The layout is the page's default: left out of the address. */
  defaultLayout: boolean;
  open: readonly string[];
  group: string | undefined;
}

/** The parameters of a view, for url-state.ts `replaceParams` (undefined removes one). */
export function tableViewParams(view: TableViewParams): Record<(typeof TABLE_PARAMS)[number], string | undefined> {
  const entries = layoutEntries(view.layout);
  return {
    filter: view.filter,
    order: view.order,
    sort: view.sort ? `${view.sort.direction === 'desc' ? '-' : ''}${columnEntry(view.sort.column)}` : undefined,
    cols: view.defaultLayout ? undefined : entries.length === 0 ? ',' : listParam(entries),
    open: listParam([...view.open].sort()),
    group: view.group,
  };
}

function decodeSort(text: string | undefined): SortState | undefined {
  if (text === undefined) return undefined;
  const descending = text.startsWith('-');
  const column = entryColumn(descending ? text.slice(1) : text);
  return column === undefined ? undefined : { column, direction: descending ? 'desc' : 'asc' };
}
