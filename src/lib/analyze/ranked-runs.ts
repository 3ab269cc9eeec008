/**
 * The runs of a selection in ranked order, as `runfolio rank` lists them and report leaderboards
 * show them (one implementation, so the two always agree):
 *
 * - with `orderBy` (MLflow `order_by` clauses), runs sort exactly as MLflow's search_runs sorts
 *   them and ranks are positions;
 * - otherwise with `metric`, runs are ranked by that metric's latest value (rank.ts: direction
 *   inferred from the name unless given, NaN after numbers, runs without it last and unranked);
 * - with neither, runs come in MLflow's default order (start time descending, run id).
 * `grouping` keeps the best run of each group (the first in the order above) and ranks those.
 * Deleted runs are left out (select.ts).
 */
import { bestRuns, type Grouping } from './best.ts';
import type { Direction } from './direction.ts';
import { leaderboard } from './rank.ts';
import { searchRuns } from './search/index.ts';
import { selectRuns } from './select.ts';
import type { RunTables } from './tables.ts';
import type { Run } from '../model.ts';

export interface RankRequest {
  experimentIds?: readonly string[];
  /** Only the children of this run (the trials of a sweep). */
  parentId?: string;
  /** MLflow `filter_string`. */
  filter?: string;
  /** MLflow `order_by` clauses; when given they decide the order instead of `metric`. */
  orderBy: readonly string[];
  metric?: string;
  direction?: Direction;
  grouping?: Grouping;
}

/** A run as listed: its rank (null: unranked) and, with a grouping, its group. */
export interface Listed {
  run: Run;
  rank: number | null;
  group?: string | null | undefined;
}

export function listRuns(tables: RunTables, request: RankRequest): Listed[] {
  const selection = {
    ...(request.experimentIds ? { experimentIds: request.experimentIds } : {}),
    ...(request.parentId !== undefined ? { parentId: request.parentId } : {}),
    ...(request.filter ? { filter: request.filter } : {}),
  };
  const { metric, grouping } = request;
  if (metric !== undefined && request.orderBy.length === 0) {
    const ranking = leaderboard(tables, { ...selection, metric, ...(request.direction ? { direction: request.direction } : {}) });
    const rows = ranking.runs.map((r) => ({ run: runOf(tables, r.id), rank: r.rank }));
    if (grouping === undefined) return rows;
    const bests = bestRuns(tables, { ...selection, metric, direction: ranking.direction, group: grouping }).groups;
    const groupOf = new Map(bests.map((b) => [b.id, b.group]));
    return positions(rows.filter((r) => groupOf.has(r.run.id)).map((r) => ({ ...r, group: groupOf.get(r.run.id) ?? null })));
  }
  const selected = selectRuns(tables, selection).array('row') as ArrayLike<number>;
  const runs = searchRuns(Array.from(selected, (row) => tables.runList[row] as Run), { orderBy: request.orderBy, viewType: 'ALL' });
  const rows = runs.map((run) => ({ run, rank: null, group: grouping === undefined ? undefined : groupValue(run, grouping) }));
  return positions(grouping === undefined ? rows : firstPerGroup(rows));
}

function runOf(tables: RunTables, id: string): Run {
  return tables.runList[tables.rowById.get(id) as number] as Run;
}

/** Ranks as positions 1..n. */
function positions(rows: Omit<Listed, 'rank'>[]): Listed[] {
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

function firstPerGroup(rows: Omit<Listed, 'rank'>[]): Omit<Listed, 'rank'>[] {
  const seen = new Set<string | null | undefined>();
  return rows.filter((row) => (row.group === undefined || seen.has(row.group) ? false : (seen.add(row.group), true)));
}

/** The group of a run, or undefined when it belongs to none (no parent). */
function groupValue(run: Run, grouping: Grouping): string | null | undefined {
  const own = (record: Record<string, string>, key: string) => (Object.hasOwn(record, key) ? (record[key] as string) : null);
  switch (grouping.by) {
    case 'experiment': return run.experimentId;
    case 'parent': return run.parentId;
    case 'param': return own(run.params, grouping.key);
    case 'tag': return own(run.tags, grouping.key);
  }
}
