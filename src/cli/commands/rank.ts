/**
 * `runfolio rank`: the runs of a store in order, best first, as an aligned table or JSON.
 *
 * - `--order-by` (MLflow `order_by`, repeatable) sorts exactly as MLflow's search_runs does;
 *   ranks are positions.
 * - otherwise `--metric` ranks by that metric's latest value (analyze/rank.ts: direction
 *   inferred from the name unless `--direction`; NaN after numbers; runs without it last,
 *   unranked);
 * - with neither, runs come in MLflow's default order (start time descending, run id).
 * `--group-by params.X|tags.Y|experiment|parent` keeps the best run of each group (the first in
 * the order above) and ranks those. `--filter` is MLflow's `filter_string`; deleted runs are
 * left out (analyze/select.ts). Expressions are checked before the store is read.
 */
import { bestRuns, type Grouping } from '../../lib/analyze/best.ts';
import type { Direction } from '../../lib/analyze/direction.ts';
import { leaderboard } from '../../lib/analyze/rank.ts';
import { compileFilter, compileOrderBy, parseOrderBy, searchRuns, SearchSyntaxError } from '../../lib/analyze/search/index.ts';
import { trimBackticks, stripQuotes } from '../../lib/analyze/search/identifier.ts';
import { selectRuns } from '../../lib/analyze/select.ts';
import { buildTables, type RunTables } from '../../lib/analyze/tables.ts';
import { UsageError } from '../../lib/errors.ts';
import type { Run, Snapshot } from '../../lib/model.ts';
import { compareIds } from '../../lib/order.ts';
import { commandHelp, parseCommand, requireString, stringList, type ParsedValues } from '../args.ts';
import { rankSpec } from '../specs.ts';
import type { CliIO } from '../io.ts';
import { readRedacted, redactionsOf } from '../read.ts';
import { formatRankJson, formatRankTable, type Listed } from './rank-output.ts';

interface RankRequest {
  stores: string[];
  experiments: string[];
  filter?: string;
  orderBy: string[];
  metric?: string;
  direction?: Direction;
  grouping?: Grouping;
  top?: number;
}

export async function rankCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(rankSpec, argv);
  if (values.help) return io.stdout(commandHelp(rankSpec)), 0;
  const request = parseRequest(values);
  const { snapshot } = await readRedacted(request.stores, redactionsOf(rankSpec, values), io);
  const tables = buildTables(snapshot);
  const experimentIds = request.experiments.length === 0 ? undefined : resolveExperiments(snapshot, request.experiments);
  let listed = listRuns(tables, request, experimentIds);
  if (request.top !== undefined) listed = listed.slice(0, request.top);
  const shownMetrics = [...new Set([...orderByMetrics(request.orderBy), ...(request.metric === undefined ? [] : [request.metric])])];
  const groupBy = typeof values['group-by'] === 'string' ? values['group-by'] : undefined;
  io.stdout(values.json ? formatRankJson(listed, groupBy !== undefined) : formatRankTable(listed, shownMetrics, groupBy));
  return 0;
}

function parseRequest(values: ParsedValues): RankRequest {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const request: RankRequest = {
    stores: stringList(rankSpec, values, 'store', true),
    experiments: stringList(rankSpec, values, 'experiment'),
    orderBy: stringList(rankSpec, values, 'order-by'),
  };
  const filter = text('filter');
  if (filter !== undefined) request.filter = checked('--filter', () => (compileFilter(filter), filter));
  checked('--order-by', () => compileOrderBy(request.orderBy));
  if (text('metric') !== undefined) request.metric = requireString(rankSpec, values, 'metric');
  const direction = text('direction');
  if (direction !== undefined) {
    if (direction !== 'asc' && direction !== 'desc') throw new UsageError(`rank: --direction must be asc or desc, got ${JSON.stringify(direction)}`);
    if (request.metric === undefined) throw new UsageError('rank: --direction applies to --metric, which is missing');
    request.direction = direction;
  }
  const groupBy = text('group-by');
  if (groupBy !== undefined) {
    request.grouping = parseGrouping(groupBy);
    if (request.metric === undefined && request.orderBy.length === 0) {
      throw new UsageError('rank: --group-by needs --metric or --order-by to tell which run of a group is best');
    }
  }
  const top = text('top');
  if (top !== undefined) {
    if (!/^[1-9]\d*$/.test(top)) throw new UsageError(`rank: --top must be a positive integer, got ${JSON.stringify(top)}`);
    request.top = Number(top);
  }
  return request;
}

/** Runs `fn`, naming the option in a search-syntax error (which already gives the offset). */
function checked<T>(option: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new UsageError(`rank: ${option}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** `params.lr`, `` tags.`model type` ``, `experiment`, `parent` (entity names as MLflow spells them). */
export function parseGrouping(text: string): Grouping {
  if (text === 'experiment' || text === 'parent') return { by: text };
  const dot = text.indexOf('.');
  const entity = dot === -1 ? '' : text.slice(0, dot);
  const key = trimBackticks(stripQuotes(text.slice(dot + 1)));
  if ((entity === 'params' || entity === 'param') && key !== '') return { by: 'param', key };
  if ((entity === 'tags' || entity === 'tag') && key !== '') return { by: 'tag', key };
  throw new UsageError(`rank: --group-by must be params.NAME, tags.NAME, experiment or parent, got ${JSON.stringify(text)}`);
}

/** Experiment ids for names or ids; an unknown one is a UsageError listing what there is. */
function resolveExperiments(snapshot: Snapshot, wanted: string[]): string[] {
  const ids = new Set<string>();
  for (const text of wanted) {
    const byId = snapshot.experiments.filter((e) => e.id === text);
    const found = byId.length > 0 ? byId : snapshot.experiments.filter((e) => e.name === text);
    if (found.length === 0) {
      const known = [...snapshot.experiments].sort((a, b) => compareIds(a.id, b.id)).map((e) => `${JSON.stringify(e.name)} (${e.id})`);
      throw new UsageError(`rank: no experiment ${JSON.stringify(text)} in the store; experiments: ${known.join(', ') || 'none'}`);
    }
    for (const e of found) ids.add(e.id);
  }
  return [...ids];
}

function listRuns(tables: RunTables, request: RankRequest, experimentIds: string[] | undefined): Listed[] {
  const selection = { ...(experimentIds ? { experimentIds } : {}), ...(request.filter ? { filter: request.filter } : {}) };
  const { metric, grouping } = request;
  if (metric !== undefined && request.orderBy.length === 0) {
    const ranking = leaderboard(tables, { ...selection, metric, ...(request.direction ? { direction: request.direction } : {}) });
    const rows = ranking.runs.map((r) => ({ run: runOf(tables, r.id), rank: r.rank }));
    if (grouping === undefined) return rows;
    const bests = bestRuns(tables, { ...selection, metric, direction: ranking.direction, group: grouping }).groups;
    const groupOf = new Map(bests.map((b) => [b.id, b.group]));
    return positions(rows.filter((r) => groupOf.has(r.run.id)).map((r) => ({ ...r, group: groupOf.get(r.run.id) ?? null })));
  }
  const selected = (selectRuns(tables, selection).array('row') as ArrayLike<number>);
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

/** Metric keys named by order_by clauses, in clause order. */
function orderByMetrics(clauses: string[]): string[] {
  return clauses.map(parseOrderBy).filter((c) => c.type === 'metric').map((c) => c.key);
}
