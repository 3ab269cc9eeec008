/**
 * Checks a reader's output against a fixture's `expected.json` (see /work/shared/fixtures/README.md),
 * fact by fact, for any store kind: the mlruns fixtures (`real/<name>/expected.json`) and the SQLite
 * ones (`real-db/<name>/expected.json`) share one shape. `compareFacts` returns one line per
 * disagreement, so a failing test lists every wrong fact at once.
 *
 * Facts compared: experiments (id, name, lifecycle_stage, active/deleted run counts, tags); runs
 * (counts and, when `detail` is "all", the exact id set; for every listed run its experiment,
 * name — expected null ⇔ our '' —, status, lifecycle, parent, param and tag counts, and every
 * metric's latest value/step/timestamp and history length, NaN equal to NaN); runs.aggregate;
 * models (tag count, aliases, each version's number, stage, run, status, source and aliases,
 * latest version per stage computed from our versions, and `is_prompt` from tag `mlflow.prompt.is_prompt`).
 *
 * Facts a Snapshot cannot express, skipped on purpose:
 * - `store` (format, path, schema and raw row counts) and `generated_by`: about the file, not the data;
 * - `in_trash`: the Snapshot has no folder location; what it implies, lifecycle_stage "deleted", is checked;
 * - `tags_inline_only`: the Snapshot merges MLflow 1.x inline tags with tag files; the merged tags are checked;
 * - `deleted_versions_hidden`: hidden versions are absent by design; the visible ones are compared one by one;
 * - `extras` (datasets, run inputs/outputs, logged models, traces): counted over tables and folders the
 *   Snapshot does not keep as such (model outputs, traces, logged models without a run);
 * - `notes`: free text for humans.
 */
import type { Metric, RegisteredModel, Run } from '../../src/lib/model.ts';
import { compareStrings } from '../../src/lib/order.ts';
import type { StoreContents } from '../../src/lib/read/types.ts';

type Num = number | string;

export interface ExpectedMetric {
  latest_value: Num;
  latest_step: number;
  latest_timestamp: number;
  history_len: number;
}

export interface ExpectedRun {
  run_id: string;
  experiment_id: string;
  name: string | null;
  status: string;
  lifecycle_stage: string;
  parent_run_id: string | null;
  param_count: number;
  tag_count: number;
  metrics: Record<string, ExpectedMetric>;
}

export interface ExpectedExperiment {
  id: string;
  name: string;
  lifecycle_stage: string;
  run_count_active: number;
  run_count_deleted: number;
  tags: Record<string, string>;
  in_trash?: boolean;
  tags_inline_only?: unknown;
}

export interface ExpectedVersion {
  version: Num;
  current_stage: string;
  run_id: string | null;
  status: string;
  source: string | null;
  aliases: string[];
}

export interface ExpectedModel {
  name: string;
  versions: ExpectedVersion[];
  aliases: Record<string, Num>;
  latest_versions: Record<string, Num>;
  tag_count: number;
  deleted_versions_hidden?: number;
  is_prompt?: boolean;
}

export interface ExpectedAggregate {
  max_history_len: number;
  metric_points_total: number;
  metric_series_total: number;
  params_total: number;
  runs_with_parent: number;
  status_counts: Record<string, number>;
  tags_total: number;
}

export interface ExpectedFacts {
  experiments: ExpectedExperiment[];
  runs: { count: { total: number; active: number; deleted: number }; aggregate: ExpectedAggregate; detail: string; list: ExpectedRun[] };
  models: ExpectedModel[];
}

type Contents = Pick<StoreContents, 'experiments' | 'runs' | 'models'>;

/** Every disagreement between `actual` and `expected`, one line each; [] when all facts hold. */
export function compareFacts(actual: Contents, expected: ExpectedFacts): string[] {
  const out: string[] = [];
  compareExperiments(actual, expected, out);
  compareRuns(actual, expected, out);
  same(out, 'runs.aggregate', aggregateOf(actual.runs), expected.runs.aggregate);
  compareModels(actual.models, expected.models, out);
  return out;
}

function compareExperiments(actual: Contents, expected: ExpectedFacts, out: string[]): void {
  const byId = new Map(actual.experiments.map((e) => [e.id, e]));
  sameSet(out, 'experiment ids', [...byId.keys()], expected.experiments.map((e) => e.id));
  for (const want of expected.experiments) {
    const got = byId.get(want.id);
    if (!got) continue;
    const runs = actual.runs.filter((r) => r.experimentId === want.id);
    const at = `experiment ${want.id}`;
    same(out, `${at} name`, got.name, want.name);
    same(out, `${at} lifecycle_stage`, got.lifecycleStage, want.lifecycle_stage);
    same(out, `${at} run_count_active`, countStage(runs, 'active'), want.run_count_active);
    same(out, `${at} run_count_deleted`, countStage(runs, 'deleted'), want.run_count_deleted);
    same(out, `${at} tags`, got.tags, want.tags);
  }
}

