/**
 * A resumed W&B run (`wandb.init(id=…, resume=…)`) writes a new run folder with the same run id,
 * and its log holds only the new session. W&B shows one run, so sessions of one id become one Run,
 * oldest folder first: histories joined (sorted by step as always), the later session's config,
 * tags, status and end win, the earliest start is kept; the run points at the newest log.
 */
import type { Metric, Point, Run } from '../../model.ts';
import { toMetric } from '../metric-points.ts';
import { setOwn } from '../../order.ts';

/** `sessions` in folder order (wandb's folder names start with the session's start time). */
export function mergeSessions(sessions: readonly Run[]): Run {
  const [first, ...rest] = sessions as [Run, ...Run[]];
  let merged = first;
  for (const next of rest) merged = mergeTwo(merged, next);
  return merged;
}

function mergeTwo(earlier: Run, later: Run): Run {
  const metrics: Record<string, Metric> = { ...earlier.metrics };
  for (const [key, metric] of Object.entries(later.metrics)) {
    const before = Object.hasOwn(metrics, key) ? metrics[key] : undefined;
    setOwn(metrics, key, before ? (toMetric([...before.history, ...metric.history] as Point[]) as Metric) : metric);
  }
  const { endTime: _earlierEnd, ...base } = earlier;
  const startTime = [earlier.startTime, later.startTime].filter((t): t is number => t !== undefined).sort((a, b) => a - b)[0];
  return {
    ...base,
    ...later,
    name: later.name || earlier.name,
    ...(startTime !== undefined ? { startTime } : {}),
    ...(later.user ?? earlier.user ? { user: later.user ?? earlier.user } : {}),
    ...(later.description ?? earlier.description ? { description: later.description ?? earlier.description } : {}),
    params: { ...earlier.params, ...later.params },
    tags: { ...earlier.tags, ...later.tags },
    metrics,
  };
}
