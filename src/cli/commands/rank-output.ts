/**
 * What `runfolio rank` prints. The table: run id prefix (8 characters, as MLflow's UI shows it),
 * name, rank, the group with --group-by, the ranked metrics, then the params whose value changes
 * across the listed runs (a param some run lacks counts as changing; at most MAX_PARAMS, the rest
 * counted in a last line); cells longer than 40 characters are cut with `…`. JSON: `{"runs":[{id, name, experimentId, rank, metrics, params}]}` in
 * rank order, every latest metric and param of each run with keys in code-unit order, metric
 * values spelled as in the Snapshot (NaN and ±Infinity as strings); `group` too with --group-by.
 */
import type { Listed } from '../../lib/analyze/ranked-runs.ts';
import { metricNumber, type MetricValue, type Run } from '../../lib/model.ts';
import { compareStrings, sortedRecord } from '../../lib/order.ts';
import { formatNumber, shortId } from '../../lib/site/format.ts';
import { formatTextTable, type TextColumn } from '../text-table.ts';


const MAX_PARAMS = 10;
const CELL_WIDTH = 40;

/** The table; `groupBy` is the --group-by text, the group column's header. */
export function formatRankTable(listed: readonly Listed[], metrics: readonly string[], groupBy?: string): string {
  if (listed.length === 0) return 'No runs match.\n';
  const params = changingParams(listed);
  const shown = params.slice(0, MAX_PARAMS);
  const columns: TextColumn[] = [
    { header: 'run' },
    { header: 'name' },
    { header: 'rank', right: true },
    ...(groupBy !== undefined ? [{ header: groupBy }] : []),
    ...metrics.map((key) => ({ header: key, right: true })),
    ...shown.map((key) => ({ header: key })),
  ];
  const rows = listed.map(({ run, rank, group }) => [
    shortId(run.id),
    clip(run.name),
    rank === null ? '-' : String(rank),
    ...(groupBy !== undefined ? [clip(group ?? '(none)')] : []),
    ...metrics.map((key) => {
      const value = latest(run, key);
      return value === undefined ? '-' : formatNumber(value);
    }),
    ...shown.map((key) => (Object.hasOwn(run.params, key) ? clip(run.params[key] as string) : '-')),
  ]);
  const more = params.length - shown.length;
  return formatTextTable(columns, rows) + (more > 0 ? `(${more} more changing params: see --json)\n` : '');
}

export function formatRankJson(listed: readonly Listed[], grouped: boolean): string {
  const runs = listed.map(({ run, rank, group }) => ({
    id: run.id,
    name: run.name,
    experimentId: run.experimentId,
    rank,
    ...(grouped ? { group: group ?? null } : {}),
    metrics: sortedRecord(Object.fromEntries(Object.entries(run.metrics).map(([key, m]): [string, MetricValue] => [key, m.latest.value]))),
    params: sortedRecord(run.params),
  }));
  return `${JSON.stringify({ runs }, null, 2)}\n`;
}

/** Long names and values (feature lists, paths) cut to CELL_WIDTH; JSON has them whole. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > CELL_WIDTH ? `${flat.slice(0, CELL_WIDTH - 1)}…` : flat;
}

function latest(run: Run, key: string): number | undefined {
  return Object.hasOwn(run.metrics, key) ? metricNumber((run.metrics[key] as Run['metrics'][string]).latest.value) : undefined;
}

/** Param keys whose value is not the same in every listed run, in code-unit order. */
export function changingParams(listed: readonly Listed[]): string[] {
  const keys = new Set(listed.flatMap(({ run }) => Object.keys(run.params)));
  const changing = [...keys].filter((key) => {
    const values = new Set(listed.map(({ run }) => (Object.hasOwn(run.params, key) ? run.params[key] : undefined)));
    return values.size > 1;
  });
  return changing.sort(compareStrings);
}
