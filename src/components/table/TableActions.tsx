/**
 * The bar above the runs table: column picker, "Default order" (when ordered), downloads of what
 * is shown, the compare link for the selection (a link only once enough runs are selected; before
 * that, a disabled look with the reason), and "Clear selection".
 */
import { ColumnPicker, type ColumnPickerProps } from './ColumnPicker.tsx';
import styles from './RunsTable.module.css';
import { COMPARE_MIN } from './state.ts';

export interface TableActionsProps extends ColumnPickerProps {
  ordered: boolean;
  onResetOrder: () => void;
  canDownload: boolean;
  onDownload: (kind: 'csv' | 'json') => void;
  /** The compare page for the selection, when it has enough runs. */
  compareHref: string | undefined;
  selectedCount: number;
  onClearSelection: () => void;
}

export function TableActions(props: TableActionsProps) {
  const label = `Compare selected (${props.selectedCount})`;
  return (
    <div className={styles.actions}>
      <ColumnPicker available={props.available} chosen={props.chosen} onToggle={props.onToggle} />
      {props.ordered ? (
        <button type="button" onClick={props.onResetOrder}>
          Default order
        </button>
      ) : null}
      <button type="button" onClick={() => props.onDownload('csv')} disabled={!props.canDownload}>
        Download CSV
      </button>
      <button type="button" onClick={() => props.onDownload('json')} disabled={!props.canDownload}>
        Download JSON
      </button>
      {props.compareHref !== undefined ? (
        <a className={styles.compare} href={props.compareHref}>
          {label}
        </a>
      ) : (
        <span className={styles.compareDisabled} aria-disabled="true" title={`Select ${COMPARE_MIN} or more runs to compare`}>
          {label}
        </span>
      )}
      {props.selectedCount > 0 ? (
        <button type="button" onClick={props.onClearSelection}>
          Clear selection
        </button>
      ) : null}
    </div>
  );
}
