/**
 * Metric series collected from history rows and system stats, in logging order. A value is a
 * point when it is a number (NaN and ±Infinity included, as MLflow keeps them); a plain nested
 * object contributes its numeric leaves under `key.sub` (as nested params are joined, and as
 * W&B's own charts list `network.sent`); anything else (text, booleans, null, lists, media
 * objects with a `_type`) is counted under its key and not published.
 */
import type { Metric, Point } from '../../model.ts';
import { metricValue } from '../../metric-value.ts';
import { toMetric } from '../metric-points.ts';
import { setOwn } from '../../order.ts';

export class SeriesSet {
  /** Points in logging order, made as they are read (no intermediate columns to copy). */
  private readonly series = new Map<string, Point[]>();
  /** Values that were not numbers, by key and kind. */
  readonly nonNumeric = new NonNumericCounts();

  /** Adds `value` logged under `key` at (step, timestamp). */
  add(key: string, value: unknown, step: number, timestamp: number): void {
    if (typeof value === 'number') this.push(key, value, step, timestamp);
    else if (typeof value === 'bigint') this.push(key, Number(value), step, timestamp);
    else if (isNestedValues(value)) for (const [sub, child] of Object.entries(value)) this.add(`${key}.${sub}`, child, step, timestamp);
    else this.nonNumeric.add(key, value);
  }

  has(key: string): boolean {
    return this.series.has(key);
  }

  keys(): IterableIterator<string> {
    return this.series.keys();
  }

  /** Every series as a Metric (history sorted by step, latest as MLflow picks it), under `prefix + key`. */
  toMetrics(prefix = ''): Record<string, Metric> {
    const out: Record<string, Metric> = {};
    for (const [key, points] of this.series) {
      const metric = toMetric(points);
      if (metric) setOwn(out, prefix + key, metric);
    }
    return out;
  }

  private push(key: string, value: number, step: number, timestamp: number): void {
    let points = this.series.get(key);
    if (!points) {
      points = [];
      this.series.set(key, points);
    }
    points.push({ step, timestamp, value: metricValue(value) });
  }
}

/** A plain object of values (not a list, not a W&B media object such as `{"_type": "image-file"}`). */
export function isNestedValues(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('_type' in value);
}

/** Values that are not numbers, counted by key and by what they are (valueKind). */
export class NonNumericCounts {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, value: unknown): void {
    const kinds = this.counts.get(key) ?? new Map<string, number>();
    const kind = valueKind(value);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    this.counts.set(key, kinds);
  }

  /** `[key, kind, count]` for every key and kind seen. */
  *entries(): Generator<[string, string, number]> {
    for (const [key, kinds] of this.counts) for (const [kind, count] of kinds) yield [key, kind, count];
  }
}

/** A W&B media or data type (`image-file`, `table-file`, `histogram`…, from `_type`), else `text`, `boolean`, `null`, `list` or `object`. */
export function valueKind(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object' && typeof (value as { _type?: unknown })._type === 'string') return (value as { _type: string })._type;
  return typeof value;
}
