/**
 * The charts pages show without JavaScript: experiment overviews (the best runs' histories of
 * the metrics the chart panels show at first, full width, a metric logged once as bars; params →
 * metric in parallel coordinates, one param against the metric), static comparisons and archive
 * run pages, rendered at build time to SVG files in a light and a dark version (the page picks
 * one with `prefers-color-scheme`). Files, not inline SVG, keep the HTML small and work from
 * `file://`. Same spec builders as the browser charts (src/lib/charts), same run styles
 * (run-styles.ts), so a run has one colour on every page.
 */
import { metricNumber } from '../metric-value.ts';
import type { Run } from '../model.ts';
import { inferDirection } from '../analyze/direction.ts';
import { barChartSpec, barRows } from '../charts/bar-spec.ts';
import { autoLogScale, spikeDomain } from '../charts/outliers.ts';
import { chartRows, distinctStyles, runLabels } from '../charts/series.ts';
import { DATA, axisType, axisValue, lineChartSpec, parallelData, parallelSpec, scatterSpec, type Theme, type XAxis, type YScale } from '../charts/specs.ts';
import { DRAWN_RUNS } from '../charts/spec-frame.ts';
import { renderSvg } from '../charts/svg.ts';
import { legendParams } from '../charts/line-spec.ts';
import type { TopLevelSpec } from 'vega-lite';

/** Chart images of a page: URLs (site-root paths) of the light and dark SVGs, with a caption. */
export interface ChartImage {
  light: string;
  dark: string;
  alt: string;
  caption: string;
}
export interface ChartImages {
  /** The chart panels' default metrics, best runs (the no-JavaScript view of the panels). */
  metrics?: ChartImage[];
  parallel?: ChartImage;
  scatter?: ChartImage;
}

/** An SVG file to write, by site-root path. */
export interface SvgFile {
  path: string;
  svg: string;
}

/** Each run's style index (run-styles.ts); a run missing from it takes a free style. */
export type RunStyles = ReadonlyMap<string, number>;

const THEMES: Theme[] = ['light', 'dark'];
/** Full width of the page's main column (76rem less padding). */
const WIDTH = 1140;
const HEIGHT = 300;
/** Runs drawn in the overview's charts, best first (as many as the chart panels draw at first). */
export const HISTORY_RUNS = DRAWN_RUNS;
/** Points per series in static charts (downsample.ts: every bucket's min and max kept). */
const POINT_BUDGET = 600;
/** Runs in the parallel coordinates chart (the best ones): more lines is ink, not information. */
export const PARALLEL_RUNS = 300;
const PARALLEL_DIMS = 6;
/** Dots in the scatter plot (the best runs): beyond that an SVG grows past a megabyte. */
export const SCATTER_RUNS = 2000;

async function both(spec: (theme: Theme) => TopLevelSpec, data: Record<string, readonly object[]>, path: (theme: Theme) => string, files: SvgFile[]): Promise<{ light: string; dark: string }> {
  for (const theme of THEMES) files.push({ path: path(theme), svg: await renderSvg(spec(theme), data) });
  return { light: path('light'), dark: path('dark') };
}

/** The runs' labels and style indices, distinct within the chart. */
function looks(runs: readonly Run[], styles: RunStyles): { labels: Map<string, string>; style: Map<string, number> } {
  const labels = runLabels(runs.map((r) => ({ id: r.id, name: r.name })));
  const own = distinctStyles(runs.map((r) => styles.get(r.id)));
  return { labels, style: new Map(runs.map((r, i) => [r.id, own[i]!])) };
}

/** How a history chart is drawn (default: full width, by step, the y scale chosen from the values, as logged). */
export interface HistoryOptions {
  /** Pixels (default: the page's full width). */
  width?: number;
  x?: XAxis;
  /** A y scale to use as given; default: logarithmic when the values span decades. */
  y?: YScale;
  /** EMA weight, 0 … 0.99. */
  smoothing?: number;
}

/**
 * History of `metric` for `runs` (best first) overlaid. Spike-robust: unless told the y scale, the
 * y axis is logarithmic when the values span decades, and its range leaves out runs that
 * diverged, or else isolated spikes (outliers.ts), when either would flatten the rest.
 */
