/**
 * Cell texts of the diff table. Metric values are shown exactly (the shortest text that reads
 * back as the same number): two values the table marks as different must never look alike, and
 * rounding to a few digits would make 123456.7 and 123456.9 both "123457". Changes are rounded,
 * they only say how far apart the values are.
 */
import { formatDuration, formatTime } from '../../lib/site/format.ts';
import type { DiffValue, MetricChange } from './diff-rules.ts';

/** A metric value: exact; NaN and ±∞ spelled out. */
export function formatExact(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '−∞';
  return String(n);
}

/** An attribute value (see compare-diff.ts `ATTRIBUTE_LABELS`). */
export function formatAttribute(key: string, value: DiffValue): string {
  if (value === null) return '—';
  if (key === 'startTime' && typeof value === 'number') return formatTime(value);
  if (key === 'duration' && typeof value === 'number') return formatDuration(value);
  return String(value);
}

/** `+0.0125 (+5.21%)`, or `-3` without a relative change; undefined when the change is not a finite number. */
export function formatChange(change: MetricChange | null): string | undefined {
  if (change === null || !Number.isFinite(change.absolute)) return undefined;
  const relative = change.relative === null ? '' : ` (${signed(change.relative * 100, 3)}%)`;
  return `${signed(change.absolute, 4)}${relative}`;
}

/** A number with its sign and `digits` significant digits, no trailing zeros; 0 has no sign. */
export function signed(n: number, digits: number): string {
  const rounded = Number(n.toPrecision(digits));
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '-'}${String(Math.abs(rounded))}`;
}
