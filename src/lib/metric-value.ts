/**
 * Metric values as the Snapshot spells them (JSON has no NaN or Infinity) and as numbers. Kept
 * apart from model.ts so code that runs in the browser (search, charts) does not pull in zod.
 */
import type { MetricValue } from './model.ts';
/** The number a metric value stands for (NaN and ±Infinity included). */
export function metricNumber(value: MetricValue): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A number as the Snapshot spells it: finite numbers stay numbers, the rest become strings. */
export function metricValue(n: number): MetricValue {
  if (Number.isFinite(n)) return n;
  return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
}
