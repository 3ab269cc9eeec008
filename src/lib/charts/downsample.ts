/**
 * Metric histories thinned to a point budget for drawing, with the extremes kept.
 *
 * Contract of `downsample(history, budget)`:
 * - Non-finite values (the Snapshot spells them 'NaN', 'Infinity', '-Infinity') never reach the
 *   line: they come back apart as markers `{step, timestamp, kind}` so a chart can mark where
 *   they were logged. Markers are thinned to the same budget by even sampling.
 * - The finite points are returned unchanged when they fit the budget (same objects, same
 *   order; the input array itself when it holds no non-finite value). Otherwise they are thinned
 *   with largest-triangle-three-buckets (Steinarsson 2013) over x = step (or timestamp) and
 *   y = value, and the first point, the last point and the series' minimum and maximum (first
 *   occurrence) are always kept.
 * - Deterministic: no randomness, ties go to the earliest point. O(n) time, typed arrays, so a
 *   1M-point history takes milliseconds.
 *
 * MLflow's server samples histories too (mlflow/server/handlers.py
 * `_get_sampled_steps_from_steps`): evenly spaced steps plus the last one, so the first and last
 * steps always survive. We keep that guarantee (for lines and for markers, which use the same
 * even sampling) but choose line points by LTTB and keep the min and max, so a spike is never
 * sampled away.
 */
import { metricNumber } from '../metric-value.ts';
import type { Point } from '../model.ts';

export type MarkerKind = 'nan' | 'inf' | '-inf';

/** A non-finite value: where it was logged and which kind it was. */
export interface Marker {
  step: number;
  timestamp: number;
  kind: MarkerKind;
}

export interface Downsampled {
  /** Finite points in history order, at most `budget` of them. */
  points: Point[];
  /** Non-finite values in history order, at most `budget` of them. */
  markers: Marker[];
}

export interface DownsampleOptions {
  /** The x coordinate LTTB measures triangles with (default `step`). */
  x?: 'step' | 'timestamp';
}

/** The smallest budget that can hold first, last, min and max. */
export const MIN_BUDGET = 4;

export function downsample(history: readonly Point[], budget: number, options: DownsampleOptions = {}): Downsampled {
  if (!Number.isInteger(budget) || budget < MIN_BUDGET) {
    throw new RangeError(`downsample: budget must be an integer ≥ ${MIN_BUDGET}, got ${budget}`);
  }
  const { finite, markers } = splitFinite(history);
  const thinnedMarkers = markers.length > budget ? pick(markers, evenIndices(markers.length, budget)) : markers;
  if (finite.length <= budget) return { points: finite, markers: thinnedMarkers };
  const useTime = options.x === 'timestamp';
  const xs = new Float64Array(finite.length);
  const ys = new Float64Array(finite.length);
  finite.forEach((p, i) => {
    xs[i] = useTime ? p.timestamp : p.step;
    ys[i] = metricNumber(p.value);
  });
  return { points: pick(finite, lttbIndices(xs, ys, budget)), markers: thinnedMarkers };
}

/** The kind of a non-finite number, or undefined for a finite one. */
export function markerKind(n: number): MarkerKind | undefined {
  if (Number.isFinite(n)) return undefined;
  return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
}

function splitFinite(history: readonly Point[]): { finite: Point[]; markers: Marker[] } {
  let firstBad = -1;
  for (let i = 0; i < history.length; i++) {
    if (typeof history[i]!.value !== 'number' || !Number.isFinite(history[i]!.value)) {
      firstBad = i;
      break;
    }
  }
  // The common case, all finite, costs no copy.
  if (firstBad < 0) return { finite: history as Point[], markers: [] };
  const finite = history.slice(0, firstBad);
  const markers: Marker[] = [];
  for (let i = firstBad; i < history.length; i++) {
    const p = history[i]!;
    const kind = markerKind(metricNumber(p.value));
    if (kind === undefined) finite.push(p);
    else markers.push({ step: p.step, timestamp: p.timestamp, kind });
  }
  return { finite, markers };
}

function pick<T>(items: readonly T[], indices: ArrayLike<number>): T[] {
  const out = new Array<T>(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = items[indices[i]!]!;
  return out;
}

/**
 * `count` indices spread evenly over `0…n-1`, first and last included (n > count ≥ 2). MLflow's
 * sampler does the same with `int(i * interval)` and appends the last step.
 */
export function evenIndices(n: number, count: number): Int32Array {
  const out = new Int32Array(count);
  const interval = (n - 1) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = Math.round(i * interval);
  return out;
}

/** Indices chosen by LTTB, forcing the argmin and argmax of `ys` in; ascending, ≤ budget of them. */
function lttbIndices(xs: Float64Array, ys: Float64Array, budget: number): Int32Array {
  const n = ys.length;
  let argmin = 0;
  let argmax = 0;
  for (let i = 1; i < n; i++) {
    if (ys[i]! < ys[argmin]!) argmin = i;
    if (ys[i]! > ys[argmax]!) argmax = i;
  }
  let target = budget;
  // Min and max in one bucket would both be taken and overrun the budget by one: use one bucket fewer.
  const bucket = bucketOf(argmin, n, target);
  if (bucket >= 0 && argmin !== argmax && bucket === bucketOf(argmax, n, target)) target--;
  return lttb(xs, ys, target, argmin, argmax);
}

/**
 * Inner bucket b (0…target-3) covers indices [edge(b), edge(b+1)); point 0 and point n-1 stand
 * alone. Integer product first, so edge(target-2) is exactly n-1 and no index falls between buckets.
 */
function bucketEdge(b: number, n: number, target: number): number {
  return Math.floor((b * (n - 2)) / (target - 2)) + 1;
}

/** The inner bucket holding index i, or -1 for the first and last point. */
function bucketOf(i: number, n: number, target: number): number {
  if (i === 0 || i === n - 1) return -1;
  let b = Math.min(target - 3, Math.floor(((i - 1) * (target - 2)) / (n - 2)));
  while (b > 0 && bucketEdge(b, n, target) > i) b--;
  while (b < target - 3 && bucketEdge(b + 1, n, target) <= i) b++;
  return b;
}

function lttb(xs: Float64Array, ys: Float64Array, target: number, argmin: number, argmax: number): Int32Array {
  const n = ys.length;
  const chosen = new Int32Array(target + 1);
  let count = 0;
  chosen[count++] = 0;
  let a = 0;
  for (let b = 0; b < target - 2; b++) {
    const start = bucketEdge(b, n, target);
    const end = bucketEdge(b + 1, n, target);
    const forcedMin = argmin >= start && argmin < end;
    const forcedMax = argmax >= start && argmax < end;
    if (forcedMin || forcedMax) {
      if (forcedMin && forcedMax && argmin !== argmax) {
        chosen[count++] = Math.min(argmin, argmax);
        chosen[count++] = Math.max(argmin, argmax);
      } else {
        chosen[count++] = forcedMin ? argmin : argmax;
      }
      a = chosen[count - 1]!;
      continue;
    }
    // The third vertex: the average of the next bucket (the last point for the last bucket).
    const nextStart = end;
    const nextEnd = b + 2 <= target - 2 ? bucketEdge(b + 2, n, target) : n;
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    const span = nextEnd - nextStart;
    avgX /= span;
    avgY /= span;
    const ax = xs[a]!;
    const ay = ys[a]!;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      // Twice the triangle's area; the factor does not change the argmax.
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    chosen[count++] = best;
    a = best;
  }
  chosen[count++] = n - 1;
  return chosen.slice(0, count);
}
