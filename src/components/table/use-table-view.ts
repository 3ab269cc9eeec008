/**
 * The runs table's view state: filter and ORDER BY boxes (debounced), header sort, expanded
 * parents, grouping and folded groups, and the rows they give (state.ts `tableRows`), recomputed
 * as records arrive. The header sort and the ORDER BY box replace each other: a header click
 * empties the box; an ORDER BY typed into the box takes over once it compiles (not while half
 * typed, the last good one stays). A filter that does not compile shows no rows: the table must
 * not pass off the last filter's rows as the answer to the one typed.
 */
import { useCallback, useMemo, useState } from 'react';
import { parseGroupKey } from '../../lib/analyze/groups.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column, KeyIndex } from './columns.ts';
import { compileTableFilter, compileTableOrder, filterIndices, orderIndices, RunCache, type SearchProblem } from './search.ts';
import { nextSort, type SortState } from './sorting.ts';
import { groupValueReader, tableRows, toggleInSet, type RowOrder, type TableRows } from './state.ts';
import type { RunTree } from './tree.ts';
import { useCompiledInput } from './use-search.ts';
import type { UrlTableView } from './view-url.ts';

export interface TableViewInput {
  experimentId: string;
  records: readonly RunsTableRecord[];
  keys: { metrics: string[]; params: string[] };
  index: KeyIndex;
  tree: RunTree;
  columns: readonly Column[];
}

export interface SearchBox {
  text: string;
  setText: (text: string) => void;
  error: SearchProblem | undefined;
}

export interface TableView {
  view: TableRows;
  /** The header sort, when it is what orders the rows. */
  sort: SortState | undefined;
  /** The header sort as set, even while its column is hidden or not loaded yet (for the address). */
  sortSetting: SortState | undefined;
  /** True when rows are ordered by a header or an ORDER BY (not the tree). */
  ordered: boolean;
  filter: SearchBox;
  /** The filter box's text does not compile: the table shows no rows. */
  filterFailed: boolean;
  orderBy: SearchBox;
  expanded: ReadonlySet<string>;
  /** `params.X` / `tags.Y`, when the rows are grouped. */
  group: string | undefined;
  setGroup: (group: string | undefined) => void;
  folded: ReadonlySet<string | null>;
  onFold: (value: string | null, fold: boolean) => void;
  onSort: (column: string) => void;
  onExpand: (id: string, open: boolean) => void;
  /** Back to the default order (the tree). */
  resetOrder: () => void;
  /** Forgets the header sort if it is by `column` (which is being hidden). */
  dropSort: (column: string) => void;
  /** Takes the parts of a view an address holds (view-url.ts). */
  restore: (view: UrlTableView) => void;
}

export function useTableView({ experimentId, records, keys, index, tree, columns }: TableViewInput): TableView {
  const [filterText, setFilterText] = useState('');
  const [orderText, setOrderText] = useState('');
  const [orderSource, setOrderSource] = useState<'header' | 'box'>('header');
  const [sort, setSort] = useState<SortState>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [group, setGroupState] = useState<string>();
  const [folded, setFolded] = useState<ReadonlySet<string | null>>(() => new Set());
  const filter = useCompiledInput(filterText, compileTableFilter);
  const orderBy = useCompiledInput(orderText, compileTableOrder);
  if (orderSource === 'box' && orderBy.value && sort) setSort(undefined);

  const runs = useMemo(() => new RunCache(experimentId), [experimentId]);
  const runOf = useCallback((i: number) => runs.get(records, keys, i), [runs, records, keys]);
  const matched = useMemo(
    () => (filter.error ? [] : filter.value ? filterIndices(records.length, runOf, filter.value) : undefined),
    [filter.error, filter.value, records.length, runOf],
  );
  const sortColumn = sort && columns.find((c) => c.id === sort.column);
  const clauses = orderSource === 'box' ? orderBy.value : undefined;
  const order = useMemo((): RowOrder => {
    if (sort && sortColumn) return { kind: 'column', column: sortColumn, ascending: sort.direction === 'asc' };
    if (clauses) return { kind: 'order-by', order: (indices) => orderIndices(indices, runOf, clauses) };
    return { kind: 'default' };
  }, [sort, sortColumn, clauses, runOf]);
  const groupKey = group === undefined ? undefined : parseGroupKey(group);
  const grouping = useMemo(
    () => (groupKey ? { key: groupKey, value: groupValueReader(groupKey, records, index.params), folded } : undefined),
    [groupKey?.source, groupKey?.key, records, index, folded],
  );
  const view = useMemo(() => tableRows({ records, tree, matched, order, expanded, grouping }), [records, tree, matched, order, expanded, grouping]);

  const onSort = useCallback((column: string) => {
    setSort((current) => nextSort(current, column));
    setOrderSource('header');
    setOrderText('');
  }, []);
  const onExpand = useCallback((id: string, open: boolean) => setExpanded((set) => toggleInSet(set, id, open)), []);
  const onFold = useCallback((value: string | null, fold: boolean) => setFolded((set) => toggleInSet(set, value, fold)), []);
  const setGroup = useCallback((next: string | undefined) => {
    setGroupState(next);
    setFolded(new Set());
  }, []);
  const resetOrder = useCallback(() => {
    setSort(undefined);
    setOrderText('');
    setOrderSource('header');
  }, []);
  const dropSort = useCallback((column: string) => setSort((current) => (current?.column === column ? undefined : current)), []);
  const setOrderBox = useCallback((text: string) => {
    setOrderText(text);
    setOrderSource('box');
  }, []);
  const restore = useCallback((url: UrlTableView) => {
    if (url.filter !== undefined) setFilterText(url.filter);
    if (url.order !== undefined && url.order.trim() !== '') {
      setOrderText(url.order);
      setOrderSource('box');
    } else if (url.sort) setSort(url.sort);
    if (url.open) setExpanded(new Set(url.open));
    if (url.group !== undefined) setGroupState(url.group);
  }, []);

  return {
    view,
    sort: order.kind === 'column' ? sort : undefined,
    sortSetting: orderSource === 'header' ? sort : undefined,
    ordered: order.kind !== 'default',
    filter: { text: filterText, setText: setFilterText, error: filter.error },
    filterFailed: filter.error !== undefined,
    orderBy: { text: orderText, setText: setOrderBox, error: orderBy.error },
    expanded,
    group,
    setGroup,
    folded,
    onFold,
    onSort,
    onExpand,
    resetOrder,
    dropSort,
    restore,
  };
}
