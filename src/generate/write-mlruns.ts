/**
 * Writes a StoreSpec as an MLflow file store (`mlruns/`), byte for byte as MLflow's FileStore
 * leaves it (mlflow/store/tracking/file_store.py, mlflow/store/model_registry/file_store.py):
 * - `<exp>/meta.yaml`, `<exp>/tags/<key>`; deleted experiments under `.trash/<exp>/`;
 * - `<exp>/<run>/meta.yaml`, `params/`, `tags/`, `metrics/` (one file per key, `/` in a key makes
 *   sub-folders), `artifacts/`; metric lines `timestamp value step` with Python's str(float);
 * - datasets as `<exp>/datasets/<md5(name+digest)>/meta.yaml`, run inputs as
 *   `<run>/inputs/<md5(dataset_id+run_id)>/meta.yaml`;
 * - MLflow 3 logged models under `<exp>/models/<id>/`, linked by `<run>/outputs/<id>/meta.yaml`;
 * - the registry under `models/<name>/` (see write-mlruns-registry.ts).
 * meta.yaml files are PyYAML's output (pyyaml.ts). The target directory must be missing or empty.
 * The result is a function of (spec, artifact root): two writes give identical trees.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dumpYaml, type YamlMapping } from './pyyaml.ts';
import {
  appendUri, deletedTimeOf, experimentTags, runTags, validateSpec, SpecError,
  type ArtifactFileSpec, type DatasetSpec, type ExperimentSpec, type MlflowFlavor, type RunSpec, type StoreSpec,
} from './store-spec.ts';
import { writeRegistry } from './write-mlruns-registry.ts';

export interface WriteMlrunsOptions {
  /**
   * The store's artifact root as MLflow records it. Default: the store folder as a `file://` URI,
   * which is what FileStore derives (`path_to_local_file_uri(root_directory)`).
   */
  artifactRoot?: string;
}

// RunStatus codes of mlflow/protos/service.proto, as file_store.py persists them.
const STATUS_CODE = { RUNNING: 1, SCHEDULED: 2, FINISHED: 3, FAILED: 4, KILLED: 5 } as const;
// SourceType.LOCAL: `_make_persisted_run_info_dict` stores it for every run.
const SOURCE_TYPE_LOCAL = 4;
// LoggedModelStatus of mlflow/protos/service.proto.
const LOGGED_MODEL_STATUS = { PENDING: 1, READY: 2, FAILED: 3 } as const;

export function writeMlruns(spec: StoreSpec, root: string, options: WriteMlrunsOptions = {}): void {
  validateSpec(spec);
  const abs = resolve(root);
  ensureEmptyDir(abs);
  const flavor = spec.flavor ?? 'mlflow3';
  const artifactRoot = options.artifactRoot ?? pathToFileURL(abs).href;
  mkdirSync(join(abs, '.trash')); // FileStore creates it on first use
  const locations = new Map<string, { dir: string; artifactLocation: string }>();
  for (const experiment of spec.experiments) {
    const parent = experiment.lifecycleStage === 'deleted' ? join(abs, '.trash') : abs;
    const dir = join(parent, experiment.id);
    const artifactLocation = experiment.artifactLocation ?? appendUri(artifactRoot, experiment.id);
    writeExperiment(dir, experiment, artifactLocation, flavor);
    locations.set(experiment.id, { dir, artifactLocation });
  }
  const datasetsWritten = new Map<string, string>();
  const logged = new Map<string, string>();
  for (const run of spec.runs) {
    const location = locations.get(run.experimentId) as { dir: string; artifactLocation: string };
    writeRun(location.dir, location.artifactLocation, run, flavor, datasetsWritten);
    for (const model of run.loggedModels ?? []) logged.set(model.id, appendUri(location.artifactLocation, 'models', model.id, 'artifacts'));
  }
  if (spec.models && spec.models.length > 0) writeRegistry(join(abs, 'models'), spec.models, flavor, logged);
}

function ensureEmptyDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new SpecError(`${dir}: expected a missing or empty folder to write the store into, found files`);
}

function writeExperiment(dir: string, e: ExperimentSpec, artifactLocation: string, flavor: MlflowFlavor): void {
  const meta: YamlMapping = {
    artifact_location: artifactLocation,
    creation_time: e.creationTime,
    experiment_id: e.id,
    last_update_time: e.lastUpdateTime ?? e.creationTime,
    lifecycle_stage: e.lifecycleStage ?? 'active',
    name: e.name,
  };
  if (flavor === 'mlflow3') Object.assign(meta, { trace_location: null, workspace: 'default' });
  const tags = experimentTags(e);
  // create_experiment leaves tags out of meta.yaml; delete_experiment rewrites it from the
  // Experiment entity, whose `tags` is a mapping.
  if (e.lifecycleStage === 'deleted') meta.tags = tags;
  writeText(join(dir, 'meta.yaml'), dumpYaml(meta));
  writeValues(join(dir, 'tags'), tags);
}

