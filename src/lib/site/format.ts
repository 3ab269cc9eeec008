/** Display formats shared by the pages. Fixed locale and UTC, so output does not depend on the machine. */
import type { MetricValue } from '../model.ts';

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2024-02-13 14:05 UTC` from epoch ms. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `1h 02m`, `3m 05s`, `4.2s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.round(s % 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/**
 * Numbers as the site shows them, everywhere (tables, pages, compare, tooltips, the CLI): rounded
 * to significant digits, never `0.0010000000000000002`; the exact value goes in a `title` and in
 * downloads (`exactNumber`). The rules, for `digits` significant digits (default 6):
 * - integers are shown whole while they are exact doubles (|n| < 1e15): a step or a count is `40`,
 *   not `40.0000` nor `4e1`;
 * - other values with an integer part of `digits` or more digits are rounded to an integer
 *   (`1234567.89` → `1234568`): the fraction is below the precision shown;
 * - |n| < 1e-4 and |n| ≥ 1e15 use an exponent (`1.5e-7`, `2.5e+21`), as JavaScript spells it;
 * - trailing zeros are dropped; `-0` is `0`; NaN and ±Infinity are `NaN`, `∞`, `−∞`.
 * No digit grouping and an ASCII minus: a value copied from a cell pastes into a filter
 * (`metrics.loss < 0.0123`) as it is.
 */
export const DISPLAY_DIGITS = 6;
/** The most significant digits a double has (17 tell every double apart). */
export const MAX_DIGITS = 17;
const EXACT_INTEGER = 1e15;
const SMALL = 1e-4;

/** A number for display with `digits` significant digits (see above). */
export function formatNumber(n: number, digits: number = DISPLAY_DIGITS): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '−∞';
  if (n === 0) return '0';
  const d = clampDigits(digits);
  const abs = Math.abs(n);
  if (abs < EXACT_INTEGER && (Number.isInteger(n) || abs >= 10 ** d)) return String(Math.sign(n) * Math.round(abs));
  if (abs >= SMALL && abs < EXACT_INTEGER) {
    const rounded = Number(n.toPrecision(d));
    // Rounding can reach the exponent range's edge (0.000099999999 → 1e-4): String keeps it plain.
    return rounded === 0 ? '0' : String(rounded);
  }
  return exponent(n, d);
}

/** `m.mmme±x` with trailing zeros of the mantissa dropped. */
function exponent(n: number, digits: number): string {
  const [mantissa = '', power = ''] = n.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${power}`;
}

function clampDigits(digits: number): number {
  return Number.isFinite(digits) ? Math.min(MAX_DIGITS, Math.max(1, Math.round(digits))) : DISPLAY_DIGITS;
}

/** A metric value (Snapshot spelling: a number, or 'NaN'/'Infinity'/'-Infinity'); '—' when absent. */
export function formatMetric(value: MetricValue | null | undefined, digits: number = DISPLAY_DIGITS): string {
  if (value === null || value === undefined) return '—';
  return formatNumber(typeof value === 'number' ? value : Number(value), digits);
}

/**
 * The exact value, for a `title` and for downloads: the shortest text that reads back as the
 * same double (`0.0010000000000000002`); NaN and ±Infinity as the Snapshot spells them.
 */
export function exactNumber(value: MetricValue | number): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return Object.is(n, -0) ? '0' : String(n);
}

/** The `title` of a shown value: the exact value when the shown text rounds it, else undefined. */
export function exactTitle(value: MetricValue | null | undefined, shown: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const exact = exactNumber(value);
  return exact === shown ? undefined : exact;
}

/**
 * The significant digits that fit a cell `chars` characters wide, at least 3: the text of a value
 * never needs more than digits + 7 characters (sign, point, `e-308`).
 */
export function digitsForWidth(chars: number): number {
  return clampDigits(Math.max(3, Math.floor(chars) - 7));
}

/**
 * A number in at most `chars` characters: `digits` significant digits (by default what
 * digitsForWidth allows), fewer when the value's text would not fit, an exponent for a whole
 * number too long to show (`123456789` in 7 characters is `1.23e+8`). Never below one digit: a
 * cell too narrow for that clips the text (its title has the exact value).
 */
export function fitNumber(n: number, chars: number, digits: number = digitsForWidth(chars)): string {
  let text = formatNumber(n, digits);
  if (text.length <= chars || !Number.isFinite(n) || n === 0) return text;
  // At each number of digits, the plain text first, then the exponent (which keeps tiny values' digits).
  for (let d = clampDigits(digits); d >= 1; d--) {
    for (text of [formatNumber(n, d), exponent(n, d)]) if (text.length <= chars) return text;
  }
  return text;
}

/** A metric value in at most `chars` characters (fitNumber); '—' when absent. */
export function fitMetric(value: MetricValue | null | undefined, chars: number, digits?: number): string {
  if (value === null || value === undefined) return '—';
  return fitNumber(typeof value === 'number' ? value : Number(value), chars, digits);
}

/**
 * The fewest significant digits, from `digits` up to 17, at which the values that differ by more
 * than `tolerance` read differently: a table that marks two values as different must not show
 * them alike (`123456.7` and `123456.9` are both `123457` at 6 digits).
 */
export function digitsToTellApart(values: readonly number[], digits: number = DISPLAY_DIGITS, tolerance = 0): number {
  const sorted = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  // Rounding is monotonic: two values read alike only if every value between them does, so it is
  // enough to check each value against the first one further than `tolerance` above it.
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < sorted.length; i++) {
    const a = sorted[i] as number;
    while (j < sorted.length && (sorted[j] as number) - a <= tolerance) j++;
    if (j < sorted.length) pairs.push([a, sorted[j] as number]);
  }
  let d = clampDigits(digits);
  while (d < MAX_DIGITS && pairs.some(([a, b]) => formatNumber(a, d) === formatNumber(b, d))) d++;
  return d;
}

/** A change: its sign (`+`, `-`; none for 0) and `digits` significant digits. */
export function formatSigned(n: number, digits: number = DISPLAY_DIGITS): string {
  const text = formatNumber(n, digits);
  return n > 0 ? `+${text}` : text;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[unit]}`;
}

/** The first 8 characters of a run id, as MLflow's UI shows it. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

/** A run's display name: its name, else its short id. */
export function runName(run: { id: string; name: string }): string {
  return run.name || shortId(run.id);
}
