/**
 * Writes W&B run folders for tests and the bench, shaped as wandb leaves them:
 * `<wandb dir>/run-<YYYYMMDD_HHMMSS>-<id>/` (or `offline-run-…`) with the transaction log
 * `run-<id>.wandb` (header, run, config, history, stats, summary, output, environment and exit
 * records, framed by wandb-framing.ts) and `files/config.yaml`, `files/wandb-summary.json`,
 * `files/wandb-metadata.json`. The Python layout of config.yaml (`wandb_version: 1`,
 * `desc: null`) or wandb-core's. The same spec gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Alignment } from '../../src/lib/read/wandb/log-file.ts';
import { encodeRecord, frameLog, type FramedLog } from './wandb-framing.ts';

export interface WandbRunSpec {
  id: string;
  project?: string;
  entity?: string;
  displayName?: string;
  notes?: string;
  tags?: string[];
  group?: string;
  jobType?: string;
  sweepId?: string;
  host?: string;
  /** Start, epoch seconds. */
  startTime: number;
  /** Config in the run record. */
  config?: Record<string, unknown>;
  /** Config records after the run record, replayed in order (`null` removes a key). */
  configUpdates?: Record<string, unknown>[];
  /** History rows; `_step` (row index), `_timestamp` (start + index s) and `_runtime` are added when missing. */
  history?: Record<string, unknown>[];
  /** System stats samples: epoch seconds and values by key. */
  stats?: { time: number; values: Record<string, unknown> }[];
  /** The final summary, written as one summary record before the exit record. */
  summary?: Record<string, unknown>;
  /** Console lines (output_raw records). */
  output?: string[];
  /** An EnvironmentRecord, by the proto's field names (`{ host: …, email: … }`). */
  environment?: Record<string, unknown>;
  /** Exit code of the exit record (default 0); `null` writes none. */
  exitCode?: number | null;
}

export interface WandbFolderOptions {
  offline?: boolean;
  /** config.yaml as Python writers (`wandb_version`, `desc: null`) or wandb-core write it. Default python. */
  layout?: 'python' | 'core';
  alignment?: Alignment;
  /** Write the `.wandb` log (default true). */
  log?: boolean;
  /** Cut this many bytes off the end of the log, as a killed run leaves it. */
  truncate?: number;
  /** files/wandb-summary.json (default: the spec's summary, when it has one). */
  summaryFile?: Record<string, unknown>;
  /** files/wandb-metadata.json. */
  metadata?: Record<string, unknown>;
}

/** The run's records in the order wandb writes them. */
export function runRecords(spec: WandbRunSpec): Uint8Array[] {
  const records: Record<string, unknown>[] = [{ header: { version_info: { producer: '0.21.2+generated' } } }, { run: runRecord(spec) }];
  if (spec.environment) records.push({ environment: spec.environment });
  for (const update of spec.configUpdates ?? []) records.push({ config: configRecord(update) });
  for (const line of spec.output ?? []) records.push({ output_raw: { output_type: 1, line: `${line}\n` } });
  const stats = [...(spec.stats ?? [])];
  (spec.history ?? []).forEach((row, index) => {
    const full = { _step: index, _timestamp: spec.startTime + index, _runtime: index, ...row };
    while (stats.length > 0 && (stats[0] as { time: number }).time <= (full._timestamp as number)) records.push({ stats: statsRecord(stats.shift() as { time: number; values: Record<string, unknown> }) });
    records.push({ history: { item: items(full), step: { num: full._step } } });
  });
  for (const sample of stats) records.push({ stats: statsRecord(sample) });
  if (spec.summary) records.push({ summary: { update: items(spec.summary) } });
  if (spec.exitCode !== null) records.push({ exit: { exit_code: spec.exitCode ?? 0, runtime: spec.history?.length ?? 0 } });
  return records.map((record, index) => encodeRecord({ num: index + 1, ...record }));
}

