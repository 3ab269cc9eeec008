/**
 * The runs table itself: a real `<table>` (caption, `<th scope="col">` headers with sort buttons
 * and `aria-sort`) whose body renders only the rows of the current window (windowing.ts) between
 * two spacer rows. `aria-rowcount`/`aria-rowindex` tell assistive technology the true size.
 * Every piece of run data is a React text child or attribute value, never markup.
 */
import { memo } from 'react';
import { runName } from '../../lib/site/format.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';
import { RunRow } from './RunRow.tsx';
import styles from './RunsTable.module.css';
import { ariaSort, type SortState } from './sorting.ts';
import type { SelectionState } from './state.ts';
import { parentOf, type RunTree } from './tree.ts';
import type { RowWindow } from './windowing.ts';

export interface TableGridProps {
  base: string;
  caption: string;
  columns: readonly Column[];
  records: readonly RunsTableRecord[];
  tree: RunTree;
  /** Record index of each shown row. */
  rows: readonly number[];
  flat: boolean;
  window: RowWindow;
  sort: SortState | undefined;
  expanded: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  allShown: SelectionState;
  primaryMetric?: { key: string; direction: 'asc' | 'desc' } | undefined;
  onSort: (column: string) => void;
  onExpand: (id: string, open: boolean) => void;
  onSelect: (id: string, on: boolean) => void;
  onSelectShown: (on: boolean) => void;
}

const SELECT_WIDTH = 2.5;
const ARROWS = { ascending: '▲', descending: '▼' } as const;

export const TableGrid = memo(function TableGrid(props: TableGridProps) {
  const { columns, records, tree, rows, flat, window } = props;
  const span = columns.length + 1;
  const shown = rows.slice(window.first, window.last);
  // Fixed layout with set widths: columns keep their width while rows scroll in and out.
  const width = columns.reduce((sum, c) => sum + c.width, SELECT_WIDTH);
  return (
    <table className={styles.table} aria-rowcount={rows.length + 1} style={{ width: `${width}rem` }}>
      <caption className="visually-hidden">{props.caption}</caption>
      <colgroup>
        <col style={{ width: `${SELECT_WIDTH}rem` }} />
        {columns.map((c) => (
          <col key={c.id} style={{ width: `${c.width}rem` }} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className={styles.select}>
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
          {columns.map((column) => {
            const sorted = ariaSort(props.sort, column.id);
            const primary = props.primaryMetric && column.id === `metric:${props.primaryMetric.key}` ? props.primaryMetric : undefined;
            return (
              <th key={column.id} scope="col" aria-sort={sorted} className={column.kind === 'number' ? styles.numeric : undefined}>
                <button
                  type="button"
                  className={styles.sortButton}
                  onClick={() => props.onSort(column.id)}
                  title={primary ? `${column.label}: primary metric, ${primary.direction === 'desc' ? 'higher' : 'lower'} is better` : column.label}
                >
                  <span className={styles.label}>{column.label}</span>
                  {primary ? (
                    <>
                      <span aria-hidden="true"> ★</span>
                      <span className="visually-hidden"> (primary metric)</span>
                    </>
                  ) : null}
                  <span aria-hidden="true" className={styles.arrow}>
                    {sorted ? ARROWS[sorted] : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {window.padTop > 0 ? <Spacer height={window.padTop} span={span} /> : null}
        {shown.map((index, k) => {
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
