/**
 * Metric histories → the long-format rows every chart spec reads.
 *
 * Field names are fixed (`run`, `metric`, `step`, `time`, `rel`, `value`, `style`): Vega-Lite
 * reads a `.` in a field name as a nested path and metric keys may hold `/`, `.` or spaces, so
 * keys and run names only ever appear as values. `style` is the run's style index (0 … 49,
 * site/run-styles.ts): the specs map it to the same colour and dash in every chart of the site
 * (theme.ts `styleRanges`). `time` is the logging timestamp (epoch ms) and `rel` the
 * seconds since the run started (or, without a start time, since the series' first timestamp,
 * as MLflow's relative-time axis does: RunsMetricsLinePlot.tsx `prepareMetricHistoryByAxisType`).
 *
 * Non-finite values never become line rows: they become marker rows (`kind` nan/inf/-inf). Rows
 * are built in history order (step, timestamp); smoothing runs over that order.
 */
import { metricNumber } from '../metric-value.ts';
import type { Point } from '../model.ts';
import { downsample, markerKind, type MarkerKind } from './downsample.ts';
import { STYLE_COUNT, styleIndex } from './theme.ts';

/** How a run is drawn: its style index, 0 … STYLE_COUNT-1. */
export interface RowStyle {
  style: number;
}

/** One drawn point of one run's metric. */
export interface SeriesRow extends RowStyle {
  run: string;
  metric: string;
  step: number;
  time: number;
  rel: number;
  value: number;
}

/** Where a run logged a non-finite value. */
export interface MarkerRow extends RowStyle {
  run: string;
  metric: string;
  step: number;
  time: number;
  rel: number;
  kind: MarkerKind;
}

/** One run's history of one metric, as the rows builder takes it. */
export interface RunSeries {
  /** The run's label in the legend (see `runLabels`). */
  run: string;
  metric: string;
  /** The run's style index (distinctStyles keeps them apart within one chart). */
  style: number;
  /** Start of the run, epoch ms; `rel` counts from here when given. */
  start?: number;
  /** The history, in Snapshot order (step, timestamp); non-finite values allowed. */
  points: readonly Point[];
}

export interface RowOptions {
  /** Keep at most this many points (downsample.ts: spikes kept); no thinning when absent. */
  budget?: number;
  /** Exponential smoothing weight in [0, 1); 0 or absent draws the values as logged. */
  smoothing?: number;
}

export interface ChartRows {
  rows: SeriesRow[];
  markers: MarkerRow[];
}

/** Rows and markers of one run's metric: smoothed over all finite points first, then thinned. */
export function seriesRows(series: RunSeries, options: RowOptions = {}): ChartRows {
  const { run, metric, points } = series;
  const look = { style: styleIndex(series.style) };
  const origin = series.start ?? firstTimestamp(points);
  const finite: Point[] = [];
  const markers: MarkerRow[] = [];
  for (const p of points) {
    const n = metricNumber(p.value);
    const kind = markerKind(n);
    if (kind === undefined) finite.push(p);
    else markers.push({ run, metric, step: p.step, time: p.timestamp, rel: (p.timestamp - origin) / 1000, kind, ...look });
  }
  const smoothing = options.smoothing ?? 0;
  let drawn: readonly Point[] = finite;
  if (smoothing > 0) {
    const smoothed = smoothEma(finite.map((p) => p.value as number), smoothing);
    drawn = finite.map((p, i) => ({ step: p.step, timestamp: p.timestamp, value: smoothed[i]! }));
  }
  if (options.budget !== undefined) drawn = downsample(drawn, options.budget).points;
  const rows = drawn.map((p) => ({ run, metric, step: p.step, time: p.timestamp, rel: (p.timestamp - origin) / 1000, value: p.value as number, ...look }));
  return { rows, markers };
}

