/**
 * A W&B run's metrics: every numeric history key (at `_step`, `_timestamp` in ms), the summary
 * values that never appear in history as single points (a value set with `run.summary[…] = …`),
 * and system stats under `system/` (`system/cpu`, `system/gpu.0.temp`), as MLflow names its
 * system metrics. Summary values of history keys are W&B's own reduction of the history (last,
 * min, max… per `define_metric`) and are not repeated.
 */
import type { Metric, Point } from '../../model.ts';
import { metricValue } from '../../metric-value.ts';
import { toMetric } from '../metric-points.ts';
import { RESERVED_HISTORY_KEYS, type RunLog } from './run-log.ts';
import { isNestedValues, NonNumericCounts } from './series.ts';
import { setOwn } from '../../order.ts';
import type { Nested } from './updates.ts';

export const SYSTEM_PREFIX = 'system/';
const SUMMARY_INTERNAL = '_wandb';

/** Values that are not numbers (text, media, lists…), not published, by key and kind. */
export interface MetricCounts {
  history: NonNumericCounts;
  stats: NonNumericCounts;
  /** Of summary values published nowhere else (keys history does not hold). */
  summary: NonNumericCounts;
}

export function runMetrics(log: RunLog | undefined, summary: Nested, at: { step: number; timestamp: number }): { metrics: Record<string, Metric>; counts: MetricCounts } {
  const metrics: Record<string, Metric> = log ? { ...log.history.toMetrics(), ...log.stats.toMetrics(SYSTEM_PREFIX) } : {};
  const counts: MetricCounts = { history: log?.history.nonNumeric ?? new NonNumericCounts(), stats: log?.stats.nonNumeric ?? new NonNumericCounts(), summary: new NonNumericCounts() };
  const logged = (key: string) => Boolean(log && (log.historyKeys.has(key) || log.history.has(key)));
  for (const [key, value] of Object.entries(summary)) {
    if (key === SUMMARY_INTERNAL || RESERVED_HISTORY_KEYS.has(key) || logged(key)) continue;
    addSummaryValue(key, value, { metrics, counts, logged, at });
  }
  return { metrics, counts };
}

interface SummaryTarget {
  metrics: Record<string, Metric>;
  counts: MetricCounts;
  logged: (key: string) => boolean;
  at: { step: number; timestamp: number };
}

function addSummaryValue(key: string, value: unknown, target: SummaryTarget): void {
  if (target.logged(key) || Object.hasOwn(target.metrics, key)) return;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const point: Point = { step: target.at.step, timestamp: target.at.timestamp, value: metricValue(Number(value)) };
    setOwn(target.metrics, key, toMetric([point]) as Metric);
  } else if (isNestedValues(value)) {
    for (const [sub, child] of Object.entries(value)) addSummaryValue(`${key}.${sub}`, child, target);
  } else target.counts.summary.add(key, value);
}

/** Where a summary-only point sits: the summary's own `_step`/`_timestamp`, else the run's last ones. */
export function summaryPoint(summary: Nested, fallback: { step: number; timestamp: number }): { step: number; timestamp: number } {
  const step = summary._step;
  const seconds = summary._timestamp;
  return {
    step: typeof step === 'number' && Number.isInteger(step) ? step : fallback.step,
    timestamp: typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 1000) : fallback.timestamp,
  };
}
