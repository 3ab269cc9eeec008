/**
 * Metric points as MLflow orders them. Shared by every reader, so a Snapshot's `latest` and
 * `history` mean the same thing whatever the store.
 */
import { metricNumber, metricValue } from '../metric-value.ts';
import type { Metric, Point } from '../model.ts';

/**
 * A metric's points in logging order as three parallel columns: what parsers produce, cheap to
 * move between threads (transferable buffers) before points are made.
 */
export interface MetricColumns {
  steps: Float64Array;
  timestamps: Float64Array;
  /** NaN and ±Infinity as themselves. */
  values: Float64Array;
}

/**
 * Python's `a > b` on (step, timestamp, value) tuples: the first unequal element decides, and any
 * comparison with NaN is false. MLflow's file store picks the latest point with
 * `max(points, key=lambda m: (m.step, m.timestamp, m.value))` (file_store.py `_get_metric_from_file`),
 * so with a NaN in a tie the point seen first wins.
 */
function pythonTupleGreater(a: Point, b: Point): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return metricNumber(a.value) > metricNumber(b.value);
}

/** The point MLflow reports as a metric's value; `points` in logging (file) order. */
export function latestPoint(points: readonly Point[]): Point | undefined {
  let best: Point | undefined;
  for (const point of points) if (best === undefined || pythonTupleGreater(point, best)) best = point;
  return best;
}

/** History sorted by step then timestamp; the sort is stable, so ties keep logging order. */
export function sortHistory(points: Point[]): Point[] {
  return points.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
}

/** A Metric from points in logging order, or undefined when there are none. */
export function toMetric(points: Point[]): Metric | undefined {
  const latest = latestPoint(points);
  if (!latest) return undefined;
  return { latest, history: sortHistory(points) };
}

/** Columns → Metric: `latest` as `latestPoint` picks it, history sorted as `sortHistory` sorts it. */
export function metricFromColumns({ steps, timestamps, values }: MetricColumns): Metric | undefined {
  const n = steps.length;
  if (n === 0) return undefined;
  // Same rule as pythonTupleGreater, on the raw numbers (NaN compares false there too).
  let best = 0;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    const s = steps[i] as number;
    const t = timestamps[i] as number;
    const bs = steps[best] as number;
    const bt = timestamps[best] as number;
    if (s !== bs ? s > bs : t !== bt ? t > bt : (values[i] as number) > (values[best] as number)) best = i;
    const ps = steps[i - 1] as number;
    if (s < ps || (s === ps && t < (timestamps[i - 1] as number))) sorted = false;
  }
  const points = new Array<Point>(n);
  for (let i = 0; i < n; i++) points[i] = { step: steps[i] as number, timestamp: timestamps[i] as number, value: metricValue(values[i] as number) };
  const latest = points[best] as Point;
  // Logged histories are nearly always in step order already; skip the sort then.
  return { latest, history: sorted ? points : sortHistory(points) };
}
