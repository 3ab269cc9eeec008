/**
 * One run folder → a Run, with a warning for every defect stepped over (see index.ts for the
 * policy), and the counts `runfolio inspect` shows.
 */
import { join } from 'node:path';
import type { Warnings } from '../warnings.ts';
import type { RunFolder } from './folders.ts';
import type { LogStats } from './log-file.ts';
import { CONFIG_YAML, METADATA_JSON, readConfigYaml, readJsonObject, SUMMARY_JSON, type SideFile } from './run-files.ts';
import { readRunLog, type RunLog } from './run-log.ts';
import { toRun, type MappedRun } from './to-run.ts';

export interface FolderResult extends MappedRun {
  log?: RunLog;
}

export function readRunFolder(folder: RunFolder, warnings: Warnings): FolderResult | undefined {
  const at = (file: string) => (folder.rel ? `${folder.rel}/${file}` : file);
  const sides = {
    config: readConfigYaml(folder.abs),
    summary: readJsonObject(folder.abs, SUMMARY_JSON),
    metadata: readJsonObject(folder.abs, METADATA_JSON),
  };
  for (const [file, side] of [[CONFIG_YAML, sides.config], [SUMMARY_JSON, sides.summary], [METADATA_JSON, sides.metadata]] as const) {
    if (side.state === 'bad') warnings.add(at(file), `${side.message}; not used`);
  }
  const logName = chooseLog(folder);
  if (folder.logs.length > 1) warnings.add(folder.rel, `${folder.logs.length} .wandb logs; only ${logName} is read`);
  let log: RunLog | undefined;
  if (logName) {
    const result = readRunLog(join(folder.abs, logName));
    if (result.ok) {
      log = result.log;
      warnLog(at(logName), log, warnings);
    } else warnings.add(at(logName), result.message);
  }
  if (!log && !(sides.config.state === 'ok' && sides.summary.state === 'ok')) {
    warnings.add(folder.rel, `no readable .wandb log, and no ${CONFIG_YAML} with ${SUMMARY_JSON} to fall back on; run skipped`);
    return undefined;
  }
  const file = log && logName ? at(logName) : folder.rel;
  const provenance = file ? `${warnings.label}/${file}` : warnings.label;
  const mapped = toRun({ folderId: folder.id, ...(log ? { log } : {}), ...sides, provenance });
  if (!log) warnings.add(folder.rel, `no readable .wandb log: params from ${CONFIG_YAML} and values from ${SUMMARY_JSON} only (no history; status ${mapped.run.status} from ${METADATA_JSON} or unknown)`);
  if (mapped.configMismatch) warnings.add(at(CONFIG_YAML), mapped.configMismatch);
  if (log) warnSummaryAhead(at(SUMMARY_JSON), log, sides.summary, warnings);
  return { ...mapped, ...(log ? { log } : {}) };
}

/** `run-<id>.wandb` when present, else the first log by name. */
function chooseLog(folder: RunFolder): string | undefined {
  return folder.logs.find((name) => name === `run-${folder.id}.wandb`) ?? folder.logs[0];
}

function warnLog(path: string, log: RunLog, warnings: Warnings): void {
  const { framing } = log;
  for (const [kind, what] of Object.entries(DEFECTS)) {
    const found = framing.defects.filter((d) => d.kind === kind);
    const first = found[0];
    if (first) warnings.add(path, `${plural(found.length, what)} at offset ${first.offset}${found.length > 1 ? ' and later' : ''}; skipped to the next block`);
  }
  if (framing.endedAt) {
    warnings.add(path, `log ends mid-record at offset ${framing.endedAt.offset} (${framing.endedAt.reason}): a killed run, or a copy of a log still being written; the ${plural(framing.records, 'complete record', 'complete records')} before it ${framing.records === 1 ? 'is' : 'are'} read`);
  }
  if (log.undecodable) {
    warnings.add(path, `${plural(log.undecodable.count, 'record does not', 'records do not')} decode as a W&B Record (first at offset ${log.undecodable.offset}: ${log.undecodable.message}); skipped`);
  }
  if (log.badValues > 0) warnings.add(path, `${plural(log.badValues, 'value is', 'values are')} not JSON; skipped`);
  if (!log.run) warnings.add(path, 'no run record: project, name and start time unknown');
}

const DEFECTS: Record<LogStats['defects'][number]['kind'], [string, string]> = {
  'bad-crc': ['chunk with a bad CRC', 'chunks with a bad CRC'],
  'chunk-too-long': ['chunk longer than its block', 'chunks longer than their block'],
  'bad-chunk-type': ['chunk of an unknown type', 'chunks of unknown types'],
  'unfinished-record': ['record without its last chunk', 'records without their last chunk'],
};

/** A killed run's wandb-summary.json can be ahead of its log: say that history ends earlier. */
function warnSummaryAhead(path: string, log: RunLog, summary: SideFile, warnings: Warnings): void {
  if (summary.state !== 'ok' || log.summaryRecords > 0) return;
  const step = summary.value._step;
  if (typeof step === 'number' && log.lastStep !== undefined && step > log.lastStep) {
    warnings.add(path, `ahead of the log (_step ${step}, the log's last ${log.lastStep}): the rows logged after the log was cut are not in the history`);
  }
}

function plural(n: number, one: string | [string, string], many?: string): string {
  const [singular, pluralForm] = Array.isArray(one) ? one : [one, many ?? `${one}s`];
  return n === 1 ? `1 ${singular}` : `${n.toLocaleString('en-US')} ${pluralForm}`;
}
