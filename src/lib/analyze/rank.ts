/**
 * Leaderboards: runs ranked by the latest value of one metric, across the selected runs or
 * within each experiment.
 *
 * Order, in each ranking:
 * 1. runs with a number, best first in the metric's direction (inferred from its name unless
 *    given; ±Infinity compare as numbers);
 * 2. runs whose value is NaN (they logged the metric, so they are ranked, after every number);
 * 3. runs without the metric: listed last, unranked (rank null).
 * Ties, at any step, go to the run MLflow lists first by default: start time descending (a run
 * without one last), then run id ascending (the runs table's `row` order). That is the order
 * MLflow's `search_runs(order_by=["metrics.m DESC"])` gives, so `runfolio rank --metric m`
 * and `--order-by "metrics.m DESC"` agree. Ranks are 1..n with no gaps and no shared ranks.
 */
import { collate, desc, op, type ColumnTable } from 'arquero';
import { compareIds } from '../order.ts';
import { withMetric } from './columns.ts';
import { metricDirection, type Direction } from './direction.ts';
import { selectRuns, type RunSelection } from './select.ts';
import { withParams, type RunTables } from './tables.ts';

export interface LeaderboardOptions extends RunSelection {
  /** The metric key (its latest value is ranked). */
  metric: string;
  /** Default: inferred from the metric's name (direction.ts). */
  direction?: Direction;
  /** Rank each experiment on its own (default: one ranking over all selected runs). */
  perExperiment?: boolean;
  /** Keep the K best ranked runs (of each experiment with perExperiment); unranked runs are dropped. */
  top?: number;
}

export interface RankedRun {
  id: string;
  experimentId: string;
  name: string;
  /** 1 for the best; null when the run has no value for the metric. */
  rank: number | null;
  /** Latest value (NaN and ±Infinity possible); null when absent. */
  value: number | null;
}

export interface Leaderboard {
  metric: string;
  direction: Direction;
  /** In ranking order (by experiment id first with perExperiment), unranked runs last. */
  runs: RankedRun[];
}

/** The selected runs ranked by `options.metric`. */
export function leaderboard(tables: RunTables, options: LeaderboardOptions): Leaderboard {
  const direction = metricDirection(options.metric, options.direction);
  const runs = withMetric(tables, selectRuns(tables, options), options.metric);
  let ranked = rankTable(runs, direction, options.perExperiment ? ['experimentId'] : []);
  if (options.perExperiment) ranked = ranked.orderby(collate('experimentId', compareIds), 'missing', 'rank', 'row');
  if (options.top !== undefined) ranked = withParams(ranked, { top: options.top }).filter((d, $) => d.rank !== null && d.rank <= $.top);
  return {
    metric: options.metric,
    direction,
    runs: ranked.objects().map((row) => {
      const r = row as { id: string; experimentId: string; name: string; rank: number | null; value: number | null | undefined };
      return { id: r.id, experimentId: r.experimentId, name: r.name, rank: r.rank, value: r.value ?? null };
    }),
  };
}

/**
 * `runs` (with a numeric `value` column, null where absent) given a `missing` column (0 a
 * number, 1 NaN, 2 absent) and a `rank` (null where absent) within each combination of the
 * `partition` columns (a null value is a partition too), and ordered as the header describes
 * (partitions interleaved: callers order them). Ungrouped.
 */
export function rankTable(runs: ColumnTable, direction: Direction, partition: readonly string[] = []): ColumnTable {
  const classified = runs.derive({ missing: (d) => (d.value == null ? 2 : op.is_nan(d.value) ? 1 : 0) });
  const grouped = partition.length === 0 ? classified : classified.groupby(...partition);
  return grouped
    .orderby('missing', direction === 'asc' ? 'value' : desc('value'), 'row')
    .derive({ rank: (d) => (d.missing < 2 ? op.row_number() : null) })
    .ungroup();
}
