/**
 * Runs grouped by a param or tag value, with per-group statistics of metrics (mlflow#4277): the
 * one implementation the runs table and the compare page share. Browser-safe: no Arquero, no
 * Node, no zod.
 *
 * - A group key is `params.X` or `tags.Y` (the rest of the text after the first `.` is the key,
 *   as typed: keys may hold `.`, `/` or spaces).
 * - Runs without the key form one group of their own, listed last.
 * - Groups are ordered by value: numerically when every value reads as a finite number (a sweep's
 *   `lr` 0.001 < 0.01 < 0.1), else by UTF-16 code unit. Runs keep their order inside a group.
 * - Statistics are over the finite values of a group; runs without the metric, and NaN and
 *   ±Infinity values, are counted and left out of them. `std` is the sample standard deviation
 *   (n − 1, as pandas' `std()`), absent for fewer than two values.
 */
import type { MetricValue } from '../model.ts';
import { compareStrings } from '../order.ts';

export type GroupSource = 'params' | 'tags';

export interface GroupKey {
  source: GroupSource;
  key: string;
}

/** `params.model` → `{ source: 'params', key: 'model' }`; undefined for anything else. */
export function parseGroupKey(text: string): GroupKey | undefined {
  const dot = text.indexOf('.');
  if (dot < 0) return undefined;
  const source = text.slice(0, dot);
  const key = text.slice(dot + 1);
  if ((source !== 'params' && source !== 'tags') || key === '') return undefined;
  return { source, key };
}

export function groupKeyText({ source, key }: GroupKey): string {
  return `${source}.${key}`;
}

export interface Group<T> {
  /** The key's value for every member; null for the runs without the key. */
  value: string | null;
  members: T[];
}

/** `items` grouped by `valueOf`, groups in value order (see the header), members in input order. */
export function groupItems<T>(items: readonly T[], valueOf: (item: T) => string | null | undefined): Group<T>[] {
  const byValue = new Map<string, T[]>();
  const without: T[] = [];
  for (const item of items) {
    const value = valueOf(item);
    if (value === null || value === undefined) {
      without.push(item);
      continue;
    }
    let members = byValue.get(value);
    if (!members) byValue.set(value, (members = []));
    members.push(item);
  }
  const values = [...byValue.keys()];
  const numbers = values.map(numericValue);
  const numeric = numbers.every(Number.isFinite);
  const order = values.map((_, i) => i).sort((a, b) => (numeric ? (numbers[a] as number) - (numbers[b] as number) : 0) || compareStrings(values[a] as string, values[b] as string));
  const groups: Group<T>[] = order.map((i) => ({ value: values[i] as string, members: byValue.get(values[i] as string) as T[] }));
  if (without.length > 0) groups.push({ value: null, members: without });
  return groups;
}

/** A param or tag value as a number, for ordering: only plain numeric text counts (not '', not ' 1'). */
function numericValue(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

/** A group's name as the pages show it: `model = rf`, or `model not set`. */
export function groupLabel(key: GroupKey, value: string | null): string {
  return value === null ? `${key.key} not set` : `${key.key} = ${value}`;
}

export interface MetricStats {
  /** Runs in the group. */
  runs: number;
  /** Finite values the statistics are computed over. */
  count: number;
  /** Runs that have no value of the metric. */
  missing: number;
  /** NaN and ±Infinity values, left out of the statistics. */
  nan: number;
  infinite: number;
  mean?: number;
  /** Sample standard deviation (n − 1); absent for fewer than two values. */
  std?: number;
  min?: number;
  max?: number;
}

/** Statistics of one metric over a group's runs (a value per run, null where it has none). */
export function metricStats(values: readonly (MetricValue | null | undefined)[]): MetricStats {
  const stats: MetricStats = { runs: values.length, count: 0, missing: 0, nan: 0, infinite: 0 };
  // Welford's update: the mean and the sum of squared deviations in one pass, without the
  // cancellation of sum(x²) − n·mean² on values far from zero.
  let mean = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const raw of values) {
    if (raw === null || raw === undefined) {
      stats.missing += 1;
      continue;
    }
    const x = typeof raw === 'number' ? raw : Number(raw);
    if (Number.isNaN(x)) stats.nan += 1;
    else if (!Number.isFinite(x)) stats.infinite += 1;
    else {
      stats.count += 1;
      const delta = x - mean;
      mean += delta / stats.count;
      squares += delta * (x - mean);
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (stats.count === 0) return stats;
  stats.mean = mean;
  stats.min = min;
  stats.max = max;
  if (stats.count > 1) stats.std = Math.sqrt(Math.max(0, squares) / (stats.count - 1));
  return stats;
}
