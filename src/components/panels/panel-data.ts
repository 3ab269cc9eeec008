/**
 * The chart panels' data: legend entries (each drawn run or group with its label and style),
 * and per metric the rows of a line chart (runs, or groups as mean and band) or of a bar chart
 * (a metric logged once), and the y axis the reader's choices give (automatic log scale, spikes
 * or outliers left out: charts/outliers.ts). Pure, browser-safe: the island only wires it up.
 */
import { metricNumber } from '../../lib/metric-value.ts';
import { barRows, type BarRow } from '../../lib/charts/bar-spec.ts';
import { groupRows, type Band, type BandRow } from '../../lib/charts/groups.ts';
import { autoLogScale, IGNORE_OUTLIERS, outlierDomain, spikeDomain } from '../../lib/charts/outliers.ts';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import type { MarkerRow, RunSeries, SeriesRow } from '../../lib/charts/series.ts';
import { budgetPerRun, fileRuns, metricChartRows } from '../charts/metric-chart-data.ts';
import type { PanelRuns } from './panel-runs.ts';
import type { LogChoice, RangeChoice } from './panel-state.ts';

/** A line (and legend entry) of the panels: one run, or one group of runs. */
export interface LegendEntry {
  /** Unique among the entries: the run id, or `group:` and the group's position. */
  key: string;
  label: string;
  style: number;
  /** The run behind the entry (links to its page); absent for a group. */
  runId?: string;
  /** The runs drawn in it. */
  runIds: string[];
}

export interface LineData {
  series: SeriesRow[];
  markers: MarkerRow[];
  bands: BandRow[];
}

/** The entries of what the panels draw, in drawing order; runs without a loaded file are left out. */
export function legendEntries(runs: PanelRuns, files: readonly DecodedSeriesFile[]): LegendEntry[] {
  if (runs.kind === 'groups') {
    return runs.groups.map((g, i) => ({ key: `group:${i}`, label: `${g.label} (${g.runIds.length} run${g.runIds.length === 1 ? '' : 's'})`, style: i, runIds: g.runIds }));
  }
  const { runs: loaded, labels, styles } = fileRuns(files);
  return runs.ids.filter((id) => loaded.has(id)).map((id) => ({ key: id, label: labels.get(id)!, style: styles.get(id)!, runId: id, runIds: [id] }));
}

/** Line chart rows of `metric`: each run smoothed and thinned, or each group's mean and band. */
export function lineData(entries: readonly LegendEntry[], files: readonly DecodedSeriesFile[], metric: string, options: { smoothing: number; band: Band }): LineData {
  const grouped = entries.some((e) => e.runId === undefined);
  if (!grouped) {
    const { rows, markers } = metricChartRows(files, metric, { smoothing: options.smoothing });
    return { series: rows, markers, bands: [] };
  }
  const series = seriesByRun(files, metric);
  const groups = entries.map((e) => ({ label: e.label, style: e.style, members: e.runIds.flatMap((id) => series.get(id) ?? []) })).filter((g) => g.members.length > 0);
  const { rows, bands } = groupRows(groups, metric, { band: options.band, smoothing: options.smoothing, budget: budgetPerRun(groups.length) });
  return { series: rows, markers: [], bands };
}

/** Bar chart rows of a metric logged once: each entry's latest finite value (a group's mean), best first. */
export function barData(entries: readonly LegendEntry[], files: readonly DecodedSeriesFile[], metric: string, direction: 'asc' | 'desc'): BarRow[] {
  const latest = new Map<string, number>();
  for (const [runId, one] of seriesByRun(files, metric)) {
    const last = one.points.at(-1);
    const value = last === undefined ? NaN : metricNumber(last.value);
    if (Number.isFinite(value)) latest.set(runId, value);
  }
  const values = entries.flatMap((e) => {
    const found = e.runIds.flatMap((id) => (latest.has(id) ? [latest.get(id)!] : []));
    return found.length === 0 ? [] : [{ run: e.label, value: found.reduce((a, b) => a + b, 0) / found.length, style: e.style }];
  });
  return barRows(values, direction);
}

/**
 * The y axis of one chart: log when asked, or automatically when its values span decades; its
 * range without spikes (as the static SVGs), without outliers, or everything.
 */
export function yAxis(values: readonly number[], log: LogChoice, range: RangeChoice): { log: boolean; domain?: [number, number] } {
  const useLog = log === 'log' || (log === 'auto' && autoLogScale(values));
  const domain = range === 'outliers' ? outlierDomain(values, IGNORE_OUTLIERS, useLog) : range === 'spikes' ? spikeDomain(values, useLog) : undefined;
  return { log: useLog, ...(domain ? { domain } : {}) };
}

/** Each run's series of `metric` from the loaded files (the first file naming a run wins). */
function seriesByRun(files: readonly DecodedSeriesFile[], metric: string): Map<string, RunSeries> {
  const { runs } = fileRuns(files);
  const out = new Map<string, RunSeries>();
  for (const file of files) {
    for (const one of file.metrics.get(metric) ?? []) {
      if (out.has(one.runId)) continue;
      const start = runs.get(one.runId)?.start;
      out.set(one.runId, { run: one.runId, metric, style: 0, ...(start !== undefined ? { start } : {}), points: one.points });
    }
  }
  return out;
}
