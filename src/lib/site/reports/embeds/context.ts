/**
 * What embeds are resolved against: the published part of the Snapshot (active experiments and
 * their active runs: what the site has pages for), its analysis tables, and each experiment's
 * primary metric as its page ranks by it. Lookups here turn a name that matches nothing into an
 * EmbedProblem naming the nearest existing names.
 */
import { resolveRun } from '../../../analyze/resolve-run.ts';
import type { RunTables } from '../../../analyze/tables.ts';
import type { RunStyles } from '../../charts-static.ts';
import { RunfolioError } from '../../../errors.ts';
import type { Experiment, Run, Snapshot } from '../../../model.ts';
import { compareIds } from '../../../order.ts';
import { EmbedProblem } from '../problems.ts';
import { nearestNames, quote, suggestion } from '../suggest.ts';

export interface ReportContext {
  /** Published experiments and runs, and the registry. */
  snapshot: Pick<Snapshot, 'experiments' | 'runs' | 'models'>;
  /** Tables of the published runs. */
  tables: RunTables;
  /** The metric an experiment's page ranks by (undefined: its runs logged none). */
  primaryMetric: (experimentId: string) => string | undefined;
  /** Each run's style index across the site (run-styles.ts), so a run has one colour on every page; none: styles by position. */
  styles?: RunStyles;
  /** The reports of the build by slug (prepare.ts fills it in), for links between reports. */
  reports?: ReadonlyMap<string, { title: string; published: boolean }>;
}

/** Experiments by id or name (an id wins, as `runfolio rank --experiment` reads it), in the order given. */
export function findExperiments(context: ReportContext, refs: readonly string[], line?: number): Experiment[] {
  const found: Experiment[] = [];
  for (const ref of refs) {
    const byId = context.snapshot.experiments.filter((e) => e.id === ref);
    const matches = byId.length > 0 ? byId : context.snapshot.experiments.filter((e) => e.name === ref);
    if (matches.length === 0) {
      const names = context.snapshot.experiments.map((e) => e.name);
      throw new EmbedProblem(`no experiment ${quote(ref)}${suggestion(ref, names, 'experiments')}`, line);
    }
    for (const e of matches) if (!found.includes(e)) found.push(e);
  }
  return found;
}

/**
 * A RUN reference (DESIGN.md's forms, through resolveRun) among the published runs. When it
 * matches nothing, the problem adds the nearest experiment or run names, or says the run exists
 * but is deleted (and so has no page to cite).
 */
export function findRun(context: ReportContext, ref: string, line?: number): Run {
  try {
    return resolveRun(context.snapshot, ref);
  } catch (error) {
    if (!(error instanceof RunfolioError)) throw error;
    throw new EmbedProblem(`${error.message}${runHint(context, ref)}`, line);
  }
}

function runHint(context: ReportContext, ref: string): string {
  if (ref.startsWith('models:/')) {
    const name = /^models:\/([^/@]+)/.exec(ref)?.[1] ?? '';
    const known = context.snapshot.models.map((m) => m.name);
    return known.includes(name) ? '' : suggestion(name, known, 'registered models');
  }
  const slash = ref.lastIndexOf('/');
  if (slash > 0) {
    const experiment = ref.slice(0, slash);
    const name = ref.slice(slash + 1);
    const matches = context.snapshot.experiments.filter((e) => e.name === experiment || e.id === experiment);
    if (matches.length === 0) return suggestion(experiment, context.snapshot.experiments.map((e) => e.name), 'experiments');
    const ids = new Set(matches.map((e) => e.id));
    const names = context.snapshot.runs.filter((r) => ids.has(r.experimentId)).map((r) => r.name);
    const near = nearestNames(name, names);
    return near.length > 0 ? ` (did you mean ${near.map((n) => quote(`${experiment}/${n}`)).join(', ')}?)` : suggestion(name, names, `runs of ${quote(experiment)}`);
  }
  const named = context.snapshot.runs.filter((r) => r.name === ref);
  const near = named.length > 0 ? [ref] : nearestNames(ref, context.snapshot.runs.map((r) => r.name));
  const refs = context.snapshot.runs.filter((r) => near.includes(r.name)).map((r) => `${experimentName(context, r.experimentId)}/${r.name}`);
  return refs.length > 0 ? ` (did you mean ${[...new Set(refs)].slice(0, 3).map(quote).join(', ')}? a name needs its experiment: EXPERIMENT/RUN_NAME)` : '';
}

function experimentName(context: ReportContext, id: string): string {
  return context.snapshot.experiments.find((e) => e.id === id)?.name ?? id;
}

/** The published runs of `experiments` (every published run when none are given), in MLflow's order. */
export function runsOf(context: ReportContext, experiments: readonly Experiment[] | undefined): Run[] {
  if (experiments === undefined) return [...context.tables.runList];
  const ids = new Set(experiments.map((e) => e.id));
  return context.tables.runList.filter((r) => ids.has(r.experimentId));
}

export type KeyKind = 'metric' | 'param' | 'tag';

const RECORDS: Record<KeyKind, (run: Run) => Record<string, unknown>> = {
  metric: (run) => run.metrics,
  param: (run) => run.params,
  tag: (run) => run.tags,
};

/** Every key of `kind` that some of `runs` logged. */
export function keysOf(runs: readonly Run[], kind: KeyKind): string[] {
  const keys = new Set<string>();
  for (const run of runs) for (const key of Object.keys(RECORDS[kind](run))) keys.add(key);
  return [...keys];
}

/**
 * `key` when some of `runs` has it, else a problem naming the nearest keys: "run "x" has no
 * metric "y" (did you mean…)", or for several runs "no run of WHERE has metric "y" (…)".
 */
export function requireKey(runs: readonly Run[], kind: KeyKind, key: string, where: string, line?: number): string {
  if (runs.some((run) => Object.hasOwn(RECORDS[kind](run), key))) return key;
  const subject = runs.length === 1 ? `run ${quote(runs[0]!.name || runs[0]!.id)} has no` : `no run of ${where} has`;
  throw new EmbedProblem(`${subject} ${kind} ${quote(key)}${suggestion(key, keysOf(runs, kind), `${kind}s`)}`, line);
}

/** How a set of experiments reads in a message: `"cifar10-resnet"`, or "the published runs". */
export function describeExperiments(experiments: readonly Experiment[] | undefined): string {
  if (experiments === undefined) return 'the site';
  return [...experiments].sort((a, b) => compareIds(a.id, b.id)).map((e) => quote(e.name)).join(', ');
}
