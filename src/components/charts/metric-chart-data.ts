/**
 * The metric chart island's plain logic, apart from React so it can be tested in Node: fetching
 * and caching data files and specs, turning them into chart rows for the chosen options, and the
 * values listed under the chart on hover.
 *
 * Fetches are cached per URL for the page's lifetime, so several charts of one run page share
 * one request for the run's data file and one per spec variant.
 */
import { decodeSeriesFile, type DecodedSeriesFile, type SeriesFileRun } from '../../lib/charts/series-file.ts';
import { chartRows, distinctStyles, runLabels, type ChartRows, type RunSeries, type SeriesRow } from '../../lib/charts/series.ts';
import type { RuntimeSpec } from '../../lib/charts/runtime.ts';
import { lineVariantKey, type XAxis } from '../../lib/charts/line-spec.ts';
import type { Theme } from '../../lib/charts/theme.ts';
import { formatCount, formatNumber } from '../../lib/site/format.ts';

/** Runtime specs by variant key (`lineVariantKey`), each the spec itself or the URL of its JSON file. */
export type SpecSource = Record<string, RuntimeSpec | string>;

export interface ChartOptions {
  x: XAxis;
  log: boolean;
  /** EMA weight, 0 … 0.99. */
  smoothing: number;
}

export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; statusText: string; json(): Promise<unknown> }>;

const cache = new Map<string, Promise<unknown>>();

/** JSON from a URL, once per URL; a failed request is forgotten so a later mount can retry. */
export function fetchJson(url: string, fetchFn: Fetch = fetch): Promise<unknown> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchFn(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
      return response.json();
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Data files fetched and decoded, in the order given. */
export async function loadSeriesFiles(urls: readonly string[], fetchFn?: Fetch): Promise<DecodedSeriesFile[]> {
  return Promise.all(urls.map(async (url) => decodeSeriesFile(await fetchJson(url, fetchFn), url)));
}

/** The spec source as a map: a string is the URL of a JSON file holding the whole map. */
export async function loadSpecSource(source: SpecSource | string, fetchFn?: Fetch): Promise<SpecSource> {
  if (typeof source !== 'string') return source;
  const map = await fetchJson(source, fetchFn);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new Error(`${source}: expected a JSON object of chart specs`);
  return map as SpecSource;
}

/** The runtime spec of one variant, fetched when the map holds its URL. */
export async function loadSpec(source: SpecSource, theme: Theme, options: ChartOptions, fetchFn?: Fetch): Promise<RuntimeSpec> {
  const key = lineVariantKey(theme, options.x, options.log ? 'log' : 'linear');
  const entry = Object.hasOwn(source, key) ? source[key] : undefined;
  if (entry === undefined) throw new Error(`no chart spec for variant ${key}`);
  return typeof entry === 'string' ? ((await fetchJson(entry, fetchFn)) as RuntimeSpec) : entry;
}

/** Points drawn per run: a total of `total` shared among the runs, never below 100. */
export function budgetPerRun(runs: number, total = 5000): number {
  return Math.max(100, Math.floor(total / Math.max(1, runs)));
}

/**
 * Chart rows of one metric from the loaded files: every run that logged it, labelled uniquely
 * (`runNames` overrides the names in the files), in its own style (the files' `style`, kept
 * distinct within the chart), smoothed, then thinned to the budget.
 */
export interface RowChoices {
  /** Run id → display name. */
  runNames?: Readonly<Record<string, string>>;
  /** EMA weight, 0 … 0.99. */
  smoothing: number;
  /** Points drawn in total, shared among the runs (default 5000). */
  totalPoints?: number;
}

export function metricChartRows(files: readonly DecodedSeriesFile[], metric: string, options: RowChoices): ChartRows {
  const { runs, labels, styles } = fileRuns(files, options.runNames);
  const series: RunSeries[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const one of file.metrics.get(metric) ?? []) {
      if (seen.has(one.runId)) continue;
      seen.add(one.runId);
      const start = runs.get(one.runId)?.start;
      series.push({ run: labels.get(one.runId)!, metric, style: styles.get(one.runId)!, ...(start !== undefined ? { start } : {}), points: one.points });
    }
  }
  return chartRows(series, { smoothing: options.smoothing, budget: budgetPerRun(series.length, options.totalPoints) });
}

export interface FileRuns {
  /** Every run of the files, the first file naming it wins. */
  runs: Map<string, SeriesFileRun>;
  /** Run id → legend label, unique among the runs (`runNames` overrides the files' names). */
  labels: Map<string, string>;
  /** Run id → style index, the files' own unless two runs would share one. */
  styles: Map<string, number>;
}

/** The runs of loaded files with the label and style each has in a chart of them all. */
export function fileRuns(files: readonly DecodedSeriesFile[], runNames: Readonly<Record<string, string>> = {}): FileRuns {
  const runs = new Map<string, SeriesFileRun>();
  for (const file of files) for (const run of file.runs) if (!runs.has(run.id)) runs.set(run.id, run);
  const list = [...runs.values()];
  const labels = runLabels(list.map((r) => ({ id: r.id, name: Object.hasOwn(runNames, r.id) ? runNames[r.id]! : r.name })));
  const own = distinctStyles(list.map((r) => r.style));
  return { runs, labels, styles: new Map(list.map((r, i) => [r.id, own[i]!])) };
}

export interface HoverValue {
  run: string;
  value: number;
  /** Where the run's nearest point lies on the x axis. */
  at: number;
}

/** Each run's point nearest to `x` (ties: the smaller x), highest value first, as the chart's box lists them. */
export function valuesAt(rows: readonly SeriesRow[], axis: XAxis, x: number): HoverValue[] {
  const best = new Map<string, SeriesRow>();
  for (const row of rows) {
    const current = best.get(row.run);
    const d = Math.abs(row[axis] - x);
    if (!current) best.set(row.run, row);
    else {
      const dc = Math.abs(current[axis] - x);
      if (d < dc || (d === dc && row[axis] < current[axis])) best.set(row.run, row);
    }
  }
  return [...best.values()]
    .map((row) => ({ run: row.run, value: row.value, at: row[axis] }))
    .sort((a, b) => b.value - a.value || (a.run < b.run ? -1 : a.run > b.run ? 1 : 0));
}

/** The hovered x of the chart's `hover` selection signal (`{step: [12], …}`), if any. */
export function hoveredX(signal: unknown, axis: XAxis): number | undefined {
  if (typeof signal !== 'object' || signal === null) return undefined;
  const values = (signal as Record<string, unknown>)[axis];
  return Array.isArray(values) && typeof values[0] === 'number' ? values[0] : undefined;
}

/** An x value as the axis shows it: a step (an integer), seconds, or a UTC time. */
export function formatX(axis: XAxis, x: number): string {
  if (axis === 'time') return new Date(x).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return axis === 'rel' ? `${formatNumber(x)} s` : `step ${formatCount(Math.round(x))}`;
}
