/**
 * What the compare page charts: which metrics get a history chart (those every chosen run
 * logged, most relevant first by analyze/relevance.ts, at most `DEFAULT_CHARTS` unless the reader
 * picks more), each run's data file for them, and the parallel coordinates of the params that
 * differ between the runs, colored by one metric (the most relevant shared one at first).
 *
 * Chart specs are precompiled at build time, one file per variant (browsers never load
 * Vega-Lite): the line chart variants of compile.ts `lineChartVariants` and, per theme, the
 * parallel coordinates spec.
 */
import { metricStats, rankMetrics } from '../../lib/analyze/relevance.ts';
import type { ParallelInput } from '../../lib/charts/parallel.ts';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import { runLabels } from '../../lib/charts/series.ts';
import { metricNumber } from '../../lib/metric-value.ts';
import { compareStrings } from '../../lib/order.ts';
import { runName } from '../../lib/site/format.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import type { RunComparison } from './compare-diff.ts';

export const DEFAULT_CHARTS = 6;
/** Parallel coordinates get hard to read past this many axes. */
export const MAX_PARALLEL_AXES = 12;

export interface MetricChoices {
  /** Every metric some run logged: shared ones first, each group in relevance order. */
  keys: string[];
  /** The metrics every run logged. */
  shared: ReadonlySet<string>;
}

/** The metrics of the runs, ranked over their data files' series (`files`: one per run, as loaded for the charts). */
export function metricChoices(runs: readonly RunSummaryData[], files: readonly DecodedSeriesFile[]): MetricChoices {
  const counts = new Map<string, number>();
  for (const run of runs) for (const [key] of run.metrics) counts.set(key, (counts.get(key) ?? 0) + 1);
  const shared = new Set([...counts].filter(([, n]) => n === runs.length).map(([key]) => key));
  const series = files.flatMap((file) => [...file.metrics].flatMap(([key, list]) => list.map((one) => ({ key, points: one.points }))));
  const ranked = rankMetrics(metricStats(series));
  // A metric of a summary whose file held no series for it still gets a place, after the ranked ones.
  const keys = [...ranked.filter((key) => counts.has(key)), ...[...counts.keys()].filter((key) => !ranked.includes(key)).sort(compareStrings)];
  return { keys: [...keys.filter((key) => shared.has(key)), ...keys.filter((key) => !shared.has(key))], shared };
}

/** The first `DEFAULT_CHARTS` shared metrics in relevance order (`system/` ones rank last; any metrics when none are shared). */
export function defaultChartMetrics(choices: MetricChoices): string[] {
  const shared = choices.keys.filter((key) => choices.shared.has(key));
  return (shared.length > 0 ? shared : choices.keys).slice(0, DEFAULT_CHARTS);
}

/** Data file URLs (series-file.ts format, with the summary beside it) of the runs that logged `metric`. */
export function seriesUrls(runs: readonly RunSummaryData[], metric: string, base: string): string[] {
  return runs.filter((run) => run.metrics.some(([key]) => key === metric)).map((run) => withBase(dataFiles.run(run.id), base));
}

/** Run id → the name charts show. */
export function chartRunNames(runs: readonly RunSummaryData[]): Record<string, string> {
  return Object.fromEntries(runs.map((run) => [run.id, runName(run)]));
}

/** The params whose values differ between the runs (at most `MAX_PARALLEL_AXES`), in key order. */
export function differingParams(comparison: RunComparison): { keys: string[]; more: number } {
  const keys = comparison.params.filter((row) => row.differs.some(Boolean)).map((row) => row.key);
  return { keys: keys.slice(0, MAX_PARALLEL_AXES), more: Math.max(0, keys.length - MAX_PARALLEL_AXES) };
}

/** The key `parallelInputs` gives the metric: never a param's key, so a param and a metric may share a name. */
export const METRIC_AXIS = '\u0000metric';

/** Each run's values of `params` and `metric` (under `METRIC_AXIS`), labelled as the line charts label runs. */
export function parallelInputs(runs: readonly RunSummaryData[], params: readonly string[], metric: string): ParallelInput[] {
  const labels = runLabels(runs.map((run) => ({ id: run.id, name: run.name })));
  const wanted = new Set(params);
  return runs.map((run) => {
    const values = new Map<string, string | number>();
    for (const [key, value] of run.params) if (wanted.has(key)) values.set(key, value);
    const logged = run.metrics.find(([key]) => key === metric);
    if (logged) values.set(METRIC_AXIS, metricNumber(logged[1]));
    return { run: labels.get(run.id)!, values: Object.fromEntries(values) };
  });
}

