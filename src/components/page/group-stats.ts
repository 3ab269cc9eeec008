/**
 * A group's statistics of one metric (src/lib/analyze/groups.ts `metricStats`) as the runs table
 * and the compare page show them: `mean ± std` and `min – max` in few digits, and a title that
 * says everything in full, what was left out included. Browser-safe.
 */
import type { MetricStats } from '../../lib/analyze/groups.ts';
import { formatCount, formatNumber } from '../../lib/site/format.ts';

/** Significant digits in a cell: a group summary is read at a glance; the title has six. */
export const CELL_DIGITS = 4;

export interface StatsText {
  /** `0.9123 ± 0.0213`, `0.9123` for one value, '—' without any. */
  mean: string;
  /** `0.88 – 0.94`; '' for fewer than two values. */
  range: string;
  /** `mean 0.912345 ± 0.0213457 (sample std), min 0.88, max 0.94; 12 of 14 runs, 2 without a value`. */
  title: string;
}

/** The digits of each number in `mean ± std` that fit a cell `chars` characters wide (2 to 6). */
export function statsDigits(chars: number): number {
  return Math.min(6, Math.max(2, Math.floor((chars - 3) / 2) - 2));
}

export function statsText(stats: MetricStats, cellDigits: number = CELL_DIGITS): StatsText {
  const n = (x: number | undefined, digits = cellDigits) => (x === undefined ? '—' : formatNumber(x, digits));
  const mean = stats.count === 0 ? '—' : stats.std === undefined ? n(stats.mean) : `${n(stats.mean)} ± ${n(stats.std)}`;
  const range = stats.count > 1 ? `${n(stats.min)} – ${n(stats.max)}` : '';
  const parts: string[] = [];
  if (stats.count > 0) {
    const spread = stats.std === undefined ? '' : ` ± ${n(stats.std, 6)} (sample std)`;
    parts.push(`mean ${n(stats.mean, 6)}${spread}, min ${n(stats.min, 6)}, max ${n(stats.max, 6)}`);
  } else parts.push('no value to average');
  parts.push(`${formatCount(stats.count)} of ${formatCount(stats.runs)} ${stats.runs === 1 ? 'run' : 'runs'}`);
  if (stats.missing > 0) parts.push(`${formatCount(stats.missing)} without a value`);
  if (stats.nan > 0) parts.push(`${formatCount(stats.nan)} NaN left out`);
  if (stats.infinite > 0) parts.push(`${formatCount(stats.infinite)} infinite left out`);
  return { mean, range, title: `${parts[0]}; ${parts.slice(1).join(', ')}` };
}
