/**
 * The comparison rule of src/lib/analyze/diff.ts, for the browser. diff.ts imports Arquero (and
 * through it zod), 130 KB gzipped that the compare island must not carry, so the few lines of
 * the rule live here too; test/components/compare/diff-rules.test.ts runs both copies on the
 * same inputs so they cannot drift apart.
 *
 * - numbers are equal within 1e-6 (MLflow's runs-charts/utils/differenceView.ts
 *   `DIFFERENCE_EPSILON`); NaN equals only NaN;
 * - strings are equal when identical (params `0.1` and `0.10` differ);
 * - a value missing on one side differs from any value.
 */

export const DIFFERENCE_EPSILON = 1e-6;
/** MLflow's prefix for system metrics (`MLFLOW_SYSTEM_METRIC_PREFIX`). */
export const SYSTEM_METRIC_PREFIX = 'system/';
/** MLflow's prefix for the tags it sets itself. */
export const SYSTEM_TAG_PREFIX = 'mlflow.';

export type DiffValue = string | number | null;

export function sameValue(a: DiffValue, b: DiffValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return a === b || Math.abs(a - b) <= DIFFERENCE_EPSILON;
  }
  return a === b;
}

export interface MetricChange {
  /** run − baseline. */
  absolute: number;
  /** (run − baseline) / |baseline|; null when the baseline is 0 or not finite. */
  relative: number | null;
}

/** A run's change from the baseline, as diff.ts computes it. */
export function metricChange(base: number, value: number): MetricChange {
  const absolute = value - base;
  return { absolute, relative: base === 0 || !Number.isFinite(base) ? null : absolute / Math.abs(base) };
}