function compareRuns(actual: Contents, expected: ExpectedFacts, out: string[]): void {
  const byId = new Map(actual.runs.map((r) => [r.id, r]));
  const { count, detail, list } = expected.runs;
  same(out, 'runs.count', { total: actual.runs.length, active: countStage(actual.runs, 'active'), deleted: countStage(actual.runs, 'deleted') }, count);
  if (detail === 'all') sameSet(out, 'run ids', [...byId.keys()], list.map((r) => r.run_id));
  for (const want of list) {
    const got = byId.get(want.run_id);
    if (!got) {
      if (detail !== 'all') out.push(`run ${want.run_id}: missing`);
      continue;
    }
    const at = `run ${want.run_id}`;
    same(out, `${at} experiment_id`, got.experimentId, want.experiment_id);
    same(out, `${at} name`, got.name === '' ? null : got.name, want.name);
    same(out, `${at} status`, got.status, want.status);
    same(out, `${at} lifecycle_stage`, got.lifecycleStage, want.lifecycle_stage);
    same(out, `${at} parent_run_id`, got.parentId ?? null, want.parent_run_id);
    same(out, `${at} param_count`, Object.keys(got.params).length, want.param_count);
    same(out, `${at} tag_count`, Object.keys(got.tags).length, want.tag_count);
    sameSet(out, `${at} metric keys`, Object.keys(got.metrics), Object.keys(want.metrics));
    for (const [key, metric] of Object.entries(want.metrics)) {
      const mine = Object.hasOwn(got.metrics, key) ? got.metrics[key] : undefined;
      if (mine) compareMetric(out, `${at} metric ${JSON.stringify(key)}`, mine, metric);
    }
  }
}

function compareMetric(out: string[], at: string, got: Metric, want: ExpectedMetric): void {
  if (!sameNumber(toNumber(got.latest.value), toNumber(want.latest_value))) {
    out.push(`${at} latest_value: expected ${String(want.latest_value)}, got ${String(got.latest.value)}`);
  }
  same(out, `${at} latest_step`, got.latest.step, want.latest_step);
  same(out, `${at} latest_timestamp`, got.latest.timestamp, want.latest_timestamp);
  same(out, `${at} history_len`, got.history.length, want.history_len);
}

function aggregateOf(runs: readonly Run[]): ExpectedAggregate {
  const status_counts: Record<string, number> = {};
  let points = 0;
  let series = 0;
  let maxHistory = 0;
  for (const run of runs) {
    status_counts[run.status] = (status_counts[run.status] ?? 0) + 1;
    for (const metric of Object.values(run.metrics)) {
      series += 1;
      points += metric.history.length;
      maxHistory = Math.max(maxHistory, metric.history.length);
    }
  }
  return {
    max_history_len: maxHistory,
    metric_points_total: points,
    metric_series_total: series,
    params_total: runs.reduce((n, r) => n + Object.keys(r.params).length, 0),
    runs_with_parent: runs.filter((r) => r.parentId !== undefined).length,
    status_counts,
    tags_total: runs.reduce((n, r) => n + Object.keys(r.tags).length, 0),
  };
}

function compareModels(actual: readonly RegisteredModel[], expected: readonly ExpectedModel[], out: string[]): void {
  const byName = new Map(actual.map((m) => [m.name, m]));
  sameSet(out, 'model names', [...byName.keys()], expected.map((m) => m.name));
  for (const want of expected) {
    const got = byName.get(want.name);
    if (!got) continue;
    const at = `model ${JSON.stringify(want.name)}`;
    same(out, `${at} tag_count`, Object.keys(got.tags).length, want.tag_count);
    same(out, `${at} aliases`, got.aliases, stringValues(want.aliases));
    same(out, `${at} latest_versions`, latestVersions(got), stringValues(want.latest_versions));
    same(out, `${at} is_prompt`, got.tags['mlflow.prompt.is_prompt'] === 'true', want.is_prompt === true);
    sameSet(out, `${at} versions`, got.versions.map((v) => v.version), want.versions.map((v) => String(v.version)));
    for (const wantVersion of want.versions) {
      const version = String(wantVersion.version);
      const mine = got.versions.find((v) => v.version === version);
      if (!mine) continue;
      const aliases = Object.keys(got.aliases).filter((alias) => got.aliases[alias] === version);
      same(
        out,
        `${at} version ${version}`,
        { current_stage: mine.stage, run_id: mine.runId ?? null, status: mine.status, source: mine.source ?? null, aliases: aliases.sort() },
        { current_stage: wantVersion.current_stage, run_id: wantVersion.run_id, status: wantVersion.status, source: wantVersion.source, aliases: [...wantVersion.aliases].sort() },
      );
    }
  }
}

/** The newest version per stage, as the registry's `get_latest_versions` picks it. */
function latestVersions(model: RegisteredModel): Record<string, string> {
  const latest: Record<string, string> = {};
  for (const v of model.versions) {
    const current = latest[v.stage];
    if (current === undefined || Number(v.version) > Number(current)) latest[v.stage] = v.version;
  }
  return latest;
}

function stringValues(record: Record<string, Num>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}

function countStage(runs: readonly Run[], stage: string): number {
  return runs.filter((r) => r.lifecycleStage === stage).length;
}

/** A metric value as a number: 'NaN', 'Infinity' and '-Infinity' (ours or expected.json's) included. */
function toNumber(value: Num): number {
  return typeof value === 'number' ? value : Number(value);
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

export function same(out: string[], what: string, got: unknown, want: unknown): void {
  const g = canonical(got);
  const w = canonical(want);
  if (g !== w) out.push(`${what}: expected ${w}, got ${g}`);
}

export function sameSet(out: string[], what: string, got: readonly string[], want: readonly string[]): void {
  const mine = new Set(got);
  const theirs = new Set(want);
  const missing = [...theirs].filter((x) => !mine.has(x));
  const extra = [...mine].filter((x) => !theirs.has(x));
  if (missing.length > 0) out.push(`${what}: missing ${missing.join(', ')}`);
  if (extra.length > 0) out.push(`${what}: unexpected ${extra.join(', ')}`);
}

/** JSON with object keys sorted, so key order never makes two equal facts differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareStrings(a, b))) : v,
  );
}
