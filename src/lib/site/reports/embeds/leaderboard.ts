/**
 * ```` ```runfolio leaderboard ````: the best runs of a selection, in the order `runfolio rank`
 * gives for the same experiment, filter, metric and order_by (runs that did not log the ranked
 * metric are left out). Columns default to the metric (and any order_by metrics) and the params
 * whose value differs between the rows shown.
 */
import { parseOrderBy } from '../../../analyze/search/index.ts';
import type { Run } from '../../../model.ts';
import { compareStrings } from '../../../order.ts';
import { runLink } from '../../views/run-view.ts';
import type { LeaderboardView } from '../view.ts';
import { cellText, columnLabel, isNumeric, parseColumn, type Column } from './columns.ts';
import type { ReportContext } from './context.ts';
import type { Resolved } from './resolved.ts';
import { rankingMetric, rankRuns, resolveSelection, type LineOf } from './selection.ts';
import type { LeaderboardSpec } from './specs.ts';

const DEFAULT_TOP = 10;
const DEFAULT_PARAMS = 3;

export function resolveLeaderboard(spec: LeaderboardSpec, context: ReportContext, lineOf: LineOf): Resolved<LeaderboardView> {
  const selection = resolveSelection(context, spec, lineOf);
  const metric = rankingMetric(context, selection, spec.metric, lineOf('metric'));
  const ranked = rankRuns(context, selection, spec, metric, lineOf);
  const rows = ranked.runs.slice(0, spec.top ?? DEFAULT_TOP);
  const shown = rows.map((row) => row.run);
  const columns = spec.columns
    ? spec.columns.map((c) => parseColumn(c, selection.candidates, selection.where, lineOf('columns')))
    : defaultColumns(metric, spec.order_by ?? [], shown);
  const order = spec.order_by ? `ordered by ${spec.order_by.join(', ')}` : `by ${metric} (${ranked.direction === 'asc' ? 'lower' : 'higher'} is better)`;
  const filter = spec.filter !== undefined ? `, runs matching ${spec.filter}` : '';
  return {
    view: {
      kind: 'leaderboard',
      caption: spec.caption ?? `Top ${rows.length} of ${ranked.runs.length} runs of ${selection.label} ${order}${filter}`,
      columns: columns.map((c) => ({ label: columnLabel(c), numeric: isNumeric(c) })),
      rows: rows.map((row, i) => ({ rank: row.rank ?? i + 1, run: runLink(row.run), cells: columns.map((c) => cellText(row.run, c)) })),
    },
    cites: shown,
  };
}

function defaultColumns(metric: string, orderBy: readonly string[], runs: readonly Run[]): Column[] {
  const metrics = [metric, ...orderBy.map(parseOrderBy).filter((c) => c.type === 'metric').map((c) => c.key)];
  const params = new Set<string>();
  for (const run of runs) for (const key of Object.keys(run.params)) params.add(key);
  const differing = [...params].sort(compareStrings).filter((key) => new Set(runs.map((r) => r.params[key] ?? null)).size > 1);
  return [
    ...[...new Set(metrics)].map((key): Column => ({ kind: 'metric', key })),
    ...differing.slice(0, DEFAULT_PARAMS).map((key): Column => ({ kind: 'param', key })),
  ];
}
