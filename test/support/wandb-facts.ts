/**
 * Checks what the W&B reader made of a fixture run folder against the fixture's `expected.json`
 * (test/fixtures/trackers/README.md: facts from an independent reader), fact by fact.
 * `compareWandbFacts` returns one line per disagreement, so a failing test lists every wrong fact.
 *
 * Facts compared, and how the Snapshot holds them:
 * - `run`: id, display name (null ⇔ ''), project (the experiment, by id and name), entity, group,
 *   job type, sweep, W&B tags and notes (tags `wandb.*`, description), host (`wandb.meta.host`),
 *   start time (s → ms);
 * - `exit` and `ended_mid_record`: the status (0 FINISHED, else FAILED; none: KILLED when the log
 *   ended mid-record, else RUNNING), and for a cut log the warning naming its tail's offset;
 * - `wandb_files`: chunks and records read, block alignment (the read counts), a tail's offset;
 * - `record_counts`, `output_records`, `unparseable_records`: the read counts' `records: <kind>`;
 * - `config.values`: the params (flattened, `_wandb` left out); `config_yaml_check`: no config.yaml
 *   warning when it found no difference;
 * - `history`: every key but `_step`/`_timestamp`/`_runtime` is a metric with `count` points, its
 *   first and last step, last value, min and max; timestamps are `_timestamp` in ms;
 * - `summary`: keys that are not history keys (nor `_…`) with a number value are single-point
 *   metrics of that value (the log's summary, else wandb-summary.json's `file_values`);
 * - `stats.keys`: `system/<key>` (or, for a value that is an object, each `system/<key>.<sub>`)
 *   has that many points; `first_timestamp`/`last_timestamp` bound their times;
 * - `metadata`: each key is the tag `wandb.meta.<key>`.
 * Skipped on purpose: `files_in_dir`, `files_saved`, `run_dir`, `dir_run_id`, `offline_dir` (the
 * folder, not the run), `writer` (versions, not published), `metrics_defined`, `request_types`
 * and `record_num_monotonic` (empty or not published in both fixtures), `notes` (for humans).
 */
import type { Experiment, Metric, Run, SnapshotWarning } from '../../src/lib/model.ts';
import { flattenParams } from '../../src/lib/read/flatten.ts';
import type { ReadCounts } from '../../src/lib/read/types.ts';

type Num = number | string;

export interface WandbExpected {
  run: { run_id: string; display_name: string | null; project: string; entity: string; host: string; job_type: string | null; notes: string | null; run_group: string | null; start_time: number; sweep_id: string | null; tags: string[] };
  exit: { exit_code?: number; runtime: number } | null;
  ended_mid_record: boolean;
  wandb_files: { name: string; chunks: number; records: number; block_alignment: string; tail: { offset: number } | null }[];
  record_counts: Record<string, number>;
  unparseable_records: number;
  config: { values: Record<string, unknown> };
  config_yaml_check: { only_in_records: string[]; only_in_yaml: string[]; value_mismatch: string[] };
  history: { keys: string[]; per_key: Record<string, { count: number; first_step: number; last_step: number; last_value: Num; max: Num; min: Num }> };
  summary: { records: number; values: Record<string, unknown>; file_values: Record<string, unknown> };
  stats: { keys: Record<string, number>; first_timestamp: number; last_timestamp: number };
  metadata: Record<string, string>;
}

export interface WandbActual {
  experiments: readonly Experiment[];
  runs: readonly Run[];
  warnings: readonly SnapshotWarning[];
  /** The reader's counts of what it read (ReadOptions.onRead). */
  read: ReadCounts;
}

const RESERVED = new Set(['_step', '_timestamp', '_runtime']);

