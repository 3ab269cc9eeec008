/**
 * The diff table: a column per run (its name linking to its page, the baseline marked), a
 * section per group of compare-diff.ts, a row per key. A cell that differs from the baseline is
 * bold with a ≠ sign and says so to screen readers: never color alone. Metric cells of the other
 * runs add their change from the baseline. Sections fold with the button in their heading row;
 * system tags start folded, as MLflow hides them.
 */
import { useState } from 'react';
import type { RunStatus } from '../../lib/model.ts';
import { runName } from '../../lib/site/format.ts';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import { statusBadge } from '../../lib/site/status-badge.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { formatAttribute, formatChange, metricCell, rowDigits } from './compare-format.ts';
import { ATTRIBUTE_LABELS, SECTIONS, type CompareRow, type MetricRow, type RunComparison, type SectionName } from './compare-diff.ts';
import styles from './Compare.module.css';

export interface DiffTableProps {
  base: string;
  /** The runs compared, in the order of the comparison's values. */
  runs: readonly RunSummaryData[];
  comparison: RunComparison;
}

const FOLDED_AT_FIRST: readonly SectionName[] = ['systemTags'];

export default function DiffTable({ base, runs, comparison }: DiffTableProps) {
  const [folded, setFolded] = useState<ReadonlySet<SectionName>>(() => new Set(FOLDED_AT_FIRST));
  const toggle = (name: SectionName) =>
    setFolded((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const sections = SECTIONS.filter(({ name }) => comparison[name].length > 0);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.diff}>
        <caption className="visually-hidden">Runs compared with the baseline run</caption>
        <thead>
          <tr>
            <td />
            {runs.map((run, i) => (
              <th key={run.id} scope="col">
                <a href={withBase(routes.run(run.id), base)}>{runName(run)}</a>
                {i === comparison.baseline ? <span className={styles.badge}>baseline</span> : null}
                <span className={styles.runMeta}>{run.experimentName}</span>
              </th>
            ))}
          </tr>
        </thead>
        {sections.map(({ name, title }) => {
          const rows = comparison[name];
          const open = !folded.has(name);
          return (
            <tbody key={name}>
              <tr className={styles.sectionRow}>
                <th colSpan={runs.length + 1} scope="rowgroup">
                  <button type="button" aria-expanded={open} onClick={() => toggle(name)}>
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title} <span className={styles.count}>({rows.length})</span>
                  </button>
                </th>
              </tr>
              {open ? rows.map((row) => <DiffRow key={row.key} section={name} row={row} baseline={comparison.baseline} />) : null}
            </tbody>
          );
        })}
      </table>
      {sections.length === 0 ? <p className={styles.status}>No rows to show: every value equals the baseline.</p> : null}
    </div>
  );
}

function DiffRow({ section, row, baseline }: { section: SectionName; row: CompareRow; baseline: number }) {
  const label = section === 'attributes' ? (ATTRIBUTE_LABELS[row.key] ?? row.key) : row.key;
  const isMetric = section === 'metrics' || section === 'systemMetrics';
  const digits = isMetric ? rowDigits((row as MetricRow).values) : 0;
  return (
    <tr>
      <th scope="row" className={styles.key}>
        {label}
      </th>
      {row.values.map((value, i) => {
        const differs = row.differs[i] === true;
        const metric = typeof value === 'number' && isMetric ? metricCell(value, digits) : undefined;
        const text = value === null ? null : section === 'attributes' ? formatAttribute(row.key, value) : metric ? metric.text : String(value);
        const change = isMetric && i !== baseline ? formatChange((row as MetricRow).changes[i] ?? null) : undefined;
        const badge = section === 'attributes' && row.key === 'status' && typeof value === 'string' ? statusBadge(value as RunStatus) : undefined;
        return (
          <td key={i} className={[differs ? styles.differs : '', isMetric ? styles.num : ''].join(' ').trim() || undefined} title={metric?.title}>
            {differs ? (
              <span className={styles.mark} aria-hidden="true">
                ≠{' '}
              </span>
            ) : null}
            {text === null ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">none</span>
              </>
            ) : badge ? (
              <span className={badge.className}>{badge.label}</span>
            ) : (
              text
            )}
            {differs ? <span className="visually-hidden"> (differs from baseline)</span> : null}
            {change !== undefined ? (
              <span className={styles.change}>
                <span aria-hidden="true">Δ </span>
                <span className="visually-hidden">change </span>
                {change}
              </span>
            ) : null}
          </td>
        );
      })}
    </tr>
  );
}
