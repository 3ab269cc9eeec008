/**
 * The bar above the runs table: column picker, "Group by", "Default order" (when ordered),
 * downloads of what is shown, the compare link for the selection (a link only once enough runs
 * are selected; before that, a disabled look with the reason), "Clear selection" and "Copy link".
 */
import { CopyLink } from '../page/CopyLink.tsx';
import { GroupBySelect } from '../page/GroupBySelect.tsx';
import { ColumnPicker, type ColumnPickerProps } from './ColumnPicker.tsx';
import styles from './RunsTable.module.css';
import { COMPARE_MIN } from './state.ts';

export interface TableActionsProps extends ColumnPickerProps {
  group: string | undefined;
  /** Tag keys runs can be grouped by (params come from `available`). */
  groupTags: readonly string[];
  onGroup: (group: string | undefined) => void;
  ordered: boolean;
  onResetOrder: () => void;
  canDownload: boolean;
  onDownload: (kind: 'csv' | 'json') => void;
  /** The compare page for the selection, when it has enough runs. */
  compareHref: string | undefined;
  selectedCount: number;
  onClearSelection: () => void;
  /** The address of the current view. */
  link: () => string;
}

export function TableActions(props: TableActionsProps) {
  const label = `Compare selected (${props.selectedCount})`;
  return (
    <div className={styles.actions}>
      <ColumnPicker available={props.available} layout={props.layout} reasons={props.reasons} onToggle={props.onToggle} />
      <GroupBySelect className={styles.groupBy} value={props.group} params={props.available.params} tags={props.groupTags} onChange={props.onGroup} />
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
      <CopyLink link={props.link} className={styles.copyLink} />
    </div>
  );
}
