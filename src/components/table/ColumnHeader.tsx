/**
 * One column header of the runs table: a sort button (with `aria-sort` on the cell) and, at its
 * right edge, a resize handle. The handle follows the WAI-ARIA window-splitter pattern: a
 * focusable `separator` whose value is the width in rem; dragging it (mouse, pen or touch) or
 * pressing ←/→ (Shift: larger steps) resizes the column, Home/End go to the narrowest/widest.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_WIDTH, MIN_WIDTH } from './column-layout.ts';
import type { Column } from './columns.ts';
import styles from './RunsTable.module.css';
import { ariaSort, type SortState } from './sorting.ts';

export interface ColumnHeaderProps {
  column: Column;
  /** The header group's name, for the handle's label (`Metrics`). */
  groupLabel: string;
  sort: SortState | undefined;
  primary: { key: string; direction: 'asc' | 'desc' } | undefined;
  className?: string | undefined;
  onSort: (column: string) => void;
  onResize: (column: string, width: number) => void;
}

const ARROWS = { ascending: '▲', descending: '▼' } as const;
const STEP = 0.5;
const BIG_STEP = 2;

export function ColumnHeader({ column, groupLabel, sort, primary, className, onSort, onResize }: ColumnHeaderProps) {
  const sorted = ariaSort(sort, column.id);
  const drag = useRef<{ x: number; width: number; rem: number } | undefined>(undefined);
  const where = column.group === 'name' ? column.label : `${column.label} (${groupLabel})`;
  // `metrics.lr` and `params.lr` in full: the title tells same-named keys apart too.
  const name = column.group === 'metrics' || column.group === 'params' ? column.exportName : column.label;

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    drag.current = { x: e.clientX, width: column.width, rem };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    const start = drag.current;
    if (start) onResize(column.id, start.width + (e.clientX - start.x) / start.rem);
  };
  const onPointerEnd = () => {
    drag.current = undefined;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const next =
      e.key === 'ArrowRight' ? column.width + step : e.key === 'ArrowLeft' ? column.width - step : e.key === 'Home' ? MIN_WIDTH : e.key === 'End' ? MAX_WIDTH : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onResize(column.id, next);
  };

  return (
    <th scope="col" aria-sort={sorted} className={className} data-column={column.id}>
      <button
        type="button"
        className={styles.sortButton}
        onClick={() => onSort(column.id)}
        title={primary ? `${name}: primary metric, ${primary.direction === 'desc' ? 'higher' : 'lower'} is better` : name}
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
      <span
        role="separator"
        aria-orientation="vertical"
        aria-label={`Width of ${where}, rem`}
        aria-valuenow={column.width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        className={styles.resizer}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onKeyDown={onKeyDown}
      />
    </th>
  );
}