export async function historyChart(runs: Run[], metric: string, styles: RunStyles, path: (theme: Theme) => string, files: SvgFile[], options: HistoryOptions = {}): Promise<ChartImage | undefined> {
  const drawn = runs.filter((r) => r.metrics[metric]).slice(0, HISTORY_RUNS);
  // A metric logged once per run has no history to draw: barChart shows it.
  if (!drawn.some((r) => (r.metrics[metric]?.history.length ?? 0) > 1)) return undefined;
  const { labels, style } = looks(drawn, styles);
  const { rows, markers } = chartRows(
    drawn.map((r) => ({ run: labels.get(r.id)!, metric, style: style.get(r.id)!, ...(r.startTime !== undefined ? { start: r.startTime } : {}), points: r.metrics[metric]?.history ?? [] })),
    { budget: POINT_BUDGET, ...(options.smoothing ? { smoothing: options.smoothing } : {}) },
  );
  const values = rows.map((r) => r.value);
  const log = options.y === undefined ? autoLogScale(values) : options.y === 'log';
  const steady = log ? undefined : steadyDomain(drawn, metric, labels, rows);
  const domain = steady ?? spikeDomain(values, log);
  const width = options.width ?? WIDTH;
  const legendStyles = legendParams(rows);
  const urls = await both(
    (theme) => lineChartSpec({ metric, theme, width, height: HEIGHT, interactive: false, legendStyles, ...(options.x ? { x: options.x } : {}), y: log ? 'log' : 'linear', ...(domain ? { yDomain: domain } : {}) }),
    { [DATA.series]: rows, [DATA.markers]: markers, [DATA.bands]: [] },
    path,
    files,
  );
  const clipped = `${log ? '; log scale' : ''}${steady ? '; y axis cut to the runs that ended with a finite value' : domain ? '; y axis cut to leave out spikes' : ''}`;
  return { ...urls, alt: `${metric} over steps for ${drawn.length} runs`, caption: `${metric} by step, ${drawn.length === 1 ? 'one run' : `the ${drawn.length} best runs`}${clipped}` };
}

/** A metric each run logged once: a bar per run (of the best runs), its latest value, best first by the metric's own direction. */
export async function barChart(runs: Run[], metric: string, styles: RunStyles, path: (theme: Theme) => string, files: SvgFile[]): Promise<ChartImage | undefined> {
  const drawn = runs.filter((r) => r.metrics[metric] && Number.isFinite(metricNumber(r.metrics[metric].latest.value))).slice(0, HISTORY_RUNS);
  if (drawn.length === 0) return undefined;
  const { labels, style } = looks(drawn, styles);
  const rows = barRows(drawn.map((r) => ({ run: labels.get(r.id)!, value: metricNumber(r.metrics[metric]!.latest.value), style: style.get(r.id)! })), inferDirection(metric));
  const urls = await both((theme) => barChartSpec({ metric, theme, width: WIDTH, bars: rows.length }), { [DATA.bars]: rows }, path, files);
  return { ...urls, alt: `${metric} of ${drawn.length} runs, one bar each`, caption: `${metric}, logged once per run, ${drawn.length === 1 ? 'one run' : `the ${drawn.length} best runs`}` };
}

/**
 * A run that diverged (ended on NaN or ±∞) often shoots to huge values first and flattens every
 * other line; the y range then comes from the runs that ended finite, and the rest is clipped.
 * Undefined when no run diverged or the range would not change.
 */
