/**
 * One run of the runs table: a selection checkbox and the name (a link to the run page, indented
 * by depth, with an expand/collapse button on parents, or the parent's name on flat rows), both
 * pinned at the left; then one cell per column, the status as the site's status badge (the
 * classes of Status.astro: text, not color alone). Memoized: scrolling renders only the rows that
 * enter the window.
 */
import { memo } from 'react';
import { runName } from '../../lib/site/format.ts';
import { statusBadge } from '../../lib/site/status-badge.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';
import { runUrl } from './links.ts';
import styles from './RunsTable.module.css';
import { HEADER_ROWS } from './windowing.ts';

export interface RunRowProps {
  base: string;
  record: RunsTableRecord;
  /** 0-based position among the shown rows (for `aria-rowindex`). */
  position: number;
  columns: readonly Column[];
  /** Indentation (0 on flat rows). */
  depth: number;
  /** Direct children, when the row can be expanded (0 on flat rows). */
  childCount: number;
  expanded: boolean;
  /** The parent run's display name, on flat rows of child runs. */
  parentName: string | undefined;
  selected: boolean;
  onExpand: (id: string, open: boolean) => void;
  onSelect: (id: string, on: boolean) => void;
}

export const RunRow = memo(function RunRow(props: RunRowProps) {
  const { record, columns } = props;
  const name = runName(record);
  return (
    <tr aria-rowindex={props.position + HEADER_ROWS + 1} className={props.selected ? styles.selectedRow : undefined}>
      <td className={`${styles.select} ${styles.pinSelect}`}>
        <input type="checkbox" aria-label={`Select ${name}`} checked={props.selected} onChange={(e) => props.onSelect(record.id, e.currentTarget.checked)} />
      </td>
      {columns.map((column) => {
        if (column.kind === 'name') return <NameCell key={column.id} {...props} name={name} />;
        if (column.kind === 'status') {
          const badge = statusBadge(record.status);
          return (
            <td key={column.id}>
              <span className={badge.className}>{badge.label}</span>
            </td>
          );
        }
        return (
          <td key={column.id} className={column.kind === 'number' ? styles.numeric : undefined} title={column.title?.(record)}>
            {column.text(record)}
          </td>
        );
      })}
    </tr>
  );
});

function NameCell({ base, record, depth, childCount, expanded, parentName, onExpand, name }: RunRowProps & { name: string }) {
  const title = parentName === undefined ? name : `${name} (child of ${parentName})`;
  return (
    <td className={`${styles.name} ${styles.pinName}`} title={title}>
      <span className={styles.nameInner} style={depth > 0 ? { paddingInlineStart: `${depth * 1.25}rem` } : undefined}>
        {childCount > 0 ? (
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={expanded}
            aria-label={`${childCount} child ${childCount === 1 ? 'run' : 'runs'} of ${name}`}
            onClick={() => onExpand(record.id, !expanded)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            {childCount}
          </button>
        ) : null}
        <a href={runUrl(base, record.id)} className={styles.runLink}>
          {name}
        </a>
        {parentName !== undefined ? <span className={styles.parent}>in {parentName}</span> : null}
      </span>
    </td>
  );
}
