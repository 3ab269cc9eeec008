/**
 * One experiment folder of a file store: its meta.yaml, tags, datasets and MLflow 3 logged models,
 * and the list of its run folders. Rules (file_store.py):
 * - the folder name must equal meta.yaml's `experiment_id`, else MLflow ignores it (so do we, with a warning);
 * - experiments under `.trash/` are deleted whatever their meta.yaml says (MLflow 1.x only moved the folder);
 * - tags come from the `tags/` folder; 1.x inline `tags:` fill in only keys the folder lacks;
 * - run folders are the subfolders other than tags, datasets, traces and models;
 * - traces are counted, never read: Runfolio publishes runs.
 */
import type { Dirent } from 'node:fs';
import type { Experiment, LoggedModel } from '../../model.ts';
import { setOwn } from '../../order.ts';
import { listDir } from '../fs.ts';
import type { Warnings } from '../warnings.ts';
import { child, readMeta, readValueFolder, type StoreDir } from './files.ts';
import { DatasetMetaSchema, ExperimentMetaSchema, LoggedModelMetaSchema } from './meta-schemas.ts';
import { TAG } from '../system-tags.ts';
import type { DatasetsById } from './run.ts';

const RESERVED = new Set(['tags', 'datasets', 'traces', 'models']);

export interface ExperimentFolder {
  experiment: Experiment;
  dir: StoreDir;
  /** Dataset id → dataset, for run inputs to point at. */
  datasets: DatasetsById;
  /** MLflow 3 logged models of the experiment, with the run that produced each. */
  loggedModels: { model: LoggedModel; sourceRunId: string | undefined }[];
  runDirs: StoreDir[];
}

export function readExperiment(dir: StoreDir, inTrash: boolean, warnings: Warnings): ExperimentFolder | undefined {
  const meta = readMeta(dir, ExperimentMetaSchema, 'experiment', warnings);
  if (!meta) return undefined;
  const folderName = dir.rel.split('/').pop();
  if (meta.experiment_id !== folderName) {
    warnings.add(`${dir.rel}/meta.yaml`, `experiment_id is ${JSON.stringify(meta.experiment_id)} but the folder is ${JSON.stringify(folderName)}; MLflow ignores such an experiment, so do we`);
    return undefined;
  }
  if (inTrash && meta.lifecycle_stage === 'active') {
    warnings.add(dir.rel, 'in .trash but meta.yaml says lifecycle_stage: active; reported as deleted');
  }
  const entries = listDir(dir.abs) ?? [];
  const tags = readValueFolder(child(dir, 'tags'), 'tag', warnings);
  mergeInlineTags(tags, meta.tags);
  const experiment: Experiment = {
    id: meta.experiment_id,
    name: meta.name,
    lifecycleStage: inTrash ? 'deleted' : meta.lifecycle_stage,
    artifactLocation: meta.artifact_location,
    creationTime: meta.creation_time,
    lastUpdateTime: meta.last_update_time,
    tags,
    description: tags[TAG.note],
  };
  const datasets = readDatasets(child(dir, 'datasets'), warnings);
  const loggedModels = readLoggedModels(child(dir, 'models'), warnings);
  return { experiment, dir, datasets, loggedModels, runDirs: runFolders(dir, entries, warnings) };
}

function mergeInlineTags(tags: Record<string, string>, inline: unknown): void {
  if (!inline || typeof inline !== 'object' || Array.isArray(inline)) return;
  for (const [key, value] of Object.entries(inline)) {
    if (!(key in tags) && value != null) setOwn(tags, key, String(value));
  }
}

function runFolders(dir: StoreDir, entries: Dirent[], warnings: Warnings): StoreDir[] {
  const runs: StoreDir[] = [];
  for (const entry of entries) {
    if (entry.isSymbolicLink()) warnings.add(`${dir.rel}/${entry.name}`, 'symbolic link not followed');
    else if (entry.isDirectory() && !RESERVED.has(entry.name)) runs.push(child(dir, entry.name));
  }
  return runs;
}

function readDatasets(dir: StoreDir, warnings: Warnings): ExperimentFolder['datasets'] {
  const datasets: DatasetsById = {};
  for (const entry of listDir(dir.abs) ?? []) {
    if (!entry.isDirectory()) continue;
    const meta = readMeta(child(dir, entry.name), DatasetMetaSchema, 'dataset', warnings);
    if (!meta) continue;
    setOwn<DatasetsById[string]>(datasets, entry.name, {
      name: meta.name,
      digest: meta.digest,
      sourceType: meta.source_type,
      source: meta.source,
      schema: meta.schema,
      profile: meta.profile,
    });
  }
  return datasets;
}

function readLoggedModels(dir: StoreDir, warnings: Warnings): ExperimentFolder['loggedModels'] {
  const models: ExperimentFolder['loggedModels'] = [];
  for (const entry of listDir(dir.abs) ?? []) {
    if (!entry.isDirectory()) continue;
    const meta = readMeta(child(dir, entry.name), LoggedModelMetaSchema, 'logged model', warnings);
    if (!meta) continue;
    models.push({
      model: { id: meta.model_id, name: meta.name, creationTime: meta.creation_timestamp, status: meta.status },
      sourceRunId: meta.source_run_id,
    });
  }
  return models;
}
