/**
 * Reader for run JSON: Runfolio's own Snapshot export, MLflow REST `runs/search` (or `runs/get`)
 * responses, and mlflow-export-import exports (a `run.json`, or a folder with `experiment.json`
 * and `run.json` files). The shape is recognised from the content, not the file name.
 *
 * Policy: a file that is not JSON, or JSON of none of these shapes, aborts with an InputError
 * naming the file and what was expected. Inside a recognised file, one run that fails its schema
 * is skipped with a warning naming it; a Snapshot file must be valid as a whole (it is ours).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import fg from 'fast-glob';
import type { z } from 'zod';
import { InputError } from '../../errors.ts';
import { SnapshotSchema, type Experiment, type Run } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import type { StoreContents } from '../types.ts';
import { uniqueRuns, type FoundRun } from '../unique-runs.ts';
import { Warnings } from '../warnings.ts';
import { describeSchemaError } from '../mlruns/meta-schemas.ts';
import { experimentFromJson, runFromExportImport, runFromRest } from './to-model.ts';
import { ExportImportExperimentJson, ExportImportRunJson, RestRunJson, RestSearchJson } from './schemas.ts';

export async function readJsonStore(path: string, label: string): Promise<StoreContents> {
  if ((await stat(path)).isDirectory()) return readExportImportFolder(path, label);
  const data = await readJsonFile(path);
  const warnings = new Warnings(label);
  if (isObject(data) && 'format' in data) return readSnapshot(data, path);
  if (isObject(data) && Array.isArray(data.runs)) return readRestSearch(data, warnings);
  if (isObject(data) && isObject(data.info) && isObject(data.data)) return readRestSearch({ runs: [data] }, warnings);
  if (isObject(data) && isObject(data.run)) return readRestSearch({ runs: [data.run] }, warnings);
  if (isObject(data) && isObject(data.mlflow)) {
    const runs = exportImportRun(data, basename(path), warnings);
    return { experiments: experimentsOf(runs, [], warnings), runs, models: [], warnings: warnings.list };
  }
  throw new InputError(
    `${path}: JSON of an unknown shape: expected a Runfolio export ("format": "runfolio.snapshot/1"), an MLflow runs/search response ({"runs": [...]}) or an mlflow-export-import run.json`,
  );
}

async function readJsonFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readSnapshot(data: Record<string, unknown>, path: string): StoreContents {
  const parsed = SnapshotSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(`${path}: not a valid Runfolio snapshot: ${describeAt(parsed.error)}`);
  const { format: _format, ...contents } = parsed.data;
  return contents;
}

function readRestSearch(data: Record<string, unknown>, warnings: Warnings): StoreContents {
  const shape = RestSearchJson.pick({ next_page_token: true }).safeParse(data);
  if (shape.success && shape.data.next_page_token) {
    warnings.add('', 'the response has a next_page_token: it holds only the first page of runs');
  }
  const found: FoundRun[] = [];
  (data.runs as unknown[]).forEach((raw, index) => {
    const run = parseOrWarn(RestRunJson, raw, `runs[${index}]`, warnings);
    if (run) found.push({ run: runFromRest(run), path: `runs[${index}]`, activeExperiment: true });
  });
  const runs = uniqueRuns(found, warnings);
  if (runs.length > 0) {
    warnings.add('', 'an MLflow runs/search response holds latest metric values only and no experiment names; histories have one point and experiments are named by id');
  }
  return { experiments: experimentsOf(runs, [], warnings), runs, models: [], warnings: warnings.list };
}

async function readExportImportFolder(root: string, label: string): Promise<StoreContents> {
  const warnings = new Warnings(label);
  const files = (await fg(['**/experiment.json', '**/run.json'], { cwd: root, deep: 6, followSymbolicLinks: false })).sort(compareStrings);
  if (files.length === 0) {
    throw new InputError(`${root}: not a store Runfolio can read: no mlruns experiments, mlflow.db, experiment.json or run.json inside`);
  }
  const experiments: Experiment[] = [];
  const found: FoundRun[] = [];
  for (const file of files) {
    const data = await readJsonFile(join(root, file));
    if (basename(file) === 'experiment.json') {
      const parsed = parseOrWarn(ExportImportExperimentJson, data, file, warnings);
      if (parsed) experiments.push(experimentFromJson(parsed.mlflow.experiment));
    } else {
      const path = relative(root, join(root, dirname(file), basename(file)));
      for (const run of exportImportRun(data, path, warnings)) found.push({ run, path, activeExperiment: true });
    }
  }
  const active = new Set(experiments.filter((e) => e.lifecycleStage === 'active').map((e) => e.id));
  const runs = uniqueRuns(found.map((f) => ({ ...f, activeExperiment: active.has(f.run.experimentId) || !experiments.some((e) => e.id === f.run.experimentId) })), warnings);
  return { experiments: experimentsOf(runs, experiments, warnings), runs, models: [], warnings: warnings.list };
}

function exportImportRun(data: unknown, path: string, warnings: Warnings): Run[] {
  const parsed = parseOrWarn(ExportImportRunJson, data, path, warnings);
  return parsed ? [runFromExportImport(parsed.mlflow)] : [];
}

/** The experiments given, plus a placeholder (named by id) for each run's experiment that is missing. */
function experimentsOf(runs: Run[], known: Experiment[], warnings: Warnings): Experiment[] {
  const byId = new Map(known.map((e) => [e.id, e]));
  for (const run of runs) {
    if (byId.has(run.experimentId)) continue;
    byId.set(run.experimentId, { id: run.experimentId, name: run.experimentId, lifecycleStage: 'active', tags: {} });
    if (known.length > 0) warnings.add('', `experiment ${run.experimentId} has runs but no experiment.json; named by its id`);
  }
  return [...byId.values()];
}

function parseOrWarn<S extends z.ZodType>(schema: S, data: unknown, where: string, warnings: Warnings): z.output<S> | undefined {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  warnings.add(where, `${describeAt(parsed.error)}; run skipped`);
  return undefined;
}

function describeAt(error: z.ZodError): string {
  const path = error.issues[0]?.path.map(String).join('.');
  const message = describeSchemaError(error);
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
