/**
 * What a sweep says about each param: for every param of the selected runs (a parent's children
 * with `parentId`, or any selection) and every value it took, how many runs used it, how many of
 * those have the metric, and the metric's best and mean among them. Best is direction-aware
 * (direction.ts) and, with its run, follows rank.ts (ties to the run MLflow lists first); best and
 * mean are taken over numbers only (NaN left out, ±Infinity kept), null when there are none.
 * Runs without a param count under the value null. Params in code-unit order, values numbers
 * first, numerically (values.ts).
 */
import { op, table } from 'arquero';
import { compareStrings } from '../order.ts';
import { withMetric } from './columns.ts';
import { metricDirection, type Direction } from './direction.ts';
import { rankTable } from './rank.ts';
import { selectRuns, type RunSelection } from './select.ts';
import { withParams, type RunTables } from './tables.ts';
import { compareValues } from './values.ts';

export interface SweepOptions extends RunSelection {
  metric: string;
  /** Default: inferred from the metric's name (direction.ts). */
  direction?: Direction;
}

export interface SweepValue {
  /** The param value; null for runs without the param. */
  value: string | null;
  /** Runs that used it. */
  runs: number;
  /** Of those, runs with a number for the metric (NaN excluded). */
  withMetric: number;
  /** Best number in the metric's direction, and the run that has it. */
  best: number | null;
  bestRunId: string | null;
  mean: number | null;
}

export interface SweepParam {
  key: string;
  values: SweepValue[];
}

export interface SweepSummary {
  metric: string;
  direction: Direction;
  /** Selected runs. */
  runs: number;
  params: SweepParam[];
}

/** Per param and value: count, best and mean of `options.metric` over the selected runs. */
export function summarizeSweep(tables: RunTables, options: SweepOptions): SweepSummary {
  const direction = metricDirection(options.metric, options.direction);
  const runs = withMetric(tables, selectRuns(tables, options), options.metric).select('row', 'id', 'value').reify();
  const rows = new Set(Array.from(runs.array('row') as ArrayLike<number>));
  const keys = withParams(tables.params, { rows }).filter((d, $) => op.has($.rows, d.row)).rollup({ keys: (d) => op.array_agg_distinct(d.key) });
  // Every (param, run) pair, so runs without a param land in its null group.
  const grid = table({ key: (keys.get('keys') as string[] | undefined) ?? [] })
    .cross(runs)
    .lookup(tables.params, [['row', 'key'], ['row', 'key']], { param: (d) => d.value });
  const cells = rankTable(grid, direction, ['key', 'param'])
    .groupby('key', 'param')
    .derive({
      runs: () => op.count(),
      withMetric: (d) => op.sum(d.missing === 0 ? 1 : 0),
      mean: (d) => op.mean(d.missing === 0 ? d.value : null),
    })
    // Each cell's first row in rank order holds its best number, if it has one.
    .filter(() => op.row_number() === 1)
    .ungroup()
    .objects() as Cell[];
  return { metric: options.metric, direction, runs: runs.numRows(), params: toParams(cells) };
}

type Cell = { key: string; param: string | null | undefined; id: string; missing: number; value: number; runs: number; withMetric: number; mean: number | undefined };

function toParams(cells: Cell[]): SweepParam[] {
  const byKey = new Map<string, SweepValue[]>();
  for (const cell of cells) {
    const numeric = cell.missing === 0;
    const values = byKey.get(cell.key) ?? [];
    values.push({
      value: cell.param ?? null,
      runs: cell.runs,
      withMetric: cell.withMetric,
      best: numeric ? cell.value : null,
      bestRunId: numeric ? cell.id : null,
      mean: numeric ? (cell.mean as number) : null,
    });
    byKey.set(cell.key, values);
  }
  return [...byKey.keys()].sort(compareStrings).map((key) => ({
    key,
    values: (byKey.get(key) as SweepValue[]).sort((a, b) => compareValues(a.value, b.value)),
  }));
}