function writeRun(expDir: string, expArtifacts: string, run: RunSpec, flavor: MlflowFlavor, datasets: Map<string, string>): void {
  const dir = join(expDir, run.id);
  const meta: YamlMapping = {
    artifact_uri: appendUri(expArtifacts, run.id, 'artifacts'),
    end_time: run.endTime ?? null,
    entry_point_name: '',
    experiment_id: run.experimentId,
    lifecycle_stage: run.lifecycleStage ?? 'active',
    run_id: run.id,
    run_name: run.name,
    source_name: '',
    source_type: SOURCE_TYPE_LOCAL,
    source_version: '',
    start_time: run.startTime,
    status: STATUS_CODE[run.status],
    tags: [], // kept for MLflow < 1.0 readers (`_make_persisted_run_info_dict`)
    user_id: run.user ?? null,
  };
  if (flavor === 'mlflow2') meta.run_uuid = run.id; // RunInfo lost run_uuid in MLflow 3
  const deleted = deletedTimeOf(run);
  if (deleted !== undefined) meta.deleted_time = deleted;
  writeText(join(dir, 'meta.yaml'), dumpYaml(meta));
  // create_run makes these three folders whatever gets logged.
  for (const sub of ['metrics', 'params', 'artifacts']) mkdirSync(join(dir, sub), { recursive: true });
  writeValues(join(dir, 'params'), run.params ?? {});
  writeValues(join(dir, 'tags'), runTags(run));
  for (const [key, points] of Object.entries(run.metrics ?? {})) {
    writeText(join(dir, 'metrics', key), points.map((p) => `${p.timestamp} ${pythonFloat(p.value)} ${p.step}\n`).join(''));
  }
  for (const input of run.inputs ?? []) {
    const datasetId = md5(input.dataset.name, input.dataset.digest);
    writeDataset(join(expDir, 'datasets', datasetId), input.dataset, datasets, `run ${run.id}`);
    // `_FileStoreInput.write_yaml` writes the dataset id as destination_id too (a FileStore quirk).
    writeText(join(dir, 'inputs', md5(datasetId, run.id), 'meta.yaml'), dumpYaml({
      destination_id: datasetId,
      destination_type: 'RUN',
      source_id: datasetId,
      source_type: 'DATASET',
      tags: input.context === undefined ? {} : { 'mlflow.data.context': input.context },
    }));
  }
  writeFiles(join(dir, 'artifacts'), run.artifacts ?? []);
  for (const model of run.loggedModels ?? []) {
    const modelDir = join(expDir, 'models', model.id);
    writeText(join(modelDir, 'meta.yaml'), dumpYaml({
      artifact_location: appendUri(expArtifacts, 'models', model.id, 'artifacts'),
      creation_timestamp: model.creationTime,
      experiment_id: run.experimentId,
      last_updated_timestamp: model.lastUpdatedTime ?? model.creationTime,
      model_id: model.id,
      model_type: null,
      name: model.name,
      source_run_id: run.id,
      status: LOGGED_MODEL_STATUS[model.status ?? 'READY'],
      status_message: null,
    }));
    writeValues(join(modelDir, 'params'), model.params ?? {});
    writeValues(join(modelDir, 'tags'), model.tags ?? {});
    writeFiles(join(modelDir, 'artifacts'), model.artifacts ?? []);
    // As the fixtures show it: source and destination both name the model.
    writeText(join(dir, 'outputs', model.id, 'meta.yaml'), dumpYaml({
      destination_id: model.id,
      destination_type: 'MODEL_OUTPUT',
      source_id: model.id,
      source_type: 'RUN_OUTPUT',
      step: 0,
      tags: {},
    }));
  }
}

/** log_inputs writes a dataset's meta.yaml once per experiment; a second, different one is a spec error. */
function writeDataset(dir: string, dataset: DatasetSpec, written: Map<string, string>, what: string): void {
  const text = dumpYaml({
    digest: dataset.digest,
    name: dataset.name,
    profile: dataset.profile ?? null,
    schema: dataset.schema ?? null,
    source: dataset.source,
    source_type: dataset.sourceType,
  });
  const previous = written.get(dir);
  if (previous === undefined) {
    writeText(join(dir, 'meta.yaml'), text);
    written.set(dir, text);
  } else if (previous !== text) {
    throw new SpecError(`${what}: dataset ${dataset.name}@${dataset.digest} differs from an earlier input with the same name and digest`);
  }
}

/** FileStore's `file_store.py` hashes: `md5(a + b)`, hex. */
function md5(a: string, b: string): string {
  return createHash('md5').update(a, 'utf8').update(b, 'utf8').digest('hex');
}

/** One file per key, the value without a trailing newline (`_set_run_tag`, `_log_run_param`). */
function writeValues(dir: string, values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) writeText(join(dir, key), value);
}

function writeFiles(dir: string, files: ArtifactFileSpec[]): void {
  for (const file of files) writeText(join(dir, file.path), file.content);
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
}

/**
 * Python's `str(float)` (repr, shortest round-trip digits): `1.0`, `0.0001`, `1e-05`, `1e+16`,
 * `nan`, `inf`, `-inf`. `_log_run_metric` writes the value with an f-string, which is this.
 */
export function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest digits that round-trip, as repr does.
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const sign = n < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}.${digits.slice(exp + 1) || '0'}`;
}
