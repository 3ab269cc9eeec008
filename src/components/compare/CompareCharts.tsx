/**
 * The compare page's charts, loaded as their own chunk when the reader scrolls to them: one
 * metric history chart per chosen metric with every run that logged it overlaid (the
 * MetricChart island, fed each run's data file), and the parallel coordinates of the params
 * that differ. By default the six most relevant metrics all runs share (ranked over the runs'
 * data files, which the charts load anyway); the checkboxes pick others.
 */
import { useId, useMemo, useState } from 'react';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import MetricChart from '../charts/MetricChart.tsx';
import { useRunFiles } from '../charts/use-run-files.ts';
import { lineSpecUrls } from '../../lib/site/routes.ts';
import { chartRunNames, defaultChartMetrics, metricChoices, seriesUrls } from './compare-charts.ts';
import type { RunComparison } from './compare-diff.ts';
import styles from './Compare.module.css';
import ParallelChart from './ParallelChart.tsx';

export interface CompareChartsProps {
  base: string;
  runs: readonly RunSummaryData[];
  /** The full comparison (not only differences). */
  comparison: RunComparison;
}

export default function CompareCharts({ base, runs, comparison }: CompareChartsProps) {
  const id = useId();
  const ids = useMemo(() => runs.map((run) => run.id), [runs]);
  const loaded = useRunFiles(ids, base);
  const choices = useMemo(() => metricChoices(runs, loaded.files), [runs, loaded.files]);
  const [picked, setPicked] = useState<readonly string[]>();
  const shown = (picked ?? defaultChartMetrics(choices)).filter((key) => choices.keys.includes(key));
  const runNames = useMemo(() => chartRunNames(runs), [runs]);
  const colorMetrics = useMemo(() => choices.keys.filter((key) => choices.shared.has(key)), [choices]);
  const specs = useMemo(() => lineSpecUrls(base), [base]);
  const toggle = (key: string, on: boolean) => setPicked(on ? [...shown, key] : shown.filter((k) => k !== key));
  if (!loaded.complete) return <p className={styles.status}>Loading charts…</p>;
  if (choices.keys.length === 0) return <p className={styles.status}>These runs logged no metrics.</p>;
  return (
    <>
      <details className={styles.metricPicker}>
        <summary>
          Metrics charted: {shown.length} of {choices.keys.length}
        </summary>
        <fieldset>
          <legend className="visually-hidden">Metrics to chart</legend>
          {choices.keys.map((key, i) => (
            <label key={key} htmlFor={`${id}-m${i}`}>
              <input id={`${id}-m${i}`} type="checkbox" checked={shown.includes(key)} onChange={(e) => toggle(key, e.currentTarget.checked)} /> {key}
              {choices.shared.has(key) ? null : <span className={styles.runMeta}> (not every run)</span>}
            </label>
          ))}
        </fieldset>
      </details>
      {shown.length === 0 ? <p className={styles.status}>No metric chosen.</p> : null}
      <div className={styles.chartGrid}>
        {shown.map((metric) => (
          <section key={metric} aria-label={`History of ${metric}`}>
            <h3 className={styles.chartTitle}>{metric}</h3>
            <MetricChart data={seriesUrls(runs, metric, base)} metric={metric} runNames={runNames} specs={specs} />
          </section>
        ))}
      </div>
      <ParallelChart base={base} runs={runs} comparison={comparison} metrics={colorMetrics} />
    </>
  );
}

