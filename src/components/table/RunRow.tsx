/**
 * One run of the runs table: a selection checkbox, the name (a link to the run page, indented by
 * depth, with an expand/collapse button on parents, or the parent's name on flat rows), the
 * status as a text badge (not color alone), then one cell per column. Memoized: scrolling renders
 * only the rows that enter the window.
 */
import { memo } from 'react';
import type { RunStatus } from '../../lib/model.ts';
import { runName } from '../../lib/site/format.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';
import { runUrl } from './links.ts';
import styles from './RunsTable.module.css';

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

const STATUS_CLASS: Record<RunStatus, string | undefined> = {
  FINISHED: styles.finished,
  RUNNING: styles.running,
  SCHEDULED: styles.scheduled,
  FAILED: styles.failed,
  KILLED: styles.killed,
};

export const RunRow = memo(function RunRow(props: RunRowProps) {
  const { record, columns } = props;
  const name = runName(record);
  return (
    <tr aria-rowindex={props.position + 2} className={props.selected ? styles.selectedRow : undefined}>
      <td className={styles.select}>
        <input type="checkbox" aria-label={`Select ${name}`} checked={props.selected} onChange={(e) => props.onSelect(record.id, e.currentTarget.checked)} />
      </td>
      {columns.map((column) => {
        if (column.kind === 'name') return <NameCell key={column.id} {...props} name={name} />;
        if (column.kind === 'status') {
          return (
            <td key={column.id}>
              <span className={`${styles.badge} ${STATUS_CLASS[record.status] ?? ''}`}>{column.text(record)}</span>
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
    <td className={styles.name} title={title}>
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