/** Writes the run folder under `wandbDir`; returns its path and the framed log. */
export function writeWandbRun(wandbDir: string, spec: WandbRunSpec, options: WandbFolderOptions = {}): { dir: string; log: FramedLog } {
  const dir = join(wandbDir, `${options.offline ? 'offline-run' : 'run'}-${folderTime(spec.startTime)}-${spec.id}`);
  mkdirSync(join(dir, 'files'), { recursive: true });
  const log = frameLog(runRecords(spec), options.alignment);
  if (options.log !== false) writeFileSync(join(dir, `run-${spec.id}.wandb`), options.truncate ? log.bytes.subarray(0, log.bytes.length - options.truncate) : log.bytes);
  writeFileSync(join(dir, 'files/config.yaml'), configYaml(spec, options.layout ?? 'python'));
  const summary = options.summaryFile ?? spec.summary;
  if (summary) writeFileSync(join(dir, 'files/wandb-summary.json'), pythonJson(summary));
  if (options.metadata) writeFileSync(join(dir, 'files/wandb-metadata.json'), JSON.stringify(options.metadata, null, 4));
  return { dir, log };
}

function runRecord(spec: WandbRunSpec): Record<string, unknown> {
  return {
    run_id: spec.id,
    project: spec.project ?? '',
    entity: spec.entity ?? '',
    display_name: spec.displayName ?? '',
    notes: spec.notes ?? '',
    tags: spec.tags ?? [],
    run_group: spec.group ?? '',
    job_type: spec.jobType ?? '',
    sweep_id: spec.sweepId ?? '',
    host: spec.host ?? '',
    start_time: { seconds: Math.floor(spec.startTime), nanos: Math.round((spec.startTime % 1) * 1e9) },
    config: { update: items({ _wandb: {}, ...spec.config }) },
  };
}

function configRecord(update: Record<string, unknown>): Record<string, unknown> {
  const removed = Object.entries(update).filter(([, v]) => v === null).map(([key]) => ({ key }));
  return { update: items(Object.fromEntries(Object.entries(update).filter(([, v]) => v !== null))), remove: removed };
}

function statsRecord(sample: { time: number; values: Record<string, unknown> }): Record<string, unknown> {
  return { timestamp: { seconds: Math.floor(sample.time), nanos: Math.round((sample.time % 1) * 1e9) }, item: items(sample.values) };
}

function items(values: Record<string, unknown>): { key: string; value_json: string }[] {
  return Object.entries(values).map(([key, value]) => ({ key, value_json: pythonJson(value) }));
}

/** The final config as config.yaml holds it: updates applied, objects merged into objects (as wandb-core does). */
function configYaml(spec: WandbRunSpec, layout: 'python' | 'core'): string {
  const config: Record<string, unknown> = structuredClone(spec.config ?? {});
  const merge = (into: Record<string, unknown>, update: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(update)) {
      const before = into[key];
      if (value === null) delete into[key];
      else if (isObject(value) && isObject(before)) merge(before, value);
      else into[key] = value;
    }
  };
  for (const update of spec.configUpdates ?? []) merge(config, update);
  const wrapped: Record<string, unknown> = layout === 'python' ? { wandb_version: 1 } : {};
  for (const [key, value] of Object.entries({ _wandb: { cli_version: '0.21.2' }, ...config })) wrapped[key] = layout === 'python' ? { desc: null, value } : { value };
  return stringify(wrapped, { indent: layout === 'python' ? 2 : 4 });
}

/** JSON as Python's json.dumps writes it for wandb: bare NaN, Infinity and -Infinity. */
export function pythonJson(value: unknown): string {
  const marks = new Map<string, string>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || Number.isFinite(v)) return v;
    const mark = `\u0000nonfinite${marks.size}`;
    marks.set(mark, Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');
    return mark;
  });
  return text.replace(/"\\u0000nonfinite\d+"/g, (quoted) => marks.get(JSON.parse(quoted) as string) as string);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function folderTime(seconds: number): string {
  const iso = new Date(Math.floor(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}_${iso.slice(11, 19).replaceAll(':', '')}`;
}