/** Every disagreement between what was read and `expected`, one line each; [] when all facts hold. */
export function compareWandbFacts(actual: WandbActual, expected: WandbExpected): string[] {
  const out: string[] = [];
  const run = actual.runs.find((r) => r.id === expected.run.run_id);
  if (!run) return [`run ${expected.run.run_id}: missing (runs: ${actual.runs.map((r) => r.id).join(', ')})`];
  compareRun(out, actual, run, expected);
  compareLog(out, actual, expected);
  same(out, 'params', run.params, flattenParams(withoutInternal(expected.config.values)));
  const yamlWarned = actual.warnings.some((w) => w.path.endsWith('files/config.yaml'));
  const { only_in_records, only_in_yaml, value_mismatch } = expected.config_yaml_check;
  same(out, 'config.yaml warning', yamlWarned, only_in_records.length + only_in_yaml.length + value_mismatch.length > 0);
  const summaryOnly = summaryOnlyValues(expected);
  const historyKeys = expected.history.keys.filter((k) => !RESERVED.has(k));
  sameSet(out, 'metrics', Object.keys(run.metrics).filter((k) => !k.startsWith('system/')), [...historyKeys, ...Object.keys(summaryOnly)]);
  compareHistory(out, run, expected, historyKeys);
  for (const [key, value] of Object.entries(summaryOnly)) sameNumber(out, `summary-only ${key}`, toNumber(run.metrics[key]?.latest.value ?? 'NaN'), value);
  compareStats(out, run, expected);
  for (const [key, value] of Object.entries(expected.metadata)) same(out, `tag wandb.meta.${key}`, run.tags[`wandb.meta.${key}`], value);
  return out;
}

function compareRun(out: string[], actual: WandbActual, run: Run, expected: WandbExpected): void {
  const want = expected.run;
  same(out, 'name', run.name === '' ? null : run.name, want.display_name);
  same(out, 'experiment', run.experimentId, want.project);
  same(out, 'experiment name', actual.experiments.find((e) => e.id === run.experimentId)?.name, want.project);
  same(out, 'tag wandb.entity', run.tags['wandb.entity'], want.entity || undefined);
  same(out, 'tag wandb.group', run.tags['wandb.group'], want.run_group ?? undefined);
  same(out, 'tag wandb.job_type', run.tags['wandb.job_type'], want.job_type ?? undefined);
  same(out, 'tag wandb.sweep_id', run.tags['wandb.sweep_id'], want.sweep_id ?? undefined);
  same(out, 'tag wandb.tags', run.tags['wandb.tags'], want.tags.length > 0 ? want.tags.join(', ') : undefined);
  same(out, 'tag wandb.meta.host', run.tags['wandb.meta.host'], want.host);
  same(out, 'description', run.description, want.notes ?? undefined);
  same(out, 'startTime', run.startTime, Math.round(want.start_time * 1000));
  const status = expected.exit ? ((expected.exit.exit_code ?? 0) === 0 ? 'FINISHED' : 'FAILED') : expected.ended_mid_record ? 'KILLED' : 'RUNNING';
  same(out, 'status', run.status, status);
}

function compareLog(out: string[], actual: WandbActual, expected: WandbExpected): void {
  const read = actual.read.counts;
  const sum = (key: string) => expected.wandb_files.reduce((n, f) => n + (f as unknown as Record<string, number>)[key]!, 0);
  same(out, 'chunks', read.chunks, sum('chunks'));
  same(out, 'records', read.records, sum('records'));
  same(out, 'logs with shifted blocks', read['log files (shifted blocks)'] ?? 0, expected.wandb_files.filter((f) => f.block_alignment !== 'standard').length);
  for (const file of expected.wandb_files) {
    const tail = actual.warnings.find((w) => w.path.endsWith(file.name) && w.message.startsWith('log ends mid-record'));
    same(out, `${file.name} tail`, tail ? Number(/at offset (\d+)/.exec(tail.message)?.[1]) : null, file.tail?.offset ?? null);
  }
  const counts: Record<string, number> = {};
  for (const [key, n] of Object.entries(read)) {
    const kind = /^records: (.+)$/.exec(key)?.[1];
    if (kind) counts[kind] = n;
  }
  same(out, 'record_counts', counts, expected.record_counts);
  same(out, 'unparseable_records', read['records that do not decode'] ?? 0, expected.unparseable_records);
}

