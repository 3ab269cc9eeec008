/**
 * Experiment → its page's view: leaderboard and best runs by the primary metric (analyses of
 * src/lib/analyze), sweeps with their best child, the runs table's columns and first rows.
 */
import { bestRuns } from '../../analyze/best.ts';
import { inferDirection } from '../../analyze/direction.ts';
import { leaderboard, type RankedRun } from '../../analyze/rank.ts';
import { compareMlflowDefault, type RunTables } from '../../analyze/tables.ts';
import { metricValue } from '../../metric-value.ts';
import type { Experiment, Run, RunStatus } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import type { ChartImages } from '../charts-static.ts';
import { renderMarkdown } from '../markdown.ts';
import { TABLE_CHUNK_ROWS, treeOrder } from '../table-data.ts';
import { durationOf } from './facts.ts';
import { optional, runLink } from './run-view.ts';
import { tableColumnDefaults } from './table-columns.ts';
import type { ExperimentView, LeaderboardRow, RunsTableRow } from './types.ts';

const PREVIEW_ROWS = 50;
const LEADERBOARD_SIZE = 10;
const STATUSES: RunStatus[] = ['FINISHED', 'RUNNING', 'SCHEDULED', 'FAILED', 'KILLED'];

export interface ExperimentInput {
  experiment: Experiment;
  /** The experiment's published (active) runs. */
  runs: Run[];
  tables: RunTables;
  /** The runs ranked by the primary metric (rankExperiment). */
  ranking: Ranking | undefined;
  charts: ChartImages;
  /** Archive mode: the page lists every run (there is no island to load the rest). */
  archive: boolean;
}

/** An experiment's primary metric and its runs ranked by it, best first (unranked runs left out). */
export interface Ranking {
  metric: string;
  ranked: RankedRun[];
}

/** Computed once per experiment: the page, the home page and the charts all read it. */
export function rankExperiment(tables: RunTables, experimentId: string, runs: Run[], preferredMetric: string | undefined): Ranking | undefined {
  const metric = choosePrimaryMetric(keysByFrequency(runs, (r) => r.metrics), preferredMetric);
  if (!metric) return undefined;
  return { metric, ranked: leaderboard(tables, { metric, experimentIds: [experimentId] }).runs.filter((r) => r.rank !== null && r.value !== null) };
}

export function experimentView({ experiment, runs, tables, ranking, charts, archive }: ExperimentInput): ExperimentView {
  const metricKeys = keysByFrequency(runs, (r) => r.metrics);
  const paramKeys = keysByFrequency(runs, (r) => r.params);
  const primary = ranking?.metric;
  const ordered = treeOrder(runs, compareMlflowDefault);
  const byId = new Map(runs.map((r) => [r.id, r]));
  const columns = { metrics: metricKeys.map(([k]) => k), params: paramKeys.map(([k]) => k) };
  const { uniform, ...firstColumns } = tableColumnDefaults(ordered, columns.metrics, columns.params, primary);
  const childCount = countChildren(runs);
  return {
    id: experiment.id,
    name: experiment.name,
    ...(experiment.description ? { noteHtml: renderMarkdown(experiment.description) } : {}),
    tags: Object.entries(experiment.tags).filter(([k]) => k !== 'mlflow.note.content'),
    runCount: runs.length,
    statusCounts: STATUSES.map((s): [RunStatus, number] => [s, runs.filter((r) => r.status === s).length]).filter(([, n]) => n > 0),
    ...optional('lastActivity', runs.reduce<number | undefined>((max, r) => (r.startTime !== undefined && (max === undefined || r.startTime > max) ? r.startTime : max), undefined)),
    ...(primary ? { primaryMetric: { key: primary, direction: inferDirection(primary) } } : {}),
    leaderboard: ranking ? leaderboardRows(ranking.ranked.slice(0, LEADERBOARD_SIZE), byId) : [],
    sweeps: primary ? sweepBests(tables, experiment.id, primary, byId, childCount) : sweepsWithoutMetric(byId, childCount),
    columns,
    preview: ordered.slice(0, archive ? ordered.length : PREVIEW_ROWS).map(({ run, depth }) => ({
      ...runLink(run),
      depth,
      ...optional('startTime', run.startTime),
      ...optional('durationMs', durationOf(run)),
      ...optional('user', run.user),
      children: childCount.get(run.id) ?? 0,
      metrics: firstColumns.metrics.map((k) => run.metrics[k]?.latest.value ?? null),
      params: firstColumns.params.map((k) => (Object.hasOwn(run.params, k) ? (run.params[k] ?? null) : null)),
    })) satisfies RunsTableRow[],
    previewColumns: firstColumns,
    uniformColumns: uniform,
    tableChunks: Math.max(1, Math.ceil(runs.length / TABLE_CHUNK_ROWS)),
    charts,
  };
}

const HELD_OUT = /(^|[^a-z])(val|valid|validation|test|eval|holdout)([^a-z]|$)/i;

/**
 * The primary metric: the preferred one if runs logged it; else among the metrics nearly every
 * run logged (at least 80% as many runs as the most common), a held-out one (`val/…`, `test_…`,
 * `eval-…`) first, then the most common (never `system/`).
 */
export function choosePrimaryMetric(keys: [string, number][], preferred?: string): string | undefined {
  if (preferred && keys.some(([k]) => k === preferred)) return preferred;
  const candidates = keys.filter(([k]) => !k.startsWith('system/'));
  const most = candidates[0]?.[1] ?? 0;
  const common = candidates.filter(([, n]) => n >= 0.8 * most);
  return (common.find(([k]) => HELD_OUT.test(k)) ?? common[0])?.[0];
}

/** Keys with the number of runs having each, most common first, then by name. */
export function keysByFrequency(runs: Run[], pick: (run: Run) => Record<string, unknown>): [string, number][] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const key of Object.keys(pick(run))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareStrings(a, b));
}

function countChildren(runs: Run[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runs) if (run.parentId) counts.set(run.parentId, (counts.get(run.parentId) ?? 0) + 1);
  return counts;
}

function leaderboardRows(ranked: RankedRun[], byId: Map<string, Run>): LeaderboardRow[] {
  return ranked.flatMap((r) => {
    const run = byId.get(r.id);
    if (!run || r.rank === null || r.value === null) return [];
    return [{ ...runLink(run), rank: r.rank, value: metricValue(r.value), ...optional('startTime', run.startTime) }];
  });
}

function sweepBests(tables: RunTables, experimentId: string, metric: string, byId: Map<string, Run>, childCount: Map<string, number>): ExperimentView['sweeps'] {
  const best = bestRuns(tables, { metric, experimentIds: [experimentId], group: { by: 'parent' } });
  return best.groups.flatMap((group) => {
    const parent = group.group ? byId.get(group.group) : undefined;
    const run = byId.get(group.id);
    if (!parent || !run) return [];
    const bestRow: LeaderboardRow | undefined = group.ranked > 0 ? { ...runLink(run), rank: 1, value: metricValue(group.value), ...optional('startTime', run.startTime) } : undefined;
    return [{ parent: runLink(parent), children: childCount.get(parent.id) ?? 0, ...(bestRow ? { best: bestRow } : {}) }];
  });
}

function sweepsWithoutMetric(byId: Map<string, Run>, childCount: Map<string, number>): ExperimentView['sweeps'] {
  return [...childCount.keys()].flatMap((id) => {
    const parent = byId.get(id);
    return parent ? [{ parent: runLink(parent), children: childCount.get(id) ?? 0 }] : [];
  }).sort((a, b) => compareStrings(a.parent.id, b.parent.id));
}
