/**
 * Metric histories thinned to a point budget for drawing, spikes kept.
 *
 * Contract of `downsample(history, budget)`:
 * - Non-finite values (the Snapshot spells them 'NaN', 'Infinity', '-Infinity') never reach the
 *   line: they come back apart as markers `{step, timestamp, kind}` so a chart can mark where
 *   they were logged. Markers are thinned to the same budget by even sampling.
 * - The finite points are returned unchanged when they fit the budget (same objects, same
 *   order; the input array itself when it holds no non-finite value). Otherwise the first and
 *   the last point are kept, the points between them are cut into `⌊(budget − 2) / 2⌋` buckets
 *   of equal count, and each bucket keeps its minimum and its maximum (first occurrence, in
 *   history order; one point when they coincide). So every bucket's extremes survive, not only
 *   the series' global ones: a one-point spike is always drawn, however long the history.
 * - Deterministic: no randomness, ties go to the earliest point. O(n) time, typed arrays, so a
 *   1M-point history takes milliseconds.
 *
 * Why min and max per bucket and not largest-triangle-three-buckets: LTTB keeps one point per
 * bucket, so of two spikes in a bucket (or a spike beside a steep slope) one is lost; MinMaxLTTB
 * (Van Der Donckt et al. 2023) preselects each bucket's min and max for the same reason, and at
 * two points per bucket, the budget this leaves, there is nothing left for LTTB to choose. Drawn
 * at one bucket per pixel column or finer, min and max per bucket is what the full line looks like.
 *
 * MLflow's server samples histories too (mlflow/server/handlers.py
 * `_get_sampled_steps_from_steps`): evenly spaced steps plus the last one, so the first and last
 * steps always survive. We keep that guarantee (for lines and for markers, which use the same
 * even sampling) but never sample a spike away.
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

/** The smallest budget that can hold first, last and one bucket's min and max. */
export const MIN_BUDGET = 4;

export function downsample(history: readonly Point[], budget: number): Downsampled {
  if (!Number.isInteger(budget) || budget < MIN_BUDGET) {
    throw new RangeError(`downsample: budget must be an integer ≥ ${MIN_BUDGET}, got ${budget}`);
  }
  const { finite, markers } = splitFinite(history);
  const thinnedMarkers = markers.length > budget ? pick(markers, evenIndices(markers.length, budget)) : markers;
  if (finite.length <= budget) return { points: finite, markers: thinnedMarkers };
  const ys = new Float64Array(finite.length);
  for (let i = 0; i < finite.length; i++) ys[i] = finite[i]!.value as number;
  return { points: pick(finite, minMaxIndices(ys, budget)), markers: thinnedMarkers };
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


/**
 * First, last, and each inner bucket's min and max, ascending (n > budget ≥ MIN_BUDGET). Bucket b
 * covers [edge(b), edge(b+1)) of the inner indices 1…n-2; the integer product first makes the
 * last edge exactly n-1, so no index falls between buckets.
 */
export function minMaxIndices(ys: Float64Array, budget: number): Int32Array {
  const n = ys.length;
  const buckets = Math.floor((budget - 2) / 2);
  const inner = n - 2;
  const chosen = new Int32Array(2 * buckets + 2);
  let count = 0;
  chosen[count++] = 0;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * inner) / buckets) + 1;
    const end = Math.floor(((b + 1) * inner) / buckets) + 1;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      const y = ys[i]!;
      if (y < ys[lo]!) lo = i;
      if (y > ys[hi]!) hi = i;
    }
    if (lo === hi) chosen[count++] = lo;
    else {
      chosen[count++] = Math.min(lo, hi);
      chosen[count++] = Math.max(lo, hi);
    }
  }
  chosen[count++] = n - 1;
  return chosen.slice(0, count);
}
