/**
 * One metric's history for one or more runs, as an interactive chart (a React island, hydrated
 * with `client:visible`). Props are serializable data only: data file URLs (series-file.ts
 * format), the metric key, run names and the compiled runtime specs (or their URLs).
 *
 * The Vega runtime is imported when the island mounts, so it is a separate chunk that pages
 * without charts never load. Controls (x axis, log scale, smoothing) are labelled form
 * elements, usable by keyboard; the chart follows `prefers-color-scheme`. Failures to fetch
 * show a visible message; without JavaScript the page shows its own fallback.
 */
import { useState } from 'react';
import { formatNumber } from '../../lib/site/format.ts';
import { MAX_SMOOTHING } from '../../lib/charts/series.ts';
import { SmoothingSlider, XAxisChoice } from './ChartInputs.tsx';
import { formatX, valuesAt, type ChartOptions, type SpecSource } from './metric-chart-data.ts';
import styles from './MetricChart.module.css';
import { useMetricChart } from './use-metric-chart.ts';
import { usePreferredTheme } from './use-preferred-theme.ts';

export interface MetricChartProps {
  /** URL(s) of data files: one per run page, several on a comparison. */
  data: string | string[];
  /** The metric key. */
  metric: string;
  /** Run id → display name, overriding the names in the data files. */
  runNames?: Record<string, string>;
  /** Runtime specs by variant key, each a spec or its URL; or the URL of a JSON file with that map. */
  specs: SpecSource | string;
  initial?: Partial<ChartOptions>;
  /** Points drawn in total, shared among the runs (default 5000). */
  totalPoints?: number;
}


export default function MetricChart(props: MetricChartProps) {
  const theme = usePreferredTheme();
  const [options, setOptions] = useState<ChartOptions>(() => {
    const initial: ChartOptions = { x: 'step', log: false, smoothing: 0, ...props.initial };
    return { ...initial, smoothing: Math.min(MAX_SMOOTHING, Math.max(0, initial.smoothing)) };
  });
  const urls = Array.isArray(props.data) ? props.data : [props.data];
  const { element, rows, error, hoverX } = useMetricChart({ ...props, urls, theme, options });
  const set = (patch: Partial<ChartOptions>) => setOptions((o) => ({ ...o, ...patch }));
  const hovered = rows && hoverX !== undefined ? valuesAt(rows.rows, options.x, hoverX) : [];
  return (
    <figure className={styles.chart} aria-busy={rows === undefined && error === undefined}>
      <fieldset className={styles.controls}>
        <legend className="visually-hidden">Chart options for {props.metric}</legend>
        <XAxisChoice label="x axis" value={options.x} onChange={(x) => set({ x })} />
        <label>
          <input type="checkbox" checked={options.log} onChange={(e) => set({ log: e.currentTarget.checked })} /> Log scale
        </label>
        <SmoothingSlider value={options.smoothing} onChange={(smoothing) => set({ smoothing })} />
      </fieldset>
      {error !== undefined ? (
        <p role="alert" className={styles.error}>
          Chart unavailable: {error}
        </p>
      ) : null}
      {rows && rows.rows.length === 0 && rows.markers.length === 0 ? <p className={styles.muted}>No values logged for {props.metric}.</p> : null}
      <div ref={element} className={styles.plot} />
      <ul className={styles.values} aria-live="polite" aria-label={`Values of ${props.metric} at the hovered point`}>
        {hovered.length > 0 ? <li className={styles.muted}>{formatX(options.x, hoverX!)}</li> : null}
        {hovered.map((v) => (
          <li key={v.run}>
            {v.run}: <strong>{formatNumber(v.value)}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
