/**
 * Cell texts of the diff table, with the site's number formatter (src/lib/site/format.ts).
 * Metric values get the significant digits that tell a row's values apart: six, or more when two
 * values the table marks as different (beyond diff-rules.ts `DIFFERENCE_EPSILON`) would read
 * alike at six (`123456.7` and `123456.9`); the exact value goes in the cell's title. Changes are
 * rounded further: they only say how far apart the values are.
 */
import { digitsToTellApart, exactTitle, formatDuration, formatNumber, formatSigned, formatTime } from '../../lib/site/format.ts';
import { DIFFERENCE_EPSILON, type DiffValue, type MetricChange } from './diff-rules.ts';

/** The digits a row of metric values is shown with. */
export function rowDigits(values: readonly (number | null)[]): number {
  return digitsToTellApart(values.filter((v): v is number => v !== null), undefined, DIFFERENCE_EPSILON);
}

/** A metric value's text at `digits`, and its exact value when the text rounds it. */
export function metricCell(n: number, digits: number): { text: string; title: string | undefined } {
  const text = formatNumber(n, digits);
  return { text, title: exactTitle(n, text) };
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
  const relative = change.relative === null ? '' : ` (${formatSigned(change.relative * 100, 3)}%)`;
  return `${formatSigned(change.absolute, 4)}${relative}`;
}
