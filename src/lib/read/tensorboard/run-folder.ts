/** One run folder → its Run: every event file in name order, then hparams.yaml, then the mapping. */
import { metricFromColumns } from '../metric-points.ts';
import { readText } from '../fs.ts';
import type { Metric, Run, RunStatus } from '../../model.ts';
import type { UnpublishedCount } from '../types.ts';
import type { Warnings } from '../warnings.ts';
import type { RunFolder } from './discover.ts';
import { readEventFile, type EventFileReport } from './event-file.ts';
import { readHparamsYaml } from './hparams-yaml.ts';
import { runParams, type ParamSources } from './params.ts';
import { RunLog } from './run-log.ts';

const HPARAMS_YAML = 'hparams.yaml';
/** Larger than any hyperparameter file (the fixture's pickled model is 0.7 MB); bigger ones are skipped. */
const MAX_YAML_BYTES = 32 << 20;

/** hparams SessionEndInfo.status (api.proto) → run status; UNKNOWN says nothing, so FINISHED. */
const SESSION_STATUS: Record<number, RunStatus> = { 0: 'FINISHED', 1: 'FINISHED', 2: 'FAILED', 3: 'RUNNING' };

export interface RunIdentity {
  label: string;
  experimentId: string;
  id: string;
}

export function readRunFolder(folder: RunFolder, identity: RunIdentity, warnings: Warnings, onUnpublished?: (count: UnpublishedCount) => void): Run | undefined {
  const log = new RunLog();
  for (const name of folder.eventFiles) {
    const rel = relPath(folder, name);
    let report: EventFileReport;
    try {
      report = readEventFile(`${folder.abs}/${name}`, log);
    } catch (error) {
      warnings.add(rel, `not readable (${(error as { code?: string }).code ?? String(error)}); skipped`);
      continue;
    }
    warnFile(rel, report, warnings);
  }
  if (log.events === 0) {
    warnings.add(folder.rel === '.' ? '' : folder.rel, `no event could be read from ${plural(folder.eventFiles.length, 'event file')}; run skipped`);
    return undefined;
  }
  const runPath = folder.rel === '.' ? '' : folder.rel;
  for (const problem of log.problems.values()) warnings.add(runPath, `tag ${JSON.stringify(problem.tag)}: ${plural(problem.count, 'value')} skipped: ${problem.message}`);
  reportUnpublished(log, identity.label, runPath, onUnpublished);
  const provenance = folder.eventFiles.length === 1 ? relPath(folder, folder.eventFiles[0] as string) : runPath;
  return {
    id: identity.id,
    experimentId: identity.experimentId,
    name: folder.rel,
    status: SESSION_STATUS[log.sessionEnd?.status ?? 0] ?? 'FINISHED',
    lifecycleStage: 'active',
    startTime: Math.round(log.firstWallTime * 1000),
    endTime: Math.round(log.lastWallTime * 1000),
    params: runParams(paramSources(folder, log, warnings)),
    tags: {},
    metrics: metricsOf(log),
    inputs: [],
    artifacts: [],
    loggedModels: [],
    provenance: { tracker: 'tensorboard', path: provenance ? `${identity.label}/${provenance}` : identity.label },
  };
}

function metricsOf(log: RunLog): Record<string, Metric> {
  const metrics: Record<string, Metric> = {};
  for (const [tag, columns] of log.scalars) {
    const metric = metricFromColumns(columns.columns());
    if (metric) metrics[tag] = metric;
  }
  return metrics;
}

function paramSources(folder: RunFolder, log: RunLog, warnings: Warnings): ParamSources {
  const sources: ParamSources = {};
  if (log.sessionStart) sources.plugin = log.sessionStart.hparams;
  if (log.argsText !== undefined) {
    const args = parseJsonObject(log.argsText);
    if (args) sources.args = args;
    else warnings.add(folder.rel === '.' ? '' : folder.rel, 'the `args` text summary is not a JSON object; not read as params');
  }
  if (folder.sideFiles.includes(HPARAMS_YAML)) {
    const rel = relPath(folder, HPARAMS_YAML);
    const text = readText(`${folder.abs}/${HPARAMS_YAML}`, MAX_YAML_BYTES);
    const yaml = text.ok ? readHparamsYaml(text.text) : text;
    if (yaml.ok) sources.yaml = yaml;
    else warnings.add(rel, `${yaml.message}; its params are not read`);
  }
  return sources;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function warnFile(rel: string, report: EventFileReport, warnings: Warnings): void {
  const { badCrc, undecodable, badWallTime, stop } = report;
  if (badCrc) warnings.add(rel, `${plural(badCrc.count, 'record')} failed the data CRC-32C check and ${badCrc.count === 1 ? 'was' : 'were'} skipped (first at byte ${badCrc.first})`);
  if (undecodable) warnings.add(rel, `${plural(undecodable.count, 'record')} holding no Event protobuf skipped (first at byte ${undecodable.first})`);
  if (badWallTime) warnings.add(rel, `${plural(badWallTime.count, 'event')} without a wall time (NaN) skipped (first at byte ${badWallTime.first})`);
  if (!stop) return;
  if (stop.reason === 'truncated') warnings.add(rel, `ends inside a record at byte ${stop.offset} (a writer still running, or killed); the ${plural(report.records, 'complete record')} before it are kept`);
  else if (stop.offset === 0 && report.records === 0) warnings.add(rel, 'not a TensorBoard event file (its first bytes are not a TFRecord header); skipped');
  else if (stop.reason === 'bad-length-crc') warnings.add(rel, `record length at byte ${stop.offset} failed its CRC-32C check: the framing is lost, the rest of the file is skipped`);
  else warnings.add(rel, `record at byte ${stop.offset} claims ${stop.length} bytes (over 2 GiB): the rest of the file is skipped`);
}

function reportUnpublished(log: RunLog, label: string, runPath: string, onUnpublished: ((count: UnpublishedCount) => void) | undefined): void {
  if (!onUnpublished) return;
  const path = runPath ? `${label}/${runPath}` : label;
  for (const [kind, tags] of log.others) {
    for (const [key, count] of tags) {
      const readAs = log.readAs.get(key);
      onUnpublished({ path, tracker: 'tensorboard', kind, key, count, ...(readAs ? { readAs } : {}) });
    }
  }
}

function relPath(folder: RunFolder, name: string): string {
  return folder.rel === '.' ? name : `${folder.rel}/${name}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
