/**
 * The compare page's group summary: a column per group (its name and size), a row per metric,
 * each cell the group's `mean ± std` over `min – max` (page/group-stats.ts), everything said in
 * full in the cell's title. A note says when a group has a single run (no spread to show).
 */
import { formatCount } from '../../lib/site/format.ts';
import { statsText } from '../page/group-stats.ts';
import styles from './Compare.module.css';
import type { CompareGroups } from './compare-groups.ts';

export default function GroupTable({ groups, groupBy }: { groups: CompareGroups; groupBy: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.diff}>
        <caption className="visually-hidden">Metrics of the compared runs grouped by {groupBy}: mean ± sample standard deviation, min – max</caption>
        <thead>
          <tr>
            <td />
            {groups.groups.map((g) => (
              <th key={g.label} scope="col">
                {g.label}
                <span className={styles.runMeta}>
                  {formatCount(g.runs.length)} {g.runs.length === 1 ? 'run' : 'runs'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.metrics.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={styles.key}>
                {row.key}
              </th>
              {row.stats.map((stats, i) => {
                const text = statsText(stats);
                return (
                  <td key={i} className={styles.num} title={text.title}>
                    {text.mean}
                    {text.range ? <span className={styles.change}>{text.range}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {groups.metrics.length === 0 ? <p className={styles.status}>The compared runs have no metrics to summarize.</p> : null}
    </div>
  );
}