function steadyDomain(runs: Run[], metric: string, labels: Map<string, string>, rows: { run: string; value: number }[]): [number, number] | undefined {
  const steady = new Set(runs.filter((r) => Number.isFinite(metricNumber(r.metrics[metric]?.latest.value ?? 'NaN'))).map((r) => labels.get(r.id)!));
  if (steady.size === 0 || steady.size === runs.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let allLo = Infinity;
  let allHi = -Infinity;
  for (const row of rows) {
    allLo = Math.min(allLo, row.value);
    allHi = Math.max(allHi, row.value);
    if (!steady.has(row.run)) continue;
    lo = Math.min(lo, row.value);
    hi = Math.max(hi, row.value);
  }
  if (!(lo < hi) || (lo === allLo && hi === allHi)) return undefined;
  return [lo, hi];
}

/** More values than a text axis can show apart. */
const TEXT_AXIS_VALUES = 12;

/**
 * The params worth charting by default for `runs`: those that vary, and no text param with more
 * values than an axis can show apart (augury's `experiment_value`, a label unique to each of
 * its 42 runs, is no setting to read a trend off). A param asked for by name is drawn anyway.
 */
export function chartableParams(runs: readonly Run[], params: readonly string[]): string[] {
  return params.filter((p) => {
    const values = runs.flatMap((r) => (r.params[p] === undefined ? [] : [r.params[p]]));
    const distinct = new Set(values).size;
    return distinct > 1 && (distinct <= TEXT_AXIS_VALUES || axisType(values) === 'quantitative');
  });
}

/** Params (those that vary) → metric, one line per run, for the best runs. */
export async function parallelChart(runs: Run[], params: string[], metric: string, path: (theme: Theme) => string, files: SvgFile[]): Promise<ChartImage | undefined> {
  const withMetric = runs.filter((r) => r.metrics[metric] && Number.isFinite(metricNumber(r.metrics[metric].latest.value))).slice(0, PARALLEL_RUNS);
  // Axes every run has (a run missing one is left out of the chart, as MLflow does) and that vary.
  const common = params.filter((p) => withMetric.filter((r) => r.params[p] !== undefined).length >= 0.9 * withMetric.length);
  const dims = common.filter((p) => new Set(withMetric.map((r) => r.params[p])).size > 1).slice(0, PARALLEL_DIMS);
  if (withMetric.length < 2 || dims.length === 0) return undefined;
  const labels = runLabels(withMetric.map((r) => ({ id: r.id, name: r.name })));
  const data = parallelData(
    withMetric.map((r) => ({ run: labels.get(r.id) ?? r.id, values: { ...Object.fromEntries(dims.map((d) => [d, r.params[d]])), [metric]: metricNumber(r.metrics[metric]?.latest.value ?? 'NaN') } })),
    [...dims, metric],
    metric,
  );
  if (data.rows.length === 0) return undefined;
  const urls = await both((theme) => parallelSpec({ metric, theme, width: WIDTH, height: HEIGHT }), { [DATA.parallel]: data.rows, [DATA.parallelTicks]: data.ticks }, path, files);
  return { ...urls, alt: `Parallel coordinates of ${dims.join(', ')} against ${metric}`, caption: `${dims.join(', ')} → ${metric}, ${withMetric.length} runs${withMetric.length === PARALLEL_RUNS ? ' (the best)' : ''}` };
}

/** The param that varies most against the metric, a dot per run. */
export async function scatterChart(runs: Run[], params: string[], metric: string, path: (theme: Theme) => string, files: SvgFile[]): Promise<ChartImage | undefined> {
  const withMetric = runs.filter((r) => r.metrics[metric] && Number.isFinite(metricNumber(r.metrics[metric].latest.value))).slice(0, SCATTER_RUNS);
  // A numeric setting first (a learning rate, a depth), then the one with the most values.
  const param = params
    .map((p) => {
      const values = withMetric.flatMap((r) => (r.params[p] === undefined ? [] : [r.params[p]]));
      return { p, numeric: axisType(values) === 'quantitative', values: new Set(values).size };
    })
    .filter(({ values }) => values > 1)
    .sort((a, b) => Number(b.numeric) - Number(a.numeric) || b.values - a.values)[0]?.p;
  if (!param || withMetric.length < 2) return undefined;
  const points = withMetric.filter((r) => r.params[param] !== undefined);
  const xType = axisType(points.map((r) => r.params[param] as string));
  const labels = runLabels(points.map((r) => ({ id: r.id, name: r.name })));
  const rows = points.map((r) => ({ run: labels.get(r.id) ?? r.id, x: axisValue(r.params[param] as string, xType), y: metricNumber(r.metrics[metric]?.latest.value ?? 'NaN') }));
  // As line charts decide their y axis: a learning rate swept over decades spreads out.
  const logX = xType === 'quantitative' && autoLogScale(rows.map((r) => r.x as number));
  const logY = autoLogScale(rows.map((r) => r.y));
  const urls = await both((theme) => scatterSpec({ theme, width: WIDTH, height: HEIGHT, x: { title: param, type: xType, log: logX }, y: { title: metric, type: 'quantitative', log: logY } }), { [DATA.scatter]: rows }, path, files);
  return { ...urls, alt: `${metric} against ${param}, one dot per run`, caption: `${metric} against ${param}, ${points.length} runs${withMetric.length === SCATTER_RUNS ? ' (the best)' : ''}` };
}
