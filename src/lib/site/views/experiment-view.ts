/**
 * Experiment → its page's view: its metrics in relevance order (analyze/relevance.ts), the
 * leaderboard and best runs by the primary metric and the leaderboards a reader can switch to,
 * sweeps with their best child, the runs table's columns and first rows, the chart panels' choices.
 */
import { bestRuns } from '../../analyze/best.ts';
import { inferDirection } from '../../analyze/direction.ts';
import { leaderboard, type RankedRun } from '../../analyze/rank.ts';
import { BOOKKEEPING_TIER, defaultChartMetrics, experimentMetricRanking, type RankedMetric } from '../../analyze/relevance.ts';
import { SYSTEM_PREFIX } from '../../analyze/metric-names.ts';
import { compareMlflowDefault, type RunTables } from '../../analyze/tables.ts';
import { metricValue } from '../../metric-value.ts';
import type { Experiment, Run, RunStatus } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import { DRAWN_RUNS } from '../../charts/spec-frame.ts';
import type { ChartImages } from '../charts-static.ts';
import { renderMarkdown } from '../markdown.ts';
import { TABLE_CHUNK_ROWS, treeOrder } from '../table-data.ts';
import { durationOf } from './facts.ts';
import { optional, runLink } from './run-view.ts';
import { tableColumnDefaults } from './table-columns.ts';
import type { ExperimentView, LeaderboardRow, RunsTableRow } from './types.ts';

const PREVIEW_ROWS = 50;
const LEADERBOARD_SIZE = 10;
/** Leaderboards a reader can switch to, the primary one included. */
const LEADERBOARD_METRICS = 8;

const STATUSES: RunStatus[] = ['FINISHED', 'RUNNING', 'SCHEDULED', 'FAILED', 'KILLED'];

export interface ExperimentInput {
  experiment: Experiment;
  /** The experiment's published (active) runs. */
  runs: Run[];
  tables: RunTables;
  /** Its metrics ranked, and the primary one (experimentMetrics). */
  metrics: ExperimentMetrics;
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

/** An experiment's metrics in relevance order, its primary metric and the metrics charted at first. */
export interface ExperimentMetrics {
  ranked: RankedMetric[];
  primary: string | undefined;
  /** The chart panels' defaults (and the static overview charts'). */
  defaults: string[];
}

/** Computed once per experiment: ranking rules and overrides in analyze/relevance.ts (`preferred` is `--metric`). */
export function experimentMetrics(experiment: Experiment, runs: readonly Run[], preferred: string | undefined): ExperimentMetrics {
  const { ranked, primary } = experimentMetricRanking(experiment.tags, runs, preferred);
  return { ranked, primary, defaults: defaultChartMetrics(ranked, primary) };
}

/** Computed once per experiment: the page, the home page and the charts all read it. */
export function rankExperiment(tables: RunTables, experimentId: string, metric: string | undefined): Ranking | undefined {
  if (!metric) return undefined;
  return { metric, ranked: rankedRuns(tables, experimentId, metric) };
}

function rankedRuns(tables: RunTables, experimentId: string, metric: string): RankedRun[] {
  return leaderboard(tables, { metric, experimentIds: [experimentId] }).runs.filter((r) => r.rank !== null && r.value !== null);
}

export function experimentView({ experiment, runs, tables, metrics, ranking, charts, archive }: ExperimentInput): ExperimentView {
  const metricKeys = metrics.ranked.map((m) => m.key);
  const paramKeys = keysByFrequency(runs, (r) => r.params);
  const primary = ranking?.metric;
  const ordered = treeOrder(runs, compareMlflowDefault);
  const byId = new Map(runs.map((r) => [r.id, r]));
  // Metric keys in relevance order (analyze/relevance.ts); the table's first columns follow it.
  const columns = { metrics: metricKeys, params: paramKeys.map(([k]) => k) };
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
    otherLeaderboards: primary ? otherLeaderboards(tables, experiment.id, metrics.ranked, primary, byId) : [],
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
    panels: panelsView(metrics, ranking),
    charts,
    // Filled in once the reports are prepared (views/build.ts).
    reports: [],
  };
}

/** Leaderboards by the other telling metrics most runs logged, for the page's metric switch. */
function otherLeaderboards(tables: RunTables, experimentId: string, ranked: RankedMetric[], primary: string, byId: Map<string, Run>): ExperimentView['otherLeaderboards'] {
  const most = Math.max(0, ...ranked.map((m) => m.runs));
  return ranked
    .filter((m) => m.key !== primary && m.tier < BOOKKEEPING_TIER && !m.constant && !m.key.startsWith(SYSTEM_PREFIX) && m.runs >= 0.5 * most)
    .slice(0, LEADERBOARD_METRICS - 1)
    .map((m) => ({ key: m.key, direction: inferDirection(m.key), rows: leaderboardRows(rankedRuns(tables, experimentId, m.key).slice(0, LEADERBOARD_SIZE), byId) }))
    .filter((board) => board.rows.length > 0);
}

/** What the chart panels offer: every metric (a history, or one value per run: bars), the defaults, and the runs drawn first. */
function panelsView(metrics: ExperimentMetrics, ranking: Ranking | undefined): ExperimentView['panels'] {
  return {
    metrics: metrics.ranked.map((m) => ({ key: m.key, history: m.points > 1 })),
    defaults: metrics.defaults,
    runs: (ranking?.ranked ?? []).slice(0, DRAWN_RUNS).map((r) => r.id),
  };
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