function compareHistory(out: string[], run: Run, expected: WandbExpected, keys: string[]): void {
  for (const key of keys) {
    const metric = run.metrics[key];
    const want = expected.history.per_key[key];
    if (!metric || !want) continue;
    const values = metric.history.map((p) => toNumber(p.value));
    same(out, `${key} count`, metric.history.length, want.count);
    same(out, `${key} first_step`, metric.history[0]?.step, want.first_step);
    same(out, `${key} last_step`, metric.history.at(-1)?.step, want.last_step);
    sameNumber(out, `${key} last_value`, toNumber(metric.latest.value), toNumber(want.last_value));
    sameNumber(out, `${key} min`, Math.min(...values), toNumber(want.min));
    sameNumber(out, `${key} max`, Math.max(...values), toNumber(want.max));
  }
  const timestamps = expected.history.per_key._timestamp;
  const someKey = keys.find((k) => expected.history.per_key[k]?.count === timestamps?.count);
  if (timestamps && someKey) {
    const points = (run.metrics[someKey] as Metric).history;
    same(out, `${someKey} first timestamp`, Math.min(...points.map((p) => p.timestamp)), Math.round(toNumber(timestamps.min) * 1000));
    same(out, `${someKey} last timestamp`, points.at(-1)?.timestamp, Math.round(toNumber(timestamps.last_value) * 1000));
  }
}

/** Numeric summary values of keys history never held (the log's summary, else wandb-summary.json's). */
function summaryOnlyValues(expected: WandbExpected): Record<string, number> {
  const summary = expected.summary.records > 0 ? expected.summary.values : expected.summary.file_values;
  const history = new Set(expected.history.keys);
  return Object.fromEntries(Object.entries(summary).filter(([key, value]) => !key.startsWith('_') && !history.has(key) && typeof value === 'number')) as Record<string, number>;
}

function compareStats(out: string[], run: Run, expected: WandbExpected): void {
  const system = Object.keys(run.metrics).filter((k) => k.startsWith('system/'));
  const covered = new Set<string>();
  for (const [key, count] of Object.entries(expected.stats.keys)) {
    // A value that is an object (`network: {sent, recv}`) is published as its leaves.
    const mine = system.filter((k) => k === `system/${key}` || (k.startsWith(`system/${key}.`) && !Object.hasOwn(expected.stats.keys, k.slice('system/'.length))));
    if (mine.length === 0) out.push(`stats ${key}: no system/ metric`);
    for (const k of mine) {
      covered.add(k);
      same(out, `${k} points`, run.metrics[k]?.history.length, count);
    }
  }
  sameSet(out, 'system metrics', system, [...covered]);
  const times = system.flatMap((k) => run.metrics[k]!.history.map((p) => p.timestamp));
  if (times.length > 0) {
    same(out, 'stats first timestamp', Math.min(...times), Math.round(expected.stats.first_timestamp * 1000));
    same(out, 'stats last timestamp', Math.max(...times), Math.round(expected.stats.last_timestamp * 1000));
  }
}

function withoutInternal(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== '_wandb'));
}

function toNumber(value: Num): number {
  return typeof value === 'number' ? value : Number(value);
}

function sameNumber(out: string[], what: string, got: number, want: number): void {
  if (!(got === want || (Number.isNaN(got) && Number.isNaN(want)))) out.push(`${what}: expected ${want}, got ${got}`);
}

function same(out: string[], what: string, got: unknown, want: unknown): void {
  const g = canonical(got ?? null);
  const w = canonical(want ?? null);
  if (g !== w) out.push(`${what}: expected ${w}, got ${g}`);
}

/** JSON with object keys sorted, so key order never makes two equal facts differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

function sameSet(out: string[], what: string, got: readonly string[], want: readonly string[]): void {
  const missing = want.filter((x) => !got.includes(x));
  const extra = got.filter((x) => !want.includes(x));
  if (missing.length > 0) out.push(`${what}: missing ${missing.join(', ')}`);
  if (extra.length > 0) out.push(`${what}: unexpected ${extra.join(', ')}`);
}