/** Rows of several runs concatenated, in the order given. */
export function chartRows(series: readonly RunSeries[], options: RowOptions = {}): ChartRows {
  const rows: SeriesRow[] = [];
  const markers: MarkerRow[] = [];
  for (const one of series) {
    const part = seriesRows(one, options);
    for (const row of part.rows) rows.push(row);
    for (const marker of part.markers) markers.push(marker);
  }
  return { rows, markers };
}

function firstTimestamp(points: readonly Point[]): number {
  let min = Infinity;
  for (const p of points) if (p.timestamp < min) min = p.timestamp;
  return Number.isFinite(min) ? min : 0;
}

/** The largest smoothing weight the charts offer (MLflow's slider stops short of 1 too). */
export const MAX_SMOOTHING = 0.99;

/**
 * Debiased exponential moving average, as MLflow's charts smooth lines
 * (mlflow/server/js/src/experiment-tracking/components/MetricsPlotView.tsx `EMA`, used by
 * runs-charts/components/RunsMetricsLinePlot.tsx) and as TensorBoard does:
 * `biased = biased·w + (1−w)·v`, shown as `biased / (1 − wⁿ)` after n values, so early values
 * are not pulled towards zero. MLflow's slider runs 0…100 and uses w = slider/101; ours is the
 * weight itself, 0 ≤ w < 1. Like MLflow, a weight of 0 or a constant series returns the values
 * unchanged (no floating-point drift). Values must be finite (rows never carry NaN).
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`smoothing weight must be in [0, 1), got ${weight}`);
  if (weight === 0 || values.length <= 1 || values.every((v) => v === values[0])) return values.slice();
  const out = new Array<number>(values.length);
  let biased = 0;
  let decay = 1;
  for (let i = 0; i < values.length; i++) {
    biased = biased * weight + (1 - weight) * values[i]!;
    decay *= weight;
    out[i] = biased / (1 - decay);
  }
  return out;
}

/**
 * Style indices for the runs of one chart, in order: each run keeps its own unless an earlier
 * run of the chart took it (two runs whose indices are STYLE_COUNT apart), then it takes the next
 * free one; a run without one (undefined) takes the first free one. Deterministic.
 */
export function distinctStyles(styles: readonly (number | undefined)[]): number[] {
  const taken = new Set<number>();
  const free = (from: number) => {
    let style = from;
    for (let tries = 0; tries < STYLE_COUNT && taken.has(style % STYLE_COUNT); tries++) style++;
    return style;
  };
  return styles.map((wanted) => {
    const own = wanted === undefined || taken.has(wanted % STYLE_COUNT) ? free(wanted ?? 0) : wanted;
    taken.add(own % STYLE_COUNT);
    return own;
  });
}

/** A run as charts name it. */
export interface NamedRun {
  id: string;
  name: string;
}

/**
 * Legend labels, unique per run: the run's name when no other run in the set has it, otherwise
 * the name with the first 8 characters of the id (the whole id when those collide too); a run
 * without a name is shown by its id prefix. Colors follow labels, so labels must never merge runs.
 * The map lists the runs in the order given.
 */
export function runLabels(runs: readonly NamedRun[]): Map<string, string> {
  const byName = new Map<string, NamedRun[]>();
  for (const run of runs) byName.set(run.name, [...(byName.get(run.name) ?? []), run]);
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    const shorts = group.map((r) => r.id.slice(0, 8));
    const shortUnique = new Set(shorts).size === group.length;
    group.forEach((run, i) => {
      const short = shortUnique ? shorts[i]! : run.id;
      labels.set(run.id, group.length === 1 && name !== '' ? name : name === '' ? short : `${name} (${short})`);
    });
  }
  // A name can spell another run's label ("a (12345678)"): those runs get their full id.
  const seen = new Map<string, number>();
  for (const label of labels.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
  for (const run of runs) {
    if (seen.get(labels.get(run.id)!)! > 1) labels.set(run.id, `${run.name} (${run.id})`);
  }
  return new Map(runs.map((run) => [run.id, labels.get(run.id)!]));
}
