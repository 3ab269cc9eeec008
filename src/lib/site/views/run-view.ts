/** Run → the run page's view. */
import { metricNumber } from '../../metric-value.ts';
import type { Metric, RegisteredModel, Run } from '../../model.ts';
import { formatCount } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import { hasHistoryCsv, historyComplete } from '../run-data.ts';
import { listedArtifacts } from './artifact-view.ts';
import { durationOf, runFacts } from './facts.ts';
import { trackerName } from './trackers.ts';
import type { MetricSummary, RunLink, RunView } from './types.ts';

const NOTE_TAG = 'mlflow.note.content';

/**
 * Tags the tracker set rather than the team: MLflow's `mlflow.*`, and the machine facts the W&B
 * reader keeps as `wandb.meta.*` (host, program, Python, GPUs…). They are folded on the run page;
 * W&B's own tags, group and job type (`wandb.tags`, `wandb.group`…) stay with the user's tags.
 */
function isSystemTag(key: string): boolean {
  return key.startsWith('mlflow.') || key.startsWith('wandb.meta.');
}

export interface RunContext {
  experimentName: string;
  byId: Map<string, Run>;
  children: Map<string, Run[]>;
  /** Model versions by the run they were made from. */
  versionsByRun: Map<string, RunView['modelVersions']>;
  archive?: boolean;
  /** The reports citing the run. */
  reports: RunView['reports'];
  /** The experiment's metric keys in relevance order (analyze/relevance.ts): the run's charts and table follow it. */
  metricOrder: readonly string[];
}

export function runLink(run: Run): RunLink {
  return { id: run.id, name: run.name, status: run.status };
}

export function runView(run: Run, context: RunContext): RunView {
  const parent = run.parentId ? context.byId.get(run.parentId) : undefined;
  const tags = Object.entries(run.tags);
  return {
    ...runLink(run),
    experimentId: run.experimentId,
    experimentName: context.experimentName,
    lifecycleStage: run.lifecycleStage,
    ...optional('startTime', run.startTime),
    ...optional('endTime', run.endTime),
    ...optional('durationMs', durationOf(run)),
    ...optional('user', run.user),
    ...optional('artifactUri', run.artifactUri),
    ...(run.provenance ? { provenance: { tracker: trackerName(run), path: run.provenance.path } } : {}),
    facts: runFacts(run),
    ...(parent ? { parent: runLink(parent) } : {}),
    children: (context.children.get(run.id) ?? []).map(runLink),
    modelVersions: context.versionsByRun.get(run.id) ?? [],
    loggedModels: run.loggedModels.map((m) => ({ id: m.id, name: m.name, ...optional('status', m.status) })),
    params: Object.entries(run.params),
    metrics: inOrder(Object.keys(run.metrics), context.metricOrder).map((key) => summarizeMetric(key, run.metrics[key]!)),
    tags: tags.filter(([key]) => !isSystemTag(key)),
    systemTags: tags.filter(([key]) => isSystemTag(key) && key !== NOTE_TAG),
    ...(run.description ? { noteHtml: renderMarkdown(run.description) } : {}),
    inputs: run.inputs.map((input) => ({
      name: input.name,
      digest: input.digest,
      ...optional('context', input.context),
      ...optional('sourceType', input.sourceType),
      ...optional('source', input.source),
      ...optional('rows', rowsOf(input.profile)),
    })),
    artifacts: listedArtifacts(run),
    historyComplete: historyComplete(run),
    historyCsv: hasHistoryCsv(run, context.archive === true),
    reports: context.reports,
  };
}

/** `keys` in the order of `order`, keys it does not list after them in their own order. */
function inOrder(keys: string[], order: readonly string[]): string[] {
  const position = new Map(order.map((key, i) => [key, i]));
  return keys.map((key, i) => ({ key, at: position.get(key) ?? order.length + i })).sort((a, b) => a.at - b.at).map((k) => k.key);
}

/** Model versions grouped by source run, aliases attached, for run pages. */
export function versionsByRun(models: RegisteredModel[]): Map<string, RunView['modelVersions']> {
  const out = new Map<string, RunView['modelVersions']>();
  for (const model of models) {
    const aliases = Object.entries(model.aliases);
    for (const v of model.versions) {
      if (!v.runId) continue;
      const list = out.get(v.runId) ?? [];
      list.push({ model: model.name, version: v.version, stage: v.stage, aliases: aliases.filter(([, n]) => n === v.version).map(([a]) => a) });
      out.set(v.runId, list);
    }
  }
  return out;
}

export function summarizeMetric(key: string, metric: Metric): MetricSummary {
  let min: number | undefined;
  let max: number | undefined;
  for (const point of metric.history) {
    const n = metricNumber(point.value);
    if (!Number.isFinite(n)) continue;
    if (min === undefined || n < min) min = n;
    if (max === undefined || n > max) max = n;
  }
  return {
    key,
    latest: metric.latest.value,
    latestStep: metric.latest.step,
    min: min ?? null,
    max: max ?? null,
    points: metric.history.length,
    system: key.startsWith('system/'),
  };
}

/** Row count from an MLflow dataset profile (`{"num_rows": 9600, …}`), when it has one. */
function rowsOf(profile: string | undefined): string | undefined {
  if (!profile) return undefined;
  try {
    const parsed = JSON.parse(profile) as { num_rows?: unknown };
    return typeof parsed.num_rows === 'number' ? formatCount(parsed.num_rows) : undefined;
  } catch {
    return undefined;
  }
}

/** `{ key: value }`, or `{}` when value is undefined (views never hold undefined: JSON drops it anyway). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
