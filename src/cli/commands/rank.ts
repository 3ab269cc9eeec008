/**
 * `runfolio rank`: the runs of a store in order, best first, as an aligned table or JSON, in the
 * order analyze/ranked-runs.ts gives (the one report leaderboards use):
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
import type { Grouping } from '../../lib/analyze/best.ts';
import type { Direction } from '../../lib/analyze/direction.ts';
import { listRuns } from '../../lib/analyze/ranked-runs.ts';
import { compileFilter, compileOrderBy, parseOrderBy, SearchSyntaxError } from '../../lib/analyze/search/index.ts';
import { trimBackticks, stripQuotes } from '../../lib/analyze/search/identifier.ts';
import { buildTables } from '../../lib/analyze/tables.ts';
import { UsageError } from '../../lib/errors.ts';
import type { Snapshot } from '../../lib/model.ts';
import { compareIds } from '../../lib/order.ts';
import { commandHelp, parseCommand, requireString, stringList, type ParsedValues } from '../args.ts';
import { rankSpec } from '../specs.ts';
import type { CliIO } from '../io.ts';
import { readRedacted, redactionsOf } from '../read.ts';
import { formatRankJson, formatRankTable } from './rank-output.ts';

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
  let listed = listRuns(tables, { ...request, ...(experimentIds ? { experimentIds } : {}) });
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

/** Metric keys named by order_by clauses, in clause order. */
function orderByMetrics(clauses: string[]): string[] {
  return clauses.map(parseOrderBy).filter((c) => c.type === 'metric').map((c) => c.key);
}
