/**
 * The experiment page's runs table (a React island, `client:load`). Props are serializable data
 * only; the rows come from the data files (table-data.ts chunks): chunk 0 first, shown at once,
 * then the rest in the background, with filter, order and grouping re-applied as they arrive.
 *
 * - Columns: the selection checkbox and Name pinned at the left, then Metrics (the primary metric
 *   first), Params and Attributes under group headers; columns that read the same in every run
 *   start hidden and are listed above the table; any column can be shown, hidden (ColumnPicker)
 *   and resized (mouse or keyboard). The layout is remembered per experiment in the browser.
 * - Order: a header click sorts by that column (MLflow's rule, ties in table order, sorting.ts);
 *   the "Order by" box takes MLflow `order_by` clauses (`metrics.acc DESC, params.lr`) with
 *   MLflow's tie order. Each replaces the other; "Default order" returns to the tree.
 * - Filter: MLflow `filter_string`, applied 150 ms after typing stops; one that does not compile
 *   empties the table and says why.
 * - Group by a param or tag: a header row per group with mean ± std and min – max of the shown
 *   metrics (src/lib/analyze/groups.ts).
 * - Unordered, unfiltered and ungrouped the runs show as a tree (children folded under their
 *   parent); otherwise flat, children naming their parent.
 * - The whole view lives in the address (view-url.ts, restored after hydration) and "Copy link"
 *   shares it; every change is announced to the page's other islands (runs-view-event.ts).
 * - Selection feeds the compare link; downloads hold the shown runs and columns (export.ts).
 *
 * Before chunk 0 arrives (and without JavaScript) the page's own static table shows: pass it as
 * children (Astro's default slot) or as the `fallback` slot of `client:only`.
 */
import { useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { Attribute, RunsTableRecord, UniformColumn } from '../../lib/site/table-data.ts';
import type { RunsViewDetail } from '../page/runs-view-event.ts';
import { useRunsViewAnnounce } from '../page/use-runs-view-announce.ts';
import { useViewAddress } from '../page/use-view-address.ts';
import { keyIndex, tableColumns } from './columns.ts';
import { downloadName, toCsv, toJson } from './export.ts';
import { hiddenColumns, uniformReason } from './hidden-columns.ts';
import { HiddenColumns } from './HiddenColumns.tsx';
import { compareUrl } from './links.ts';
import styles from './RunsTable.module.css';
import { saveText } from './save-file.ts';
import { COMPARE_MIN, exportRows, groupableTags, selectedAsShown, selectedInOrder, selectionState, selectShown, shownRunIds, toggleInSet, type TableGroup } from './state.ts';
import { TableActions } from './TableActions.tsx';
import { TableGrid } from './TableGrid.tsx';
import { TableSearch } from './TableSearch.tsx';
import { TableStatus } from './TableStatus.tsx';
import { buildTree } from './tree.ts';
import { useColumnLayout } from './use-column-layout.ts';
import { useRestoredView } from './use-restored-view.ts';
import { useRowWindow } from './use-row-window.ts';
import { useRunsData } from './use-runs-data.ts';
import { useTableView } from './use-table-view.ts';
import { groupStatsOf, viewDetail } from './view-summary.ts';
import { tableViewParams } from './view-url.ts';
import { ROW_HEIGHT } from './windowing.ts';

export interface RunsTableProps {
  /** The site's base path (`/` or `/my-repo/`); every URL is prefixed with it. */
  base: string;
  experimentId: string;
  /** Number of data chunks (dataFiles.runsTable). */
  chunks: number;
  /** Runs in the experiment. */
  total: number;
  /** Every metric and param key of the experiment, in the order the table lists them. */
  columns: { metrics: string[]; params: string[] };
  primaryMetric?: { key: string; direction: 'asc' | 'desc' };
  /** Columns shown at first (attributes: all when absent). */
  defaultColumns: { metrics: string[]; params: string[]; attributes?: Attribute[] };
  /** Columns the same in every run or empty in all (hidden at first, listed as such). */
  uniformColumns?: UniformColumn[];
  /** The server-rendered table, shown until the first chunk arrives. */
  children?: ReactNode;
}

export default function RunsTable(props: RunsTableProps) {
  const { base, experimentId } = props;
  const data = useRunsData(base, experimentId, props.chunks);
  const { records } = data;
  const keys = data.keys ?? props.columns;
  const index = useMemo(() => keyIndex(keys), [keys]);
  const primary = props.primaryMetric?.key;
  const columnLayout = useColumnLayout({ base, experimentId, available: props.columns, defaults: props.defaultColumns, primary });
  const { layout } = columnLayout;
  const columns = useMemo(() => tableColumns(layout, index, primary), [layout, index, primary]);
  const tree = useMemo(() => buildTree(records), [records]);
  const table = useTableView({ experimentId, records, keys, index, tree, columns });
  const { view } = table;
  const restored = useRestoredView({ base, experimentId, restoreColumns: columnLayout.restore, restoreView: table.restore });

  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const shownIds = useMemo(() => shownRunIds(view, records), [view, records]);
  const allShown = useMemo(() => selectionState(selected, shownIds), [selected, shownIds]);
  const onSelect = useCallback((id: string, on: boolean) => setSelected((set) => toggleInSet(set, id, on)), []);
  const onSelectShown = useCallback((on: boolean) => setSelected((set) => selectShown(set, shownIds, on)), [shownIds]);
  const onSelectGroup = useCallback(
    (group: TableGroup, on: boolean) => setSelected((set) => selectShown(set, group.members.map((i) => (records[i] as RunsTableRecord).id), on)),
    [records],
  );
  const compareIds = selectedInOrder(selected, tree.index);
  const { containerRef, onScroll, window: rowsWindow } = useRowWindow(view.rows.length);

  const uniform = props.uniformColumns ?? NONE;
  const reasons = useMemo(() => new Map(uniform.map((c) => [c.id, uniformReason(c)])), [uniform]);
  const hidden = useMemo(() => hiddenColumns(layout, uniform), [layout, uniform]);
  const groupTags = useMemo(() => groupableTags(records), [records]);
  const groupStats = useMemo(() => groupStatsOf(view, columns, records), [view, columns, records]);

  const onToggleColumn = (id: string, on: boolean) => {
    columnLayout.toggle(id, on);
    // Sorting by a column that is no longer shown would order rows by something invisible.
    if (!on) table.dropSort(id);
  };
  const download = (kind: 'csv' | 'json') => {
    const rows = exportRows(view, records);
    if (kind === 'csv') saveText(toCsv(columns, records, rows), 'text/csv;charset=utf-8', downloadName(experimentId, 'csv'));
    else saveText(toJson(columns, records, rows), 'application/json', downloadName(experimentId, 'json'));
  };

  const params = restored
    ? tableViewParams({
        filter: table.filter.text,
        order: table.orderBy.text,
        sort: table.sortSetting,
        layout,
        defaultLayout: columnLayout.isDefault,
        open: [...table.expanded],
        group: table.group,
      })
    : undefined;
  const link = useViewAddress(params);
  const detail = useMemo(
    (): RunsViewDetail | undefined => (restored && records.length > 0 ? viewDetail(experimentId, view, records, shownIds, selectedAsShown(selected, shownIds, tree.index), table.group) : undefined),
    [restored, experimentId, view, records, shownIds, selected, tree.index, table.group],
  );
  useRunsViewAnnounce(detail);

  const loading = data.failure === undefined && data.loaded < props.chunks;
  return (
    <section className={styles.runsTable} aria-label="Runs" aria-busy={records.length === 0 && data.failure === undefined}>
      <TableSearch filter={table.filter} orderBy={table.orderBy} />
      <TableActions
        available={props.columns}
        layout={layout}
        reasons={reasons}
        onToggle={onToggleColumn}
        group={table.group}
        groupTags={groupTags}
        onGroup={table.setGroup}
        ordered={table.ordered}
        onResetOrder={table.resetOrder}
        canDownload={records.length > 0 && !table.filterFailed}
        onDownload={download}
        compareHref={compareIds.length >= COMPARE_MIN ? compareUrl(base, compareIds) : undefined}
        selectedCount={compareIds.length}
        onClearSelection={() => setSelected(new Set())}
        link={link}
      />
      <HiddenColumns hidden={hidden} onShow={(id) => columnLayout.toggle(id, true)} />
      <TableStatus loaded={records.length} total={props.total} view={view} filterFailed={table.filterFailed} failure={data.failure} loading={loading} onRetry={data.retry} />
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
            groups={view.groups}
            groupStats={groupStats}
            folded={table.folded}
            window={rowsWindow}
            sort={table.sort}
            expanded={table.expanded}
            selected={selected}
            allShown={allShown}
            primaryMetric={props.primaryMetric}
            onSort={table.onSort}
            onResize={columnLayout.resize}
            onExpand={table.onExpand}
            onFold={table.onFold}
            onSelect={onSelect}
            onSelectShown={onSelectShown}
            onSelectGroup={onSelectGroup}
          />
        </div>
      )}
    </section>
  );
}

const NONE: UniformColumn[] = [];
