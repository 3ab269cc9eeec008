/**
 * The inline embeds, written in running text as code spans:
 *
 * - `` `runfolio:value run=RUN metric=KEY` ``: one value of one run: a metric (latest, min, max
 *   or best), a param, a tag or an attribute; `best=EXPERIMENT` instead of `run` takes the
 *   experiment's best run (by `by`, else the metric shown, else its primary metric). Rendered as
 *   the value, linked to the run's page, its source on hover.
 * - `` `runfolio:link run=RUN` `` (or `experiment=`, `model=`, `report=`): the name, linked, with
 *   the run's status, or the model version's stage, aliases and (unless READY) status.
 */
import { metricDirection } from '../../../analyze/direction.ts';
import type { MetricValue, RegisteredModel, Run } from '../../../model.ts';
import { formatMetric, runName } from '../../format.ts';
import { routes } from '../../routes.ts';
import { summarizeMetric } from '../../views/run-view.ts';
import { EmbedProblem } from '../problems.ts';
import { quote, suggestion } from '../suggest.ts';
import type { LinkView, ValueView } from '../view.ts';
import { attributeText, checkAttribute } from './columns.ts';
import { findExperiments, findRun, requireKey, runsOf, type ReportContext } from './context.ts';
import type { Resolved } from './resolved.ts';
import { rankingMetric, rankRuns, resolveSelection, type LineOf } from './selection.ts';
import type { LinkSpec, ValueSpec } from './specs.ts';

const NBSP = '\u00a0';

export function resolveValue(spec: ValueSpec, context: ReportContext, lineOf: LineOf): Resolved<ValueView> {
  exactlyOne(spec, ['run', 'best'], lineOf);
  const shown = exactlyOne(spec, ['metric', 'param', 'tag', 'attribute'], lineOf);
  for (const key of ['stat', 'format', 'digits'] as const) {
    if (spec[key] !== undefined && shown !== 'metric') throw new EmbedProblem(`${key} applies to a metric value`, lineOf(key));
  }
  for (const key of ['by', 'filter', 'direction', 'parent'] as const) {
    if (spec[key] !== undefined && spec.best === undefined) throw new EmbedProblem(`${key} applies to \`best\` (the best run of an experiment)`, lineOf(key));
  }
  const run = spec.run !== undefined ? findRun(context, spec.run, lineOf('run')) : bestRun(spec, context, lineOf);
  const name = runName(run);
  const where = `run ${quote(name)}`;
  let text: string;
  let title: string;
  if (spec.metric !== undefined) {
    const key = requireKey([run], 'metric', spec.metric, where, lineOf('metric'));
    const stat = spec.stat ?? 'latest';
    const { value, which } = metricStat(run, key, stat, spec.direction);
    text = formatValue(value, spec.format, spec.digits);
    title = `${key} of ${name}: ${which}`;
  } else if (spec.param !== undefined) {
    text = run.params[requireKey([run], 'param', spec.param, where, lineOf('param'))] as string;
    title = `param ${spec.param} of ${name}`;
  } else if (spec.tag !== undefined) {
    text = run.tags[requireKey([run], 'tag', spec.tag, where, lineOf('tag'))] as string;
    title = `tag ${spec.tag} of ${name}`;
  } else {
    const attribute = checkAttribute(spec.attribute as string, lineOf('attribute'));
    text = attributeText(run, attribute);
    title = `${attribute.replace('_', ' ')} of ${attribute === 'run_name' ? `run ${run.id}` : name}`;
  }
  return { view: { kind: 'value', text, title, href: routes.run(run.id) }, cites: [run] };
}

function bestRun(spec: ValueSpec, context: ReportContext, lineOf: LineOf): Run {
  const selection = resolveSelection(context, { experiment: [spec.best as string], parent: spec.parent, filter: spec.filter, direction: spec.direction }, lineOf);
  const metric = rankingMetric(context, selection, spec.by ?? spec.metric, lineOf(spec.by !== undefined ? 'by' : 'metric'));
  return rankRuns(context, selection, { filter: spec.filter, direction: spec.direction }, metric, lineOf).runs[0]!.run;
}

function metricStat(run: Run, key: string, stat: NonNullable<ValueSpec['stat']>, direction: ValueSpec['direction']): { value: MetricValue | null; which: string } {
  const metric = run.metrics[key]!;
  if (stat === 'latest') return { value: metric.latest.value, which: `latest value (step ${metric.latest.step})` };
  const summary = summarizeMetric(key, metric);
  const pick = stat === 'best' ? (metricDirection(key, direction) === 'asc' ? 'min' : 'max') : stat;
  return { value: summary[pick], which: `${stat === 'best' ? `best (${pick === 'min' ? 'lowest' : 'highest'})` : pick === 'min' ? 'lowest' : 'highest'} of ${summary.points} logged values` };
}

