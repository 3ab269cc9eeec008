/**
 * The runs table's view state: filter and ORDER BY boxes (debounced, last good input kept),
 * header sort, expanded parents, and the rows they give (state.ts `tableRows`), recomputed as
 * records arrive. The header sort and the ORDER BY box replace each other: a header click empties
 * the box; an ORDER BY typed into the box takes over once it compiles (not while half typed).
 */
import { useCallback, useMemo, useState } from 'react';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';
import { compileTableFilter, compileTableOrder, filterIndices, orderIndices, RunCache, type SearchProblem } from './search.ts';
import { nextSort, type SortState } from './sorting.ts';
import { tableRows, toggleInSet, type RowOrder, type TableRows } from './state.ts';
import type { RunTree } from './tree.ts';
import { useCompiledInput } from './use-search.ts';

export interface TableViewInput {
  experimentId: string;
  records: readonly RunsTableRecord[];
  keys: { metrics: string[]; params: string[] };
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
  /** True when rows are ordered by a header or an ORDER BY (not the tree). */
  ordered: boolean;
  filter: SearchBox;
  orderBy: SearchBox;
  expanded: ReadonlySet<string>;
  onSort: (column: string) => void;
  onExpand: (id: string, open: boolean) => void;
  /** Back to the default order (the tree). */
  resetOrder: () => void;
  /** Forgets the header sort if it is by `column` (which is being hidden). */
  dropSort: (column: string) => void;
}

export function useTableView({ experimentId, records, keys, tree, columns }: TableViewInput): TableView {
  const [filterText, setFilterText] = useState('');
  const [orderText, setOrderText] = useState('');
  const [orderSource, setOrderSource] = useState<'header' | 'box'>('header');
  const [sort, setSort] = useState<SortState>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const filter = useCompiledInput(filterText, compileTableFilter);
  const orderBy = useCompiledInput(orderText, compileTableOrder);
  if (orderSource === 'box' && orderBy.value && sort) setSort(undefined);

  const runs = useMemo(() => new RunCache(experimentId), [experimentId]);
  const runOf = useCallback((i: number) => runs.get(records, keys, i), [runs, records, keys]);
  const matched = useMemo(() => (filter.value ? filterIndices(records.length, runOf, filter.value) : undefined), [filter.value, records.length, runOf]);
  const sortColumn = sort && columns.find((c) => c.id === sort.column);
  const clauses = orderSource === 'box' ? orderBy.value : undefined;
  const order = useMemo((): RowOrder => {
    if (sort && sortColumn) return { kind: 'column', column: sortColumn, ascending: sort.direction === 'asc' };
    if (clauses) return { kind: 'order-by', order: (indices) => orderIndices(indices, runOf, clauses) };
    return { kind: 'default' };
  }, [sort, sortColumn, clauses, runOf]);
  const view = useMemo(() => tableRows({ records, tree, matched, order, expanded }), [records, tree, matched, order, expanded]);

  const onSort = useCallback((column: string) => {
    setSort((current) => nextSort(current, column));
    setOrderSource('header');
    setOrderText('');
  }, []);
  const onExpand = useCallback((id: string, open: boolean) => setExpanded((set) => toggleInSet(set, id, open)), []);
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

  return {
    view,
    sort: order.kind === 'column' ? sort : undefined,
    ordered: order.kind !== 'default',
    filter: { text: filterText, setText: setFilterText, error: filter.error },
    orderBy: { text: orderText, setText: setOrderBox, error: orderBy.error },
    expanded,
    onSort,
    onExpand,
    resetOrder,
    dropSort,
  };
}
