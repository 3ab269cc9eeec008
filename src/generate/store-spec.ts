/**
 * A store to write: the input of the seeded writers (write-mlruns.ts, write-sqlite.ts), built by
 * synthetic.ts and the demo generator. It mirrors src/lib/model.ts, but describes what a user
 * logged rather than what a reader reports: metric points in logging order with plain numbers
 * (NaN and ±Infinity allowed), artifact files with their text, no derived `latest`.
 *
 * System tags follow from fields, as MLflow's client sets them: `mlflow.runName` from `name`,
 * `mlflow.user` from `user`, `mlflow.parentRunId` from `parentId`, `mlflow.note.content` from
 * `description` (for experiments too). Give them in `tags` only with the same value.
 *
 * `validateSpec` rejects a spec no MLflow could have written (dangling ids, a run still active in
 * a deleted experiment, an alias to a missing version…), so writers and tests can trust it.
 */
import type { LifecycleStage, RunStatus } from '../lib/model.ts';

/** Which MLflow wrote a file store: 2.x (run_uuid in run meta, no logged models) or the latest 3.x. */
export type MlflowFlavor = 'mlflow2' | 'mlflow3';

export interface StoreSpec {
  /** File-store flavour; the SQLite writer always writes the current schema. Default `mlflow3`. */
  flavor?: MlflowFlavor;
  experiments: ExperimentSpec[];
  runs: RunSpec[];
  models?: RegisteredModelSpec[];
}

export interface ExperimentSpec {
  /** Experiment id; digits only when the spec is also written to SQLite (an INTEGER column). */
  id: string;
  name: string;
  /** Default `active`; `deleted` experiments go to `.trash/` and all their runs must be deleted. */
  lifecycleStage?: LifecycleStage;
  creationTime: number;
  /** Default: creationTime. For a deleted experiment, when it was deleted. */
  lastUpdateTime?: number;
  tags?: Record<string, string>;
  /** Markdown note, written as tag `mlflow.note.content`. */
  description?: string;
  /** Default: `<artifactRoot>/<id>` (what MLflow derives from the store's artifact root). */
  artifactLocation?: string;
}

export interface MetricPointSpec {
  step: number;
  /** Epoch ms. */
  timestamp: number;
  /** Any number: NaN and ±Infinity are kept as MLflow keeps them. */
  value: number;
}

export interface DatasetSpec {
  name: string;
  digest: string;
  /** `local`, `code`, `s3`, `hugging_face`, … */
  sourceType: string;
  /** Source description, usually JSON. */
  source: string;
  schema?: string;
  profile?: string;
}

export interface InputSpec {
  dataset: DatasetSpec;
  /** Tag `mlflow.data.context` of the input: `train`, `eval`, … */
  context?: string;
}

export interface ArtifactFileSpec {
  /** `/`-separated path under the artifact root. */
  path: string;
  /** UTF-8 text of the file. */
  content: string;
}

