/**
 * The header row of a group of runs (state.ts `TableGroup`): a checkbox selecting the group's
 * runs, a fold button with the group's name and size in the Name column, and in each metric
 * column the group's `mean ± std` over `min – max` (page/group-stats.ts), everything said in
 * full in the cell's title.
 */
import { memo } from 'react';
import { formatCount } from '../../lib/site/format.ts';
import type { StatsText } from '../page/group-stats.ts';
import type { Column } from './columns.ts';
import styles from './RunsTable.module.css';
import type { SelectionState, TableGroup } from './state.ts';
import { HEADER_ROWS } from './windowing.ts';

export interface GroupRowProps {
  group: TableGroup;
  /** 0-based position among the shown rows (for `aria-rowindex`). */
  position: number;
  columns: readonly Column[];
  /** Statistics by metric column id. */
  stats: ReadonlyMap<string, StatsText>;
  folded: boolean;
  selection: SelectionState;
  onFold: (value: string | null, fold: boolean) => void;
  onSelectGroup: (group: TableGroup, on: boolean) => void;
}

export const GroupRow = memo(function GroupRow({ group, position, columns, stats, folded, selection, onFold, onSelectGroup }: GroupRowProps) {
  const size = `${formatCount(group.members.length)} ${group.members.length === 1 ? 'run' : 'runs'}`;
  return (
    <tr aria-rowindex={position + HEADER_ROWS + 1} className={styles.groupRow}>
      <td className={`${styles.select} ${styles.pinSelect}`}>
        <input
          type="checkbox"
          aria-label={`Select the ${size} of ${group.label}`}
          checked={selection === 'all'}
          ref={(el) => {
            if (el) el.indeterminate = selection === 'some';
          }}
          onChange={(e) => onSelectGroup(group, e.currentTarget.checked)}
        />
      </td>
      {columns.map((column) => {
        if (column.group === 'name') {
          return (
            <td key={column.id} className={`${styles.name} ${styles.pinName}`} title={`${group.label}: ${size}`}>
              <span className={styles.nameInner}>
                <button type="button" className={styles.toggle} aria-expanded={!folded} aria-label={`${size} of ${group.label}`} onClick={() => onFold(group.value, !folded)}>
                  <span aria-hidden="true">{folded ? '▸' : '▾'}</span>
                  {formatCount(group.members.length)}
                </button>
                <span className={styles.groupLabel}>{group.label}</span>
              </span>
            </td>
          );
        }
        const text = column.group === 'metrics' ? stats.get(column.id) : undefined;
        if (!text) return <td key={column.id} />;
        return (
          <td key={column.id} className={`${styles.numeric} ${styles.groupStats}`} title={text.title}>
            <span>{text.mean}</span>
            {text.range ? <span className={styles.range}>{text.range}</span> : null}
          </td>
        );
      })}
    </tr>
  );
});
