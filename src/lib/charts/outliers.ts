/**
 * Y axes that one spike, a diverged run or the first epochs do not flatten: a log scale when the
 * values span decades (autoLogScale), and ranges that ignore outliers (the range between two
 * percentiles of the drawn values, linear interpolation between order statistics, widened by 5 %
 * of its span on each side; lines leaving it are clipped; on a log scale the percentiles are
 * taken over the positive values, in log space). Browser-safe: the chart panels and the build's
 * static SVGs use the same rules.
 */

/** The reader's "Ignore outliers": the 5th to the 95th percentile. */
export const IGNORE_OUTLIERS: Percentiles = [0.05, 0.95];
/** Static SVGs cut only spikes: the 1st to the 99th percentile, and only when that halves the range. */
export const STATIC_SPIKES: Percentiles = [0.01, 0.99];

export type Percentiles = readonly [number, number];

/** The y range between the percentiles of `values`, widened; undefined when there is nothing to cut. */
export function outlierDomain(values: readonly number[], percentiles: Percentiles, log = false): [number, number] | undefined {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0)).map((v) => (log ? Math.log10(v) : v));
  if (usable.length < 3) return undefined;
  usable.sort((a, b) => a - b);
  let lo = quantile(usable, percentiles[0]);
  let hi = quantile(usable, percentiles[1]);
  if (!(hi > lo)) return undefined;
  const margin = (hi - lo) * 0.05;
  lo = Math.max(usable[0]!, lo - margin);
  hi = Math.min(usable.at(-1)!, hi + margin);
  if (lo <= usable[0]! && hi >= usable.at(-1)!) return undefined;
  return log ? [10 ** lo, 10 ** hi] : [lo, hi];
}

/** The static SVG's range: `STATIC_SPIKES` when the values outside it take more than half of the full range. */
export function spikeDomain(values: readonly number[], log = false): [number, number] | undefined {
  const domain = outlierDomain(values, STATIC_SPIKES, log);
  if (!domain) return undefined;
  const scale = (v: number) => (log ? Math.log10(v) : v);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    min = Math.min(min, scale(v));
    max = Math.max(max, scale(v));
  }
  return scale(domain[1]) - scale(domain[0]) < 0.5 * (max - min) ? domain : undefined;
}

/** The p-quantile of ascending `sorted` (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** Decades between the 1st and 99th percentile from which an automatic y axis is logarithmic. */
export const AUTO_LOG_DECADES = 2;

/** A log scale suits `values` when all are positive and the 1st–99th percentiles span `AUTO_LOG_DECADES` decades. */
export function autoLogScale(values: readonly number[]): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 3 || finite.some((v) => v <= 0)) return false;
  finite.sort((a, b) => a - b);
  return Math.log10(quantile(finite, 0.99) / quantile(finite, 0.01)) >= AUTO_LOG_DECADES;
}
