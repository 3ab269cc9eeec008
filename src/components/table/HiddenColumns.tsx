/**
 * The hidden columns, listed above the table and one click away: a short button per column (the
 * attributes the table hides, and metrics and params that read the same in every run), why it is
 * hidden in its title and accessible name. Long lists stop after a few; the column picker has
 * them all, with the reasons spelled out.
 */
import type { HiddenColumn } from './hidden-columns.ts';
import styles from './RunsTable.module.css';

const LISTED = 8;

export interface HiddenColumnsProps {
  hidden: readonly HiddenColumn[];
  onShow: (id: string) => void;
}

export function HiddenColumns({ hidden, onShow }: HiddenColumnsProps) {
  if (hidden.length === 0) return null;
  const listed = hidden.slice(0, LISTED);
  return (
    <div className={styles.hiddenColumns} role="group" aria-label="Hidden columns">
      <span className={styles.muted}>Hidden columns:</span>
      {listed.map((column) => (
        <button key={column.id} type="button" className={styles.chip} onClick={() => onShow(column.id)} title={column.reason ? `Show ${column.label} (${column.reason})` : `Show ${column.label}`}>
          <span aria-hidden="true">+ </span>
          <span className="visually-hidden">Show </span>
          {column.label}
          {column.reason ? <span className="visually-hidden"> ({column.reason})</span> : null}
        </button>
      ))}
      {hidden.length > listed.length ? <span className={styles.muted}>and {hidden.length - listed.length} more under Columns</span> : null}
    </div>
  );
}
