/**
 * Parallel coordinates of the params that differ between the compared runs, colored by a metric
 * the reader picks (charts/parallel.ts places the values; the spec is precompiled, one file per
 * theme: `dataFiles.parallelSpec`). A site without that file shows nothing here:
 * the diff table already lists the same values. Any other failure is shown.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { View } from 'vega';
import { parallelData } from '../../lib/charts/parallel.ts';
import type { RuntimeSpec } from '../../lib/charts/runtime.ts';
import { DATA } from '../../lib/charts/spec-frame.ts';
import { withBase } from '../../lib/site/paths.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { fetchJson, type Fetch } from '../charts/metric-chart-data.ts';
import { usePreferredTheme } from '../charts/use-preferred-theme.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import { differingParams, METRIC_AXIS, parallelInputs } from './compare-charts.ts';
import type { RunComparison } from './compare-diff.ts';
import styles from './Compare.module.css';

export interface ParallelChartProps {
  base: string;
  runs: readonly RunSummaryData[];
  comparison: RunComparison;
  /** Metrics the lines may be colored by. */
  metrics: readonly string[];
}

type Runtime = typeof import('../../lib/charts/runtime.ts');

/** fetch, with a missing file read as `null` rather than an error. */
const optionalFile: Fetch = async (url) => {
  const response = await fetch(url);
  return response.status === 404 ? { ok: true, status: 404, statusText: 'Not Found', json: async () => null } : response;
};

export default function ParallelChart({ base, runs, comparison, metrics }: ParallelChartProps) {
  const id = useId();
  const theme = usePreferredTheme();
  const element = useRef<HTMLDivElement>(null);
  const [metric, setMetric] = useState(metrics[0]);
  const [loaded, setLoaded] = useState<{ runtime: Runtime; spec: RuntimeSpec | null }>();
  const [error, setError] = useState<string>();
  const params = useMemo(() => differingParams(comparison), [comparison]);
  const current = metric !== undefined && metrics.includes(metric) ? metric : metrics[0];
  const data = useMemo(() => (current === undefined ? undefined : parallelData(parallelInputs(runs, params.keys, current), params.keys, METRIC_AXIS)), [runs, params, current]);
  const usable = params.keys.length > 0 && current !== undefined;

  useEffect(() => {
    if (!usable) return;
    let live = true;
    const url = withBase(dataFiles.parallelSpec(theme), base);
    Promise.all([import('../../lib/charts/runtime.ts'), fetchJson(url, optionalFile)])
      .then(([runtime, spec]) => live && setLoaded({ runtime, spec: spec as RuntimeSpec | null }))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [usable, theme, base]);

  useEffect(() => {
    if (!loaded?.spec || !data || !element.current) return;
    let live = true;
    let view: View | undefined;
    const rows = { [DATA.parallel]: data.rows, [DATA.parallelTicks]: data.ticks };
    loaded.runtime
      .mountChart(element.current, loaded.spec, { data: rows, background: null })
      .then((mounted) => {
        view = mounted;
        if (!live) mounted.finalize();
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      view?.finalize();
    };
  }, [loaded, data]);

  if (!usable || loaded?.spec === null) return null;
  const plotted = data ? runs.length - data.dropped : 0;
  return (
    <figure className={styles.parallel} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Parameters that differ → {current}</h3>
      <label className={styles.inline}>
        Color by metric{' '}
        <select value={current} onChange={(e) => setMetric(e.currentTarget.value)}>
          {metrics.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      {error !== undefined ? (
        <p role="alert" className={styles.runError}>
          Chart unavailable: {error}
        </p>
      ) : null}
      <div ref={element} className={styles.plot} />
      <figcaption className={styles.status}>
        {plotted} of {runs.length} runs drawn
        {data && data.dropped > 0 ? ` (${data.dropped} lack a value of ${current} or of a parameter)` : ''}
        {params.more > 0 ? `; ${params.more} more differing parameters are only in the table` : ''}.
      </figcaption>
    </figure>
  );
}
