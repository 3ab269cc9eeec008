/** A Snapshot at a glance: the counts `runfolio inspect` prints and the index page shows. */
import type { RunStatus, Snapshot } from '../model.ts';
import { compareStrings } from '../order.ts';

export interface ExperimentSummary {
  id: string;
  name: string;
  lifecycleStage: 'active' | 'deleted';
  runs: number;
  deletedRuns: number;
  /** Latest start time of its runs, epoch ms. */
  lastActivity?: number;
}

export interface SnapshotSummary {
  experiments: ExperimentSummary[];
  runs: { total: number; deleted: number; nested: number; byStatus: Record<RunStatus, number> };
  metrics: { keys: number; series: number; points: number; longestHistory: number };
  params: { keys: number; values: number };
  models: { name: string; versions: number; aliases: Record<string, string>; stages: Record<string, string> }[];
  warnings: number;
}

export function summarizeSnapshot(snapshot: Snapshot): SnapshotSummary {
  const byStatus: Record<RunStatus, number> = { RUNNING: 0, SCHEDULED: 0, FINISHED: 0, FAILED: 0, KILLED: 0 };
  const perExperiment = new Map<string, { runs: number; deleted: number; last?: number }>();
  const metricKeys = new Set<string>();
  const paramKeys = new Set<string>();
  let series = 0;
  let points = 0;
  let longest = 0;
  let paramValues = 0;
  let deleted = 0;
  let nested = 0;
  for (const run of snapshot.runs) {
    byStatus[run.status] += 1;
    if (run.lifecycleStage === 'deleted') deleted += 1;
    if (run.parentId) nested += 1;
    const entry = perExperiment.get(run.experimentId) ?? { runs: 0, deleted: 0 };
    if (run.lifecycleStage === 'deleted') entry.deleted += 1;
    else entry.runs += 1;
    if (run.startTime !== undefined && (entry.last === undefined || run.startTime > entry.last)) entry.last = run.startTime;
    perExperiment.set(run.experimentId, entry);
    for (const [key, metric] of Object.entries(run.metrics)) {
      metricKeys.add(key);
      series += 1;
      points += metric.history.length;
      longest = Math.max(longest, metric.history.length);
    }
    for (const key of Object.keys(run.params)) paramKeys.add(key);
    paramValues += Object.keys(run.params).length;
  }
  return {
    experiments: snapshot.experiments.map((e) => {
      const counts = perExperiment.get(e.id);
      return {
        id: e.id,
        name: e.name,
        lifecycleStage: e.lifecycleStage,
        runs: counts?.runs ?? 0,
        deletedRuns: counts?.deleted ?? 0,
        ...(counts?.last !== undefined ? { lastActivity: counts.last } : {}),
      };
    }),
    runs: { total: snapshot.runs.length, deleted, nested, byStatus },
    metrics: { keys: metricKeys.size, series, points, longestHistory: longest },
    params: { keys: paramKeys.size, values: paramValues },
    models: snapshot.models.map((m) => ({
      name: m.name,
      versions: m.versions.length,
      aliases: m.aliases,
      stages: latestVersionPerStage(m.versions),
    })),
    warnings: snapshot.warnings.length,
  };
}

/** Stage → newest version in it, as MLflow's get_latest_versions (stage `None` included). */
export function latestVersionPerStage(versions: { version: string; stage: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of versions) {
    const current = out[v.stage];
    if (current === undefined || Number(v.version) > Number(current)) out[v.stage] = v.version;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareStrings(a, b)));
}