export interface LoggedModelSpec {
  /** `m-<32 hex>`. */
  id: string;
  name: string;
  creationTime: number;
  lastUpdatedTime?: number;
  /** Default READY. */
  status?: 'PENDING' | 'READY' | 'FAILED';
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** Files of the model (MLflow 3 keeps them under the experiment's `models/<id>/artifacts/`). */
  artifacts?: ArtifactFileSpec[];
}

export interface RunSpec {
  /** 32 hex digits for MLflow. */
  id: string;
  experimentId: string;
  name: string;
  status: RunStatus;
  /** Default `active`. */
  lifecycleStage?: LifecycleStage;
  startTime: number;
  endTime?: number;
  /** When a deleted run was deleted; default endTime, else startTime. */
  deletedTime?: number;
  user?: string;
  parentId?: string;
  /** Markdown note, written as tag `mlflow.note.content`. */
  description?: string;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** Metric key (may hold `/`) → points in logging order. */
  metrics?: Record<string, MetricPointSpec[]>;
  inputs?: InputSpec[];
  artifacts?: ArtifactFileSpec[];
  /** MLflow 3 only. */
  loggedModels?: LoggedModelSpec[];
}

export interface ModelVersionSpec {
  version: number;
  /** `None` (default), `Staging`, `Production`, `Archived`, or `Deleted_Internal` (soft-deleted). */
  stage?: string;
  /** Default READY. */
  status?: string;
  runId?: string;
  /** `runs:/<run>/model`, `models:/m-…`, a path. */
  source: string;
  description?: string;
  creationTime: number;
  lastUpdatedTime?: number;
  tags?: Record<string, string>;
}

export interface RegisteredModelSpec {
  name: string;
  description?: string;
  creationTime: number;
  lastUpdatedTime?: number;
  tags?: Record<string, string>;
  versions: ModelVersionSpec[];
  /** Alias → version number. */
  aliases?: Record<string, number>;
}

export const NOTE_TAG = 'mlflow.note.content';
export const DELETED_STAGE = 'Deleted_Internal';

export class SpecError extends Error {
  override name = 'SpecError';
}

/** Tags as stored: the given ones plus the system tags MLflow derives from the run's fields. */
export function runTags(run: RunSpec): Record<string, string> {
  return withDerived(`run ${run.id}`, run.tags, {
    'mlflow.runName': run.name,
    'mlflow.user': run.user,
    'mlflow.parentRunId': run.parentId,
    [NOTE_TAG]: run.description,
  });
}

/** Experiment tags as stored, the note included. */
export function experimentTags(experiment: ExperimentSpec): Record<string, string> {
  return withDerived(`experiment ${experiment.id}`, experiment.tags, { [NOTE_TAG]: experiment.description });
}

function withDerived(what: string, given: Record<string, string> | undefined, derived: Record<string, string | undefined>): Record<string, string> {
  const tags: Record<string, string> = { ...given };
  for (const [key, value] of Object.entries(derived)) {
    if (value === undefined) continue;
    if (key in tags && tags[key] !== value) {
      throw new SpecError(`${what}: tag ${key} is ${JSON.stringify(tags[key])} but the field says ${JSON.stringify(value)}`);
    }
    tags[key] = value;
  }
  return tags;
}

/** When a deleted run was deleted, as the writers record it. */
export function deletedTimeOf(run: RunSpec): number | undefined {
  if ((run.lifecycleStage ?? 'active') !== 'deleted') return undefined;
  return run.deletedTime ?? run.endTime ?? run.startTime;
}

/** Throws a SpecError naming the first thing no MLflow store could hold. */
export function validateSpec(spec: StoreSpec): void {
  const experiments = new Map<string, ExperimentSpec>();
  const names = new Set<string>();
  for (const e of spec.experiments) {
    if (experiments.has(e.id)) throw new SpecError(`experiment ${e.id} is listed twice`);
    // mlflow/utils/validation.py `_validate_experiment_id`; `models` is the file store's registry folder.
    if (!/^[a-zA-Z0-9][\w-]{0,63}$/.test(e.id) || e.id === 'models') throw new SpecError(`experiment ${JSON.stringify(e.id)}: not a valid experiment id`);
    if (names.has(e.name)) throw new SpecError(`experiment ${e.id}: another experiment is already named ${JSON.stringify(e.name)} (MLflow keeps names unique)`);
    names.add(e.name);
    experiments.set(e.id, e);
    experimentTags(e);
    for (const key of Object.keys(e.tags ?? {})) checkKey(`experiment ${e.id} tag`, key);
  }
  const runIds = new Set(spec.runs.map((r) => r.id));
  if (runIds.size !== spec.runs.length) throw new SpecError('a run id is listed twice');
  for (const run of spec.runs) validateRun(spec, run, experiments, runIds);
  const loggedModels = spec.runs.flatMap((r) => (r.loggedModels ?? []).map((m) => m.id));
  if (new Set(loggedModels).size !== loggedModels.length) throw new SpecError('a logged model id is listed twice');
  const modelNames = (spec.models ?? []).map((m) => m.name);
  if (new Set(modelNames).size !== modelNames.length) throw new SpecError('a registered model name is listed twice');
  for (const model of spec.models ?? []) validateModel(model, runIds);
}

function validateRun(spec: StoreSpec, run: RunSpec, experiments: Map<string, ExperimentSpec>, runIds: Set<string>): void {
  const what = `run ${run.id}`;
  if (!/^[0-9a-zA-Z_-]{1,32}$/.test(run.id)) throw new SpecError(`${what}: id must be 1–32 letters, digits, _ or -`);
  const experiment = experiments.get(run.experimentId);
  if (!experiment) throw new SpecError(`${what}: experiment ${run.experimentId} is not in the spec`);
  if (experiment.lifecycleStage === 'deleted' && run.lifecycleStage !== 'deleted') {
    throw new SpecError(`${what}: experiment ${experiment.id} is deleted, so the run must be deleted too (delete_experiment deletes its runs)`);
  }
  if (run.parentId !== undefined && !runIds.has(run.parentId)) throw new SpecError(`${what}: parent ${run.parentId} is not in the spec`);
  runTags(run);
  for (const key of Object.keys(run.params ?? {})) checkKey(`${what} param`, key);
  for (const key of Object.keys(run.tags ?? {})) checkKey(`${what} tag`, key);
  for (const [key, points] of Object.entries(run.metrics ?? {})) {
    checkKey(`${what} metric`, key);
    for (const p of points) {
      if (!Number.isSafeInteger(p.step) || !Number.isSafeInteger(p.timestamp)) {
        throw new SpecError(`${what} metric ${key}: step and timestamp must be integers, got ${p.step} and ${p.timestamp}`);
      }
    }
  }
  const datasets = (run.inputs ?? []).map((i) => `${i.dataset.name}@${i.dataset.digest}`);
  if (new Set(datasets).size !== datasets.length) {
    throw new SpecError(`${what}: a dataset is logged twice as an input; MLflow keeps one input per dataset and run`);
  }
  for (const file of [...(run.artifacts ?? []), ...(run.loggedModels ?? []).flatMap((m) => m.artifacts ?? [])]) {
    checkKey(`${what} artifact`, file.path);
  }
  if ((run.loggedModels ?? []).length > 0 && spec.flavor === 'mlflow2') {
    throw new SpecError(`${what}: logged models exist from MLflow 3 on, but the spec's flavor is mlflow2`);
  }
}

function validateModel(model: RegisteredModelSpec, runIds: Set<string>): void {
  const what = `registered model ${JSON.stringify(model.name)}`;
  if (model.name === '' || /[/\\%]/.test(model.name)) throw new SpecError(`${what}: a name must be non-empty without /, \\ or %`);
  const versions = new Map<number, ModelVersionSpec>();
  for (const v of model.versions) {
    if (!Number.isSafeInteger(v.version) || v.version < 1) throw new SpecError(`${what}: version ${v.version} is not a positive integer`);
    if (versions.has(v.version)) throw new SpecError(`${what}: version ${v.version} is listed twice`);
    if (v.runId !== undefined && !runIds.has(v.runId)) throw new SpecError(`${what} version ${v.version}: run ${v.runId} is not in the spec`);
    versions.set(v.version, v);
  }
  for (const [alias, version] of Object.entries(model.aliases ?? {})) {
    const target = versions.get(version);
    if (!target || target.stage === DELETED_STAGE) throw new SpecError(`${what}: alias ${alias} points at version ${version}, which it does not have`);
  }
}

/** Keys become file paths in a file store: MLflow's validation refuses `..` segments and absolute paths. */
function checkKey(what: string, key: string): void {
  const bad = key === '' || key.startsWith('/') || key.endsWith('/') || key.split('/').some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new SpecError(`${what} ${JSON.stringify(key)}: not a valid relative path`);
}

/** `<root>/<part>`, joined as MLflow's `append_to_uri_path` joins (one slash, whatever the root ends with). */
export function appendUri(root: string, ...parts: string[]): string {
  let uri = root;
  for (const part of parts) uri = uri.endsWith('/') ? `${uri}${part}` : `${uri}/${part}`;
  return uri;
}
