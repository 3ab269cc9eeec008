/**
 * The order in which param and tag values are listed (group rows, sweep tables): values that
 * read as numbers first, numerically (`2` before `10`, `1e-4` before `0.001`), then every other
 * value by code unit, then absence (null). Params are strings in MLflow, so `0.1` and `0.10` are
 * different values: numeric ties fall back to the string order, which keeps the sort total.
 */
import { compareStrings } from '../order.ts';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a param value spells, or undefined (`None`, `adam`, `inf`, `[1, 2]`…). */
export function numericValue(value: string): number | undefined {
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

/** Numbers numerically, then other strings by code unit, then null. */
export function compareValues(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined && y !== undefined) return x - y || compareStrings(a, b);
  if (x !== undefined || y !== undefined) return x !== undefined ? -1 : 1;
  return compareStrings(a, b);
}
