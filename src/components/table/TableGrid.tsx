/**
 * The runs table itself: a real `<table>` with two header rows (the groups Metrics / Params /
 * Attributes as `colgroup` headers over the column headers with their sort buttons and resize
 * handles), whose body renders only the rows of the current window (windowing.ts) between two
 * spacer rows. `aria-rowcount`/`aria-rowindex` tell assistive technology the true size. The
 * selection checkbox and Name stay pinned at the left while the table scrolls sideways.
 * Every piece of run data is a React text child or attribute value, never markup.
 */
import { memo, type CSSProperties } from 'react';
import { runName } from '../../lib/site/format.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { StatsText } from '../page/group-stats.ts';
import { ColumnHeader } from './ColumnHeader.tsx';
import { columnGroups, type Column } from './columns.ts';
import { GroupRow } from './GroupRow.tsx';
import { RunRow } from './RunRow.tsx';
import styles from './RunsTable.module.css';
import type { SortState } from './sorting.ts';
import { groupOfRow, isGroupRow, selectionState, type SelectionState, type TableGroup } from './state.ts';
import { parentOf, type RunTree } from './tree.ts';
import { HEADER_ROWS, type RowWindow } from './windowing.ts';

export interface TableGridProps {
  base: string;
  caption: string;
  columns: readonly Column[];
  records: readonly RunsTableRecord[];
  tree: RunTree;
  /** Record index of each shown row; group header rows are negative (state.ts). */
  rows: readonly number[];
  flat: boolean;
  groups?: readonly TableGroup[] | undefined;
  /** Per group (by index), its statistics by metric column id. */
  groupStats?: readonly ReadonlyMap<string, StatsText>[] | undefined;
  folded?: ReadonlySet<string | null>;
  window: RowWindow;
  sort: SortState | undefined;
  expanded: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  allShown: SelectionState;
  primaryMetric?: { key: string; direction: 'asc' | 'desc' } | undefined;
  onSort: (column: string) => void;
  onResize?: (column: string, width: number) => void;
  onExpand: (id: string, open: boolean) => void;
  onFold?: (value: string | null, fold: boolean) => void;
  onSelect: (id: string, on: boolean) => void;
  onSelectShown: (on: boolean) => void;
  onSelectGroup?: (group: TableGroup, on: boolean) => void;
}

export const SELECT_WIDTH = 2.5;
const PINNED_MAX = '40vw';
const GROUP_LABELS: Record<Column['group'], string> = { name: 'Run', metrics: 'Metrics', params: 'Params', attributes: 'Attributes' };
const NOTHING = () => {};
const NO_SET: ReadonlySet<string | null> = new Set();

export const TableGrid = memo(function TableGrid(props: TableGridProps) {
  const { columns, records, tree, rows, flat, window } = props;
  const span = columns.length + 1;
  const shown = rows.slice(window.first, window.last);
  // Fixed layout with set widths: columns keep their width while rows scroll in and out. The
  // pinned Name never takes more than PINNED_MAX of a narrow screen, so a phone still sees data.
  const others = columns.reduce((sum, c) => (c.group === 'name' ? sum : sum + c.width), SELECT_WIDTH);
  const colWidth = (c: Column) => (c.group === 'name' ? `min(${c.width}rem, ${PINNED_MAX})` : `${c.width}rem`);
  const name = columns.find((c) => c.group === 'name');
  const width = name ? `calc(${others}rem + ${colWidth(name)})` : `${others}rem`;
  const pinned = (column: Column) => (column.group === 'name' ? styles.pinName : undefined);
  return (
    <table className={styles.table} aria-rowcount={rows.length + HEADER_ROWS} style={{ width, '--pinned': name ? `calc(${SELECT_WIDTH}rem + ${colWidth(name)})` : `${SELECT_WIDTH}rem` } as CSSProperties}>
      <caption className="visually-hidden">{props.caption}</caption>
      <colgroup>
        <col style={{ width: `${SELECT_WIDTH}rem` }} />
        {columns.map((c) => (
          <col key={c.id} style={{ width: colWidth(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1} className={styles.headGroups}>
          {columnGroups(columns).map(({ group, span: n }, i) =>
            group === 'name' ? (
              <td key={`${group}-${i}`} colSpan={n + 1} className={styles.pinCorner} />
            ) : (
              <th key={`${group}-${i}`} scope="colgroup" colSpan={n}>
                <span className={styles.groupName}>{GROUP_LABELS[group]}</span>
              </th>
            ),
          )}
        </tr>
        <tr aria-rowindex={2}>
          <th scope="col" className={`${styles.select} ${styles.pinSelect}`}>
            <input
              type="checkbox"
              aria-label="Select all shown runs"
              checked={props.allShown === 'all'}
              ref={(el) => {
                if (el) el.indeterminate = props.allShown === 'some';
              }}
              onChange={(e) => props.onSelectShown(e.currentTarget.checked)}
              disabled={rows.length === 0}
            />
          </th>
          {columns.map((column) => (
            <ColumnHeader
              key={column.id}
              column={column}
              groupLabel={GROUP_LABELS[column.group]}
              sort={props.sort}
              primary={props.primaryMetric && column.id === `metric:${props.primaryMetric.key}` ? props.primaryMetric : undefined}
              className={[column.kind === 'number' ? styles.numeric : '', pinned(column) ?? ''].join(' ').trim() || undefined}
              onSort={props.onSort}
              onResize={props.onResize ?? NOTHING}
            />
          ))}
        </tr>
      </thead>
      <tbody>
        {window.padTop > 0 ? <Spacer height={window.padTop} span={span} /> : null}
        {shown.map((index, k) => {
          if (isGroupRow(index)) {
            const g = groupOfRow(index);
            const group = props.groups?.[g] as TableGroup;
            return (
              <GroupRow
                key={`group-${g}`}
                group={group}
                position={window.first + k}
                columns={columns}
                stats={props.groupStats?.[g] ?? new Map()}
                folded={(props.folded ?? NO_SET).has(group.value)}
                selection={selectionState(props.selected, group.members.map((i) => (records[i] as RunsTableRecord).id))}
                onFold={props.onFold ?? NOTHING}
                onSelectGroup={props.onSelectGroup ?? NOTHING}
              />
            );
          }
          const record = records[index] as RunsTableRecord;
          const parent = flat ? parentOf(records, tree, index) : undefined;
          return (
            <RunRow
              key={index}
              base={props.base}
              record={record}
              position={window.first + k}
              columns={columns}
              depth={flat ? 0 : (tree.depth[index] as number)}
              childCount={flat ? 0 : (tree.children[index] as number)}
              expanded={props.expanded.has(record.id)}
              parentName={parent ? runName(parent) : undefined}
              selected={props.selected.has(record.id)}
              onExpand={props.onExpand}
              onSelect={props.onSelect}
            />
          );
        })}
        {window.padBottom > 0 ? <Spacer height={window.padBottom} span={span} /> : null}
      </tbody>
    </table>
  );
});

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" className={styles.spacer} style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}
