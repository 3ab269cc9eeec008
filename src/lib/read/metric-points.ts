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

/** Columns → Metric: points in logging order, then `latest` and the sorted history as above. */
export function metricFromColumns({ steps, timestamps, values }: MetricColumns): Metric | undefined {
  const points = new Array<Point>(steps.length);
  for (let i = 0; i < steps.length; i++) {
    points[i] = { step: steps[i] as number, timestamp: timestamps[i] as number, value: metricValue(values[i] as number) };
  }
  return toMetric(points);
}
