/**
 * The runs an embed ranks or draws, chosen the way `runfolio rank` chooses them (ranked-runs.ts):
 * experiments, an MLflow filter, a metric (default: the experiment's primary metric, the one its
 * page ranks by) or MLflow order_by clauses. Every name is checked against what the runs logged:
 * a filter on a param no run has matches nothing in MLflow, and here it is a problem instead,
 * with the nearest names; so is a selection that ends up empty.
 */
import type { Direction } from '../../../analyze/direction.ts';
import { metricDirection } from '../../../analyze/direction.ts';
import { listRuns, type Listed } from '../../../analyze/ranked-runs.ts';
import { compileFilter, compileOrderBy, parseFilter, parseOrderBy, SearchSyntaxError } from '../../../analyze/search/index.ts';
import type { EntityType } from '../../../analyze/search/identifier.ts';
import type { Experiment, Run } from '../../../model.ts';
import { EmbedProblem } from '../problems.ts';
import { quote } from '../suggest.ts';
import { runName } from '../../format.ts';
import { describeExperiments, findExperiments, findRun, requireKey, runsOf, type KeyKind, type ReportContext } from './context.ts';

export interface SelectionSpec {
  experiment?: string[] | undefined;
  parent?: string | undefined;
  filter?: string | undefined;
  order_by?: string[] | undefined;
  direction?: Direction | undefined;
}

export interface Selection {
  experiments: Experiment[] | undefined;
  /** The run whose children are chosen. */
  parent: Run | undefined;
  /** The runs the selection starts from (before the filter). */
  candidates: Run[];
  /** What the runs are, for messages: `"cifar10-resnet"`. */
  where: string;
  /** The same for captions: `cifar10-resnet`. */
  label: string;
}

/** File line of an embed field (the embed's own line when the field has none). */
export type LineOf = (key: string) => number | undefined;

export function resolveSelection(context: ReportContext, spec: SelectionSpec, lineOf: LineOf): Selection {
  const experiments = spec.experiment ? findExperiments(context, spec.experiment, lineOf('experiment')) : undefined;
  const parent = spec.parent !== undefined ? findRun(context, spec.parent, lineOf('parent')) : undefined;
  const candidates = runsOf(context, experiments).filter((run) => !parent || run.parentId === parent.id);
  const where = parent ? `the child runs of ${quote(runName(parent))}` : describeExperiments(experiments);
  const label = parent ? `${runName(parent)}'s child runs` : experiments ? experiments.map((e) => e.name).join(', ') : 'all experiments';
  if (candidates.length === 0) throw new EmbedProblem(`${where} ${parent ? 'are none' : 'has no published runs'}${parent && experiments ? ' in these experiments' : ''}`, lineOf(parent ? 'parent' : 'experiment'));
  if (spec.filter !== undefined) checkFilter(spec.filter, candidates, where, lineOf('filter'));
  for (const clause of spec.order_by ?? []) checkOrderBy(clause, candidates, where, lineOf('order_by'));
  return { experiments, parent, candidates, where, label };
}

/** `metric` when the candidates logged it; else the primary metric of the one experiment chosen. */
export function rankingMetric(context: ReportContext, selection: Selection, metric: string | undefined, line: number | undefined): string {
  if (metric !== undefined) return requireKey(selection.candidates, 'metric', metric, selection.where, line);
  const [only, ...more] = selection.experiments ?? (selection.parent ? context.snapshot.experiments.filter((e) => e.id === selection.parent!.experimentId) : []);
  if (only === undefined || more.length > 0) throw new EmbedProblem(`metric is required when ${more.length > 0 ? 'the runs come from several experiments' : 'no experiment is given'}`, line);
  const primary = context.primaryMetric(only.id);
  if (primary === undefined) throw new EmbedProblem(`${quote(only.name)} has no metric to rank by`, line);
  return primary;
}

export interface Ranked {
  /** Best first; with a metric, runs without it are left out. */
  runs: Listed[];
  metric: string;
  direction: Direction;
}

/** The selection's runs in the order `runfolio rank` lists them, or a problem when none remain. */
export function rankRuns(context: ReportContext, selection: Selection, spec: SelectionSpec, metric: string, lineOf: LineOf): Ranked {
  const direction = metricDirection(metric, spec.direction);
  const listed = listRuns(context.tables, {
    ...(selection.experiments ? { experimentIds: selection.experiments.map((e) => e.id) } : {}),
    ...(selection.parent ? { parentId: selection.parent.id } : {}),
    ...(spec.filter !== undefined ? { filter: spec.filter } : {}),
    orderBy: spec.order_by ?? [],
    metric,
    direction,
  });
  const runs = spec.order_by ? listed : listed.filter((row) => row.rank !== null);
  if (runs.length === 0) {
    const reason = spec.filter !== undefined ? `matches the filter ${quote(spec.filter)}${spec.order_by ? '' : ` and logged ${quote(metric)}`}` : `logged ${quote(metric)}`;
    throw new EmbedProblem(`no run of ${selection.where} ${reason}`, lineOf(spec.filter !== undefined ? 'filter' : 'metric'));
  }
  return { runs, metric, direction };
}

const KEY_KINDS: Partial<Record<EntityType, KeyKind>> = { metric: 'metric', parameter: 'param', tag: 'tag' };

function checkFilter(filter: string, runs: Run[], where: string, line: number | undefined): void {
  const clauses = searchSyntax('filter', line, () => {
    compileFilter(filter);
    return parseFilter(filter);
  });
  for (const clause of clauses) {
    const kind = KEY_KINDS[clause.type];
    // `tags.x IS NULL` asks for runs without the tag: a key no run has is the point there.
    if (kind !== undefined && !/NULL/i.test(clause.comparator)) requireKey(runs, kind, clause.key, where, line);
  }
}

function checkOrderBy(clause: string, runs: Run[], where: string, line: number | undefined): void {
  const parsed = searchSyntax('order_by', line, () => {
    compileOrderBy([clause]);
    return parseOrderBy(clause);
  });
  const kind = KEY_KINDS[parsed.type];
  if (kind !== undefined) requireKey(runs, kind, parsed.key, where, line);
}

/** MLflow's own message for a search expression that does not parse, named by its field. */
function searchSyntax<T>(field: string, line: number | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new EmbedProblem(`${field}: ${error.message}`, line);
    throw error;
  }
}