/** `percent`: 0.932 → `93.2 %`; `digits`: fixed decimals; otherwise the site's number format. */
export function formatValue(value: MetricValue | null, format: ValueSpec['format'], digits: number | undefined): string {
  if (value === null) return '—';
  if (typeof value === 'string') return formatMetric(value);
  if (format === 'percent') return `${(value * 100).toFixed(digits ?? 1)}${NBSP}%`;
  return digits !== undefined ? value.toFixed(digits) : formatMetric(value);
}

export function resolveLink(spec: LinkSpec, context: ReportContext, lineOf: LineOf): Resolved<LinkView> {
  const target = exactlyOne(spec, ['run', 'experiment', 'model', 'report'], lineOf);
  if (target === 'run') {
    const run = findRun(context, spec.run as string, lineOf('run'));
    return { view: { kind: 'link', text: spec.text ?? runName(run), href: routes.run(run.id), status: run.status, pills: [] }, cites: [run] };
  }
  if (target === 'experiment') {
    const [experiment] = findExperiments(context, [spec.experiment as string], lineOf('experiment'));
    const runs = runsOf(context, [experiment!]).length;
    return { view: { kind: 'link', text: spec.text ?? experiment!.name, href: routes.experiment(experiment!.id), pills: [`${runs} run${runs === 1 ? '' : 's'}`] }, cites: [] };
  }
  if (target === 'report') return reportLink(spec.report as string, spec.text, context, lineOf('report'));
  return modelLink(spec, context, lineOf('model'));
}

function reportLink(slug: string, text: string | undefined, context: ReportContext, line: number | undefined): Resolved<LinkView> {
  const reports = context.reports ?? new Map<string, { title: string; published: boolean }>();
  const found = reports.get(slug.replace(/\.md$/, ''));
  if (!found) throw new EmbedProblem(`no report ${quote(slug)}${suggestion(slug, [...reports.keys()], 'reports')}`, line);
  if (!found.published) throw new EmbedProblem(`report ${quote(slug)} is a draft, left out of this build (build with --drafts, or publish it)`, line);
  return { view: { kind: 'link', text: text ?? found.title, href: routes.report(slug.replace(/\.md$/, '')), pills: [] }, cites: [] };
}

/** `models:/NAME/VERSION`, `models:/NAME@ALIAS` (MLflow's model URIs) or a bare model name. */
function modelLink(spec: LinkSpec, context: ReportContext, line: number | undefined): Resolved<LinkView> {
  const ref = spec.model as string;
  const uri = /^models:\/(.+?)(?:\/(\d+)|@([^/]+))$/.exec(ref);
  const name = uri ? (uri[1] as string) : ref;
  const model = context.snapshot.models.find((m) => m.name === name);
  if (!model) throw new EmbedProblem(`no registered model ${quote(name)}${suggestion(name, context.snapshot.models.map((m) => m.name), 'registered models')}`, line);
  const href = routes.model(model.name);
  if (!uri) return { view: { kind: 'link', text: spec.text ?? model.name, href, pills: [`${model.versions.length} version${model.versions.length === 1 ? '' : 's'}`] }, cites: [] };
  const wanted = uri[2] ?? model.aliases[uri[3] as string];
  if (wanted === undefined) throw new EmbedProblem(`model ${quote(name)} has no alias ${quote(uri[3] as string)}${suggestion(uri[3] as string, Object.keys(model.aliases), 'aliases')}`, line);
  const version = model.versions.find((v) => v.version === wanted);
  if (!version) throw new EmbedProblem(`model ${quote(name)} has no version ${wanted} (versions: ${model.versions.map((v) => v.version).join(', ') || 'none'})`, line);
  const run = version.runId ? context.snapshot.runs.find((r) => r.id === version.runId) : undefined;
  return {
    view: { kind: 'link', text: spec.text ?? `${model.name} v${version.version}`, href, pills: versionPills(model, version) },
    cites: run ? [run] : [],
  };
}

/** A version's stage (when it has one), its aliases, and its status unless it is READY (MLflow's normal). */
function versionPills(model: RegisteredModel, version: RegisteredModel['versions'][number]): string[] {
  const aliases = Object.entries(model.aliases).filter(([, v]) => v === version.version).map(([alias]) => `@${alias}`).sort();
  const status = version.status && version.status !== 'READY' ? [version.status.toLowerCase().replace(/_/g, ' ')] : [];
  return [...(version.stage && version.stage !== 'None' ? [version.stage] : []), ...aliases, ...status];
}

/** The one key of `keys` that `spec` sets; a problem when none or several are set. */
function exactlyOne<S extends object, K extends keyof S & string>(spec: S, keys: readonly K[], lineOf: LineOf): K {
  const set = keys.filter((key) => spec[key] !== undefined);
  if (set.length === 1) return set[0] as K;
  const names = keys.map((k) => `\`${k}\``).join(', ');
  throw new EmbedProblem(set.length === 0 ? `give one of ${names}` : `give only one of ${names} (found ${set.join(' and ')})`, set.length > 1 ? lineOf(set[1] as string) : undefined);
}
