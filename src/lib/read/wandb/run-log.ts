/**
 * A run's transaction log replayed: every record in log order, folded into what a run needs
 * (run record, final config and summary, history and system-stats series, exit, environment),
 * plus counts of every record kind for `runfolio inspect`. Framing lives in log-file.ts, record
 * decoding in records.ts.
 *
 * History rows: `_step` is the step (else the row's HistoryStep, else its index), `_timestamp`
 * (seconds) the time in ms; `_runtime` is W&B's clock and not a metric. System stats are sampled
 * by time, not step: each key's step is its sample index, as MLflow's system-metrics monitor counts.
 */
import { NOT_JSON, parseValueJson } from './json-value.ts';
import { WandbLog, type LogStats } from './log-file.ts';
import { decodeRecord, ENVIRONMENT_TYPE, int64, type DecodedRecord, itemKey, timestampMs, type ExitMessage, type HistoryMessage, type RunMessage, type StatsMessage } from './records.ts';
import { SeriesSet } from './series.ts';
import { applyUpdates, type Nested } from './updates.ts';
import { environmentMetadata } from './metadata.ts';

/** History keys W&B adds to every row: the axes, not metrics. */
export const RESERVED_HISTORY_KEYS: ReadonlySet<string> = new Set(['_step', '_timestamp', '_runtime']);

export interface RunLog {
  run?: RunMessage;
  config: Nested;
  /** Whether the log set any config (run record or config records). */
  hasConfig: boolean;
  summary: Nested;
  summaryRecords: number;
  history: SeriesSet;
  /** Every key a history row held (before nested values were split into `key.sub`). */
  historyKeys: Set<string>;
  historyRows: number;
  /** The greatest `_step` logged. */
  lastStep?: number;
  stats: SeriesSet;
  /** Samples seen per stats key as logged (`network`, before `network.sent`/`.recv` are split). */
  statsSamples: Map<string, number>;
  exit?: ExitMessage;
  /** Environment records (wandb-core), each as wandb-metadata.json keys. */
  environments: Nested[];
  /** Earliest and latest time any record carries, epoch ms. */
  firstTime?: number;
  lastTime?: number;
  /** Records by kind (`history`, `output`, `unknown`…). */
  kinds: Map<string, number>;
  /** Records whose bytes are not a Record, and values that are not JSON, with the first offset. */
  undecodable: { count: number; offset: number; message: string } | undefined;
  badValues: number;
  framing: LogStats;
}

export type RunLogResult = { ok: true; log: RunLog } | { ok: false; message: string };

export function readRunLog(path: string): RunLogResult {
  const file = new WandbLog(path);
  try {
    const header = file.check();
    if (!header.ok) return header;
    const log = emptyLog(file.stats);
    for (const { offset, bytes } of file.records()) {
      let record;
      try {
        record = decodeRecord(bytes);
      } catch (error) {
        log.undecodable ??= { count: 0, offset, message: error instanceof Error ? error.message : String(error) };
        log.undecodable.count += 1;
        continue;
      }
      log.kinds.set(record.kind, (log.kinds.get(record.kind) ?? 0) + 1);
      if (record.decoded) fold(log, record.decoded);
    }
    return { ok: true, log };
  } finally {
    file.close();
  }
}

function emptyLog(framing: LogStats): RunLog {
  return {
    config: {}, hasConfig: false, summary: {}, summaryRecords: 0, history: new SeriesSet(), historyKeys: new Set(), historyRows: 0, stats: new SeriesSet(), statsSamples: new Map(),
    environments: [], kinds: new Map(), undecodable: undefined, badValues: 0, framing,
  };
}

function fold(log: RunLog, record: DecodedRecord): void {
  switch (record.kind) {
    case 'history':
      return addHistoryRow(log, record.message);
    case 'stats':
      return addStats(log, record.message);
    case 'summary':
      log.summaryRecords += 1;
      log.badValues += applyUpdates(log.summary, record.message, 'replace');
      return;
    case 'config':
      log.hasConfig ||= record.message.update.length > 0;
      log.badValues += applyUpdates(log.config, record.message, 'merge-objects');
      return;
    case 'run':
      return mergeRunRecord(log, record.message);
    case 'exit':
      log.exit = record.message;
      return;
    case 'environment':
      log.environments.push(environmentMetadata(ENVIRONMENT_TYPE, record.message));
      return;
  }
}

function addHistoryRow(log: RunLog, row: HistoryMessage): void {
  let step: number | undefined;
  let seconds: number | undefined;
  for (const item of row.item) {
    const key = itemKey(item);
    if (key === '_step' || key === '_timestamp') {
      const value = parseValueJson(item.value_json ?? '');
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      if (key === '_step') step = Math.round(value);
      else seconds = value;
    }
  }
  step ??= row.step?.num !== undefined && int64(row.step.num) !== 0 ? int64(row.step.num) : log.historyRows;
  const timestamp = seconds !== undefined ? Math.round(seconds * 1000) : (log.lastTime ?? startMs(log) ?? 0);
  noteTime(log, seconds !== undefined ? timestamp : undefined);
  log.historyRows += 1;
  if (log.lastStep === undefined || step > log.lastStep) log.lastStep = step;
  for (const item of row.item) {
    const key = itemKey(item);
    if (key === '' || RESERVED_HISTORY_KEYS.has(key)) continue;
    log.historyKeys.add(key);
    const value = parseValueJson(item.value_json ?? '');
    if (value === NOT_JSON) log.badValues += 1;
    else log.history.add(key, value, step, timestamp);
  }
}

function addStats(log: RunLog, stats: StatsMessage): void {
  const timestamp = timestampMs(stats.timestamp) ?? log.lastTime ?? startMs(log) ?? 0;
  noteTime(log, timestampMs(stats.timestamp));
  for (const item of stats.item) {
    const key = itemKey(item);
    if (key === '') continue;
    const value = parseValueJson(item.value_json ?? '');
    const sample = log.statsSamples.get(key) ?? 0;
    log.statsSamples.set(key, sample + 1);
    if (value === NOT_JSON) log.badValues += 1;
    else log.stats.add(key, value, sample, timestamp);
  }
}

/** A later run record (a rename, new tags, a resumed session) overrides what it sets. */
function mergeRunRecord(log: RunLog, run: RunMessage): void {
  log.hasConfig ||= (run.config?.update.length ?? 0) > 0;
  log.badValues += applyUpdates(log.config, run.config, 'merge-objects');
  if ((run.summary?.update.length ?? 0) > 0) log.summaryRecords += 1;
  log.badValues += applyUpdates(log.summary, run.summary, 'replace');
  if (!log.run) {
    log.run = run;
    return;
  }
  const merged: RunMessage = { ...log.run };
  for (const key of ['run_id', 'entity', 'project', 'run_group', 'job_type', 'display_name', 'notes', 'sweep_id', 'host'] as const) {
    if (run[key]) merged[key] = run[key];
  }
  if (run.tags.length > 0) merged.tags = run.tags;
  if (timestampMs(run.start_time) !== undefined) merged.start_time = run.start_time;
  if (run.git?.commit || run.git?.remote_url) merged.git = run.git;
  log.run = merged;
}

function startMs(log: RunLog): number | undefined {
  return timestampMs(log.run?.start_time);
}

function noteTime(log: RunLog, ms: number | undefined): void {
  if (ms === undefined) return;
  if (log.firstTime === undefined || ms < log.firstTime) log.firstTime = ms;
  if (log.lastTime === undefined || ms > log.lastTime) log.lastTime = ms;
}
