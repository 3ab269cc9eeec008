/**
 * The experiment page's runs table (a React island, `client:load`). Props are serializable data
 * only; the rows come from the data files (table-data.ts chunks): chunk 0 first, shown at once,
 * then the rest in the background, with filter and order re-applied as they arrive.
 *
 * - Columns: name, status, start, duration, user, source, git commit, then the chosen metrics
 *   and params (ColumnPicker, defaults from `defaultColumns`).
 * - Order: a header click sorts by that column (MLflow's rule, ties in table order, sorting.ts);
 *   the "Order by" box takes MLflow `order_by` clauses (`metrics.acc DESC, params.lr`) with
 *   MLflow's tie order. Each replaces the other; "Default order" returns to the tree.
 * - Filter: MLflow `filter_string`, applied 150 ms after typing stops.
 * - Unordered and unfiltered the runs show as a tree (children folded under their parent);
 *   otherwise flat, children naming their parent.
 * - Selection feeds the compare link; downloads hold the shown rows and columns (export.ts).
 *
 * Before chunk 0 arrives (and without JavaScript) the page's own static table shows: pass it as
 * children (Astro's default slot) or as the `fallback` slot of `client:only`.
 */
import { useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { formatCount } from '../../lib/site/format.ts';
import { initialChoice, keyIndex, tableColumns, toggleKey } from './columns.ts';
import { downloadName, toCsv, toJson } from './export.ts';
import { compareUrl } from './links.ts';
import styles from './RunsTable.module.css';
import { saveText } from './save-file.ts';
import { SearchField } from './SearchField.tsx';
import { COMPARE_MIN, exportRows, selectedInOrder, selectionState, selectShown, toggleInSet } from './state.ts';
import { TableActions } from './TableActions.tsx';
import { TableGrid } from './TableGrid.tsx';
import { buildTree } from './tree.ts';
import { useRowWindow } from './use-row-window.ts';
import { useRunsData } from './use-runs-data.ts';
import { useTableView } from './use-table-view.ts';
import { ROW_HEIGHT } from './windowing.ts';

export interface RunsTableProps {
  /** The site's base path (`/` or `/my-repo/`); every URL is prefixed with it. */
  base: string;
  experimentId: string;
  /** Number of data chunks (dataFiles.runsTable). */
  chunks: number;
  /** Runs in the experiment. */
  total: number;
  /** Every metric and param key of the experiment (the column picker lists them). */
  columns: { metrics: string[]; params: string[] };
  primaryMetric?: { key: string; direction: 'asc' | 'desc' };
  /** Metric and param columns shown at first. */
  defaultColumns: { metrics: string[]; params: string[] };
  /** The server-rendered table, shown until the first chunk arrives. */
  children?: ReactNode;
}

export default function RunsTable(props: RunsTableProps) {
  const { base, experimentId } = props;
  const data = useRunsData(base, experimentId, props.chunks);
  const { records } = data;
  const keys = data.keys ?? props.columns;
  const index = useMemo(() => keyIndex(keys), [keys]);
  const [choice, setChoice] = useState(() => initialChoice(props.defaultColumns, props.columns));
  const columns = useMemo(() => tableColumns(choice, index), [choice, index]);
  const tree = useMemo(() => buildTree(records), [records]);
  const table = useTableView({ experimentId, records, keys, tree, columns });
  const { view } = table;

  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const shownIds = useMemo(() => view.rows.map((i) => records[i]?.id ?? ''), [view.rows, records]);
  const allShown = useMemo(() => selectionState(selected, shownIds), [selected, shownIds]);
  const onSelect = useCallback((id: string, on: boolean) => setSelected((set) => toggleInSet(set, id, on)), []);
  const onSelectShown = useCallback((on: boolean) => setSelected((set) => selectShown(set, shownIds, on)), [shownIds]);
  const compareIds = selectedInOrder(selected, tree.index);
  const { containerRef, onScroll, window: rowsWindow } = useRowWindow(view.rows.length);

  const onToggleColumn = (group: 'metrics' | 'params', key: string, on: boolean) => {
    setChoice((c) => ({ ...c, [group]: toggleKey(c[group], key, on) }));
    // Sorting by a column that is no longer shown would order rows by something invisible.
    if (!on) table.dropSort(`${group === 'metrics' ? 'metric' : 'param'}:${key}`);
  };
  const download = (kind: 'csv' | 'json') => {
    const rows = exportRows(view, records);
    if (kind === 'csv') saveText(toCsv(columns, records, rows), 'text/csv;charset=utf-8', downloadName(experimentId, 'csv'));
    else saveText(toJson(columns, records, rows), 'application/json', downloadName(experimentId, 'json'));
  };
  const loading = data.failure === undefined && data.loaded < props.chunks;

  return (
    <section className={styles.runsTable} aria-label="Runs" aria-busy={records.length === 0 && data.failure === undefined}>
      <div className={styles.toolbar}>
        <SearchField
          wide
          label="Filter"
          value={table.filter.text}
          onChange={table.filter.setText}
          placeholder="metrics.acc > 0.9 AND params.model = 'rf'"
          hint="MLflow search syntax; backticks for keys with / or spaces: metrics.`val/loss` < 0.2"
          error={table.filter.error}
        />
        <SearchField
          label="Order by"
          value={table.orderBy.text}
          onChange={table.orderBy.setText}
          placeholder="metrics.acc DESC"
          hint="MLflow order_by clauses, comma-separated; or click a column header"
          error={table.orderBy.error}
        />
      </div>
      <TableActions
        available={props.columns}
        chosen={choice}
        onToggle={onToggleColumn}
        ordered={table.ordered}
        onResetOrder={table.resetOrder}
        canDownload={records.length > 0}
        onDownload={download}
        compareHref={compareIds.length >= COMPARE_MIN ? compareUrl(base, compareIds) : undefined}
        selectedCount={compareIds.length}
        onClearSelection={() => setSelected(new Set())}
      />
      <p className={styles.status} aria-live="polite">
        {records.length === 0
          ? data.failure === undefined
            ? 'Loading runs…'
            : 'No runs loaded.'
          : `${formatCount(view.matched)} of ${formatCount(records.length)} runs`}
        {loading && records.length > 0 ? ` · loading ${formatCount(records.length)} of ${formatCount(props.total)} runs…` : null}
      </p>
      {data.failure ? (
        <p role="alert" className={styles.error}>
          Could not load all runs ({data.failure.message}); the table shows {formatCount(records.length)} of {formatCount(props.total)}.{' '}
          <button type="button" onClick={data.retry}>
            Retry
          </button>
        </p>
      ) : null}
      {records.length === 0 && props.children !== undefined ? (
        props.children
      ) : (
        <div
          ref={containerRef}
          className={styles.scroller}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label="Runs table (scrolls)"
          style={{ '--row-height': `${ROW_HEIGHT}px` } as CSSProperties}
        >
          <TableGrid
            base={base}
            caption={`Runs of experiment ${experimentId}`}
            columns={columns}
            records={records}
            tree={tree}
            rows={view.rows}
            flat={view.flat}
            window={rowsWindow}
            sort={table.sort}
            expanded={table.expanded}
            selected={selected}
            allShown={allShown}
            primaryMetric={props.primaryMetric}
            onSort={table.onSort}
            onExpand={table.onExpand}
            onSelect={onSelect}
            onSelectShown={onSelectShown}
          />
        </div>
      )}
    </section>
  );
}
