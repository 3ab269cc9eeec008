/**
 * One W&B run folder's log and side files → a Snapshot Run:
 * - id: the W&B run id; experiment: the W&B project (W&B's own default, `uncategorized`, when the
 *   run named none); name: the display name (none is kept empty: offline runs get theirs from the
 *   server, and the site shows the id instead); notes → description;
 * - tags: W&B tags (`wandb.tags`, comma-separated), group (`wandb.group`), job type
 *   (`wandb.job_type`), entity, sweep, and the metadata as `wandb.meta.*` (metadata.ts);
 * - params, metrics: run-params.ts, run-metrics.ts;
 * - status from the exit record (0 FINISHED, else FAILED; `not_complete` keeps a shared run
 *   RUNNING, as wandb-core does); without one, KILLED when the log ends mid-record, else RUNNING;
 * - start from the run record (else config `_wandb.start_time`, metadata `startedAt`, the first
 *   record's time); end from the last record's time, except while RUNNING.
 */
import type { Run, RunStatus } from '../../model.ts';
import { metadataTags } from './metadata.ts';
import { timestampMs } from './records.ts';
import type { SideFile } from './run-files.ts';
import type { RunLog } from './run-log.ts';
import { runMetrics, summaryPoint, type MetricCounts } from './run-metrics.ts';
import { runParams } from './run-params.ts';
import type { Nested } from './updates.ts';

export const DEFAULT_PROJECT = 'uncategorized';

export interface RunSources {
  /** The run id in the folder name (`run-20220429_201936-3ojed7lz` → `3ojed7lz`). */
  folderId: string;
  log?: RunLog;
  config: SideFile;
  summary: SideFile;
  metadata: SideFile;
  /** Store-relative path of the log (or of the folder, without one), prefixed with the store's label. */
  provenance: string;
}

export interface MappedRun {
  run: Run;
  /** The config.yaml cross-check, when it found a difference. */
  configMismatch?: string;
  counts: MetricCounts;
}

export function toRun(src: RunSources): MappedRun {
  const { log } = src;
  const record = log?.run;
  const fileSummary = src.summary.state === 'ok' ? src.summary.value : undefined;
  const metadata = src.metadata.state === 'ok' ? src.metadata.value : undefined;
  const status = runStatus(log, metadata);
  const yamlConfig = src.config.state === 'ok' ? src.config.value : undefined;
  const startTime = firstDefined(timestampMs(record?.start_time), configStart(log?.config), configStart(yamlConfig), isoMs(metadata?.startedAt), log?.firstTime);
  const endTime = status === 'RUNNING' ? undefined : lastTime(log, fileSummary, startTime);
  // The log's summary is the one it replays to; a log without summary records (a killed run)
  // leaves the file's, which wandb wrote last.
  const summary = log && log.summaryRecords > 0 ? log.summary : (fileSummary ?? {});
  const at = summaryPoint(summary, { step: log?.lastStep ?? 0, timestamp: endTime ?? log?.lastTime ?? startTime ?? 0 });
  const { metrics, counts } = runMetrics(log, summary, at);
  const { params, mismatch } = runParams(log?.hasConfig ? log.config : undefined, src.config);
  const user = metadata?.username;
  const run: Run = {
    id: record?.run_id || src.folderId,
    experimentId: record?.project || DEFAULT_PROJECT,
    name: record?.display_name ?? '',
    status,
    lifecycleStage: 'active',
    ...(startTime !== undefined ? { startTime } : {}),
    ...(endTime !== undefined ? { endTime } : {}),
    ...(typeof user === 'string' && user !== '' ? { user } : {}),
    ...(record?.notes ? { description: record.notes } : {}),
    params,
    tags: { ...runTags(log), ...metadataTags(metadata, log?.environments ?? [], record) },
    metrics,
    inputs: [],
    artifacts: [],
    loggedModels: [],
    provenance: { tracker: 'wandb', path: src.provenance },
  };
  return { run, counts, ...(mismatch ? { configMismatch: mismatch } : {}) };
}

function runStatus(log: RunLog | undefined, metadata: Nested | undefined): RunStatus {
  if (!log) return metadataStatus(metadata?.state);
  if (log.exit) return log.exit.not_complete ? 'RUNNING' : log.exit.exit_code === 0 ? 'FINISHED' : 'FAILED';
  return log.framing.endedAt ? 'KILLED' : 'RUNNING';
}

/** Without a log, the `state` older writers kept in wandb-metadata.json is all there is. */
function metadataStatus(state: unknown): RunStatus {
  if (state === 'finished') return 'FINISHED';
  if (state === 'failed') return 'FAILED';
  if (state === 'crashed' || state === 'killed') return 'KILLED';
  return 'RUNNING';
}

function runTags(log: RunLog | undefined): Record<string, string> {
  const record = log?.run;
  const tags: Record<string, string> = {};
  if (!record) return tags;
  if (record.tags.length > 0) tags['wandb.tags'] = record.tags.join(', ');
  if (record.run_group) tags['wandb.group'] = record.run_group;
  if (record.job_type) tags['wandb.job_type'] = record.job_type;
  if (record.entity) tags['wandb.entity'] = record.entity;
  if (record.sweep_id) tags['wandb.sweep_id'] = record.sweep_id;
  return tags;
}

/** The last time a record carries; without a log, the summary's `_timestamp`. */
function lastTime(log: RunLog | undefined, fileSummary: Nested | undefined, startTime: number | undefined): number | undefined {
  if (log?.lastTime !== undefined) return Math.max(log.lastTime, startTime ?? log.lastTime);
  const seconds = fileSummary?._timestamp;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 1000) : undefined;
}

/** Python writers keep the start (seconds) in config `_wandb.start_time`. */
function configStart(config: Nested | undefined): number | undefined {
  const internal = config?._wandb;
  const seconds = typeof internal === 'object' && internal !== null ? (internal as Nested).start_time : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/** `startedAt` in wandb-metadata.json: ISO 8601, UTC (older writers leave out the `Z`). */
function isoMs(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,3})?\d*Z?$/.exec(value) : null;
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}${match[2] ?? ''}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

function firstDefined(...values: (number | undefined)[]): number | undefined {
  return values.find((v) => v !== undefined);
}
