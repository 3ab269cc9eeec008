/**
 * Writes a StoreSpec as an MLflow SQLite tracking database (`mlflow.db`), rows as MLflow's
 * SqlAlchemyStore (mlflow/store/tracking/sqlalchemy_store.py) and SqlAlchemyStore of the
 * registry store them, in MLflow's current schema (mlflow-sqlite-schema.ts):
 * - metrics: NaN stored as value 0 with is_nan = 1, ±inf clamped to ±1.7976931348623157e308
 *   (`sanitize_metric_value`); a point equal to one already logged is dropped, as the metrics
 *   primary key makes MLflow drop it; `latest_metrics` holds the point with the greatest
 *   (step, timestamp, value), first logged winning ties (`_update_latest_metrics_if_necessary`);
 * - runs: status as its name, source_type UNKNOWN and empty source fields, as `create_run` leaves them;
 * - datasets and inputs: one dataset row per (experiment, name, digest), an `inputs` row
 *   DATASET → RUN and the context as input tag `mlflow.data.context`; logged models as
 *   `logged_models` rows and RUN_OUTPUT → MODEL_OUTPUT inputs.
 * MLflow makes random uuids for datasets and inputs; here they are md5 hashes of what identifies
 * them, so the same spec gives the same rows. Everything is written in one transaction with
 * prepared statements. The database file must not exist yet.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ALEMBIC_VERSION, METRICS_INDEXES, SCHEMA } from './mlflow-sqlite-schema.ts';
import {
  appendUri, deletedTimeOf, experimentTags, runTags, validateSpec, SpecError,
  type MetricPointSpec, type RegisteredModelSpec, type RunSpec, type StoreSpec,
} from '../../src/generate/store-spec.ts';

export interface WriteSqliteOptions {
  /** Default artifact root of the experiments. Default `mlflow-artifacts:` (a tracking server's). */
  artifactRoot?: string;
}

const MAX_FLOAT = 1.7976931348623157e308;
const LOGGED_MODEL_STATUS = { PENDING: 1, READY: 2, FAILED: 3 } as const;
const METRIC_BATCH = 50;

export function writeSqlite(spec: StoreSpec, file: string, options: WriteSqliteOptions = {}): void {
  validateSpec(spec);
  if (existsSync(file)) throw new SpecError(`${file}: the database already exists; the writer only creates new ones`);
  mkdirSync(dirname(file), { recursive: true });
  // Foreign keys are off, as in a plain sqlite3 session: validateSpec already guarantees them.
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  try {
    // A fresh file nobody else reads: no need to sync or keep a journal on disk while loading.
    db.exec('PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -262144;');
    db.exec(SCHEMA);
    db.exec('BEGIN');
    insertAll(db, spec, options.artifactRoot ?? 'mlflow-artifacts:');
    // Indexes on metrics are built once the rows are in: one sort instead of millions of updates.
    db.exec(METRICS_INDEXES);
    db.prepare('INSERT INTO alembic_version (version_num) VALUES (?)').run(ALEMBIC_VERSION);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

function insertAll(db: DatabaseSync, spec: StoreSpec, artifactRoot: string): void {
  const artifactLocations = new Map<string, string>();
  const insertExperiment = db.prepare('INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertExperimentTag = db.prepare('INSERT INTO experiment_tags ("key", value, experiment_id) VALUES (?, ?, ?)');
  for (const e of spec.experiments) {
    const location = e.artifactLocation ?? appendUri(artifactRoot, e.id);
    artifactLocations.set(e.id, location);
    const id = experimentId(e.id);
    insertExperiment.run(id, e.name, location, e.lifecycleStage ?? 'active', e.creationTime, e.lastUpdateTime ?? e.creationTime, 'default');
    for (const [key, value] of Object.entries(experimentTags(e))) insertExperimentTag.run(key, value, id);
  }
  const runWriter = new RunWriter(db);
  const loggedModels = new Map<string, string>();
  for (const run of spec.runs) {
    const location = artifactLocations.get(run.experimentId) as string;
    runWriter.write(run, location);
    for (const m of run.loggedModels ?? []) loggedModels.set(m.id, appendUri(location, 'models', m.id, 'artifacts'));
  }
  runWriter.flush();
  insertRegistry(db, spec.models ?? [], loggedModels);
}

/** Experiment ids are INTEGER columns; BigInt keeps 19-digit file-store ids exact. */
function experimentId(id: string): bigint {
  if (!/^\d+$/.test(id)) throw new SpecError(`experiment ${JSON.stringify(id)}: SQLite stores experiment ids as integers, so the id must be digits`);
  return BigInt(id);
}

class RunWriter {
  private readonly run;
  private readonly param;
  private readonly tag;
  private readonly metric;
  private readonly metricBatch;
  /** Pending metric rows, 6 values each; sent METRIC_BATCH rows per statement (fewer calls into SQLite). */
  private readonly pending: (string | number)[] = [];
  private readonly latest;
  private readonly dataset;
  private readonly input;
  private readonly inputTag;
  private readonly model;
  private readonly modelParam;
  private readonly modelTag;
  private readonly datasets = new Set<string>();

  constructor(db: DatabaseSync) {
    this.run = db.prepare('INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) VALUES (?, ?, \'UNKNOWN\', \'\', \'\', ?, ?, ?, ?, \'\', ?, ?, ?, ?)');
    this.param = db.prepare('INSERT INTO params ("key", value, run_uuid) VALUES (?, ?, ?)');
    this.tag = db.prepare('INSERT INTO tags ("key", value, run_uuid) VALUES (?, ?, ?)');
    const metricInsert = 'INSERT OR IGNORE INTO metrics ("key", value, timestamp, run_uuid, step, is_nan) VALUES ';
    this.metric = db.prepare(`${metricInsert}(?, ?, ?, ?, ?, ?)`);
    this.metricBatch = db.prepare(metricInsert + new Array(METRIC_BATCH).fill('(?, ?, ?, ?, ?, ?)').join(', '));
    this.latest = db.prepare('INSERT INTO latest_metrics ("key", value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?)');
    this.dataset = db.prepare('INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.input = db.prepare('INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES (?, ?, ?, ?, ?, 0)');
    this.inputTag = db.prepare('INSERT INTO input_tags (input_uuid, name, value) VALUES (?, ?, ?)');
    this.model = db.prepare('INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage, model_type, source_run_id, status_message) VALUES (?, ?, ?, ?, ?, ?, ?, \'active\', \'\', ?, NULL)');
    this.modelParam = db.prepare('INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES (?, ?, ?, ?)');
    this.modelTag = db.prepare('INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?, ?, ?, ?)');
  }

  write(r: RunSpec, experimentArtifacts: string): void {
    const exp = experimentId(r.experimentId);
    this.run.run(r.id, r.name, r.user ?? null, r.status, r.startTime, r.endTime ?? null, r.lifecycleStage ?? 'active',
      appendUri(experimentArtifacts, r.id, 'artifacts'), exp, deletedTimeOf(r) ?? null);
    for (const [key, value] of Object.entries(r.params ?? {})) this.param.run(key, value, r.id);
    for (const [key, value] of Object.entries(runTags(r))) this.tag.run(key, value, r.id);
    for (const [key, points] of Object.entries(r.metrics ?? {})) this.writeMetric(r.id, key, points);
    for (const input of r.inputs ?? []) {
      const d = input.dataset;
      const datasetUuid = md5(`${r.experimentId}\n${d.name}\n${d.digest}`);
      if (!this.datasets.has(datasetUuid)) {
        this.datasets.add(datasetUuid);
        this.dataset.run(datasetUuid, exp, d.name, d.digest, d.sourceType, d.source, d.schema ?? null, d.profile ?? null);
      }
      const inputUuid = md5(`${datasetUuid}\n${r.id}`);
      this.input.run(inputUuid, 'DATASET', datasetUuid, 'RUN', r.id);
      if (input.context !== undefined) this.inputTag.run(inputUuid, 'mlflow.data.context', input.context);
    }
    for (const m of r.loggedModels ?? []) {
      this.model.run(m.id, exp, m.name, appendUri(experimentArtifacts, 'models', m.id, 'artifacts'), m.creationTime,
        m.lastUpdatedTime ?? m.creationTime, LOGGED_MODEL_STATUS[m.status ?? 'READY'], r.id);
      for (const [key, value] of Object.entries(m.params ?? {})) this.modelParam.run(m.id, exp, key, value);
      for (const [key, value] of Object.entries(m.tags ?? {})) this.modelTag.run(m.id, exp, key, value);
      this.input.run(md5(`${r.id}\n${m.id}`), 'RUN_OUTPUT', r.id, 'MODEL_OUTPUT', m.id);
    }
  }

  /** Sends the metric rows still pending, one statement each. */
  flush(): void {
    for (let i = 0; i < this.pending.length; i += 6) this.metric.run(...this.pending.slice(i, i + 6));
    this.pending.length = 0;
  }

  private writeMetric(runId: string, key: string, points: MetricPointSpec[]): void {
    let latest: { point: MetricPointSpec; value: number } | undefined;
    for (const point of points) {
      const value = sanitize(point.value);
      this.pending.push(key, value, point.timestamp, runId, point.step, Number.isNaN(point.value) ? 1 : 0);
      if (this.pending.length === METRIC_BATCH * 6) {
        this.metricBatch.run(...this.pending);
        this.pending.length = 0;
      }
      if (!latest || tupleGreater(point, value, latest.point, latest.value)) latest = { point, value };
    }
    if (latest) this.latest.run(key, latest.value, latest.point.timestamp, latest.point.step, Number.isNaN(latest.point.value) ? 1 : 0, runId);
  }
}

/** `sanitize_metric_value`: what the `value` column holds. */
function sanitize(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (value === Infinity) return MAX_FLOAT;
  if (value === -Infinity) return -MAX_FLOAT;
  return value;
}

/** `_compare_metrics`: Python tuple comparison over (step, timestamp, stored value). */
function tupleGreater(a: MetricPointSpec, av: number, b: MetricPointSpec, bv: number): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return av > bv;
}

function insertRegistry(db: DatabaseSync, models: RegisteredModelSpec[], loggedModels: Map<string, string>): void {
  const model = db.prepare('INSERT INTO registered_models (name, creation_time, last_updated_time, description, workspace) VALUES (?, ?, ?, ?, \'default\')');
  const modelTag = db.prepare('INSERT INTO registered_model_tags ("key", value, name, workspace) VALUES (?, ?, ?, \'default\')');
  const version = db.prepare('INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, status, status_message, run_link, storage_location, workspace) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, ?, \'default\')');
  const versionTag = db.prepare('INSERT INTO model_version_tags ("key", value, name, version, workspace) VALUES (?, ?, ?, ?, \'default\')');
  const alias = db.prepare('INSERT INTO registered_model_aliases (alias, version, name, workspace) VALUES (?, ?, ?, \'default\')');
  for (const m of models) {
    model.run(m.name, m.creationTime, m.lastUpdatedTime ?? m.creationTime, m.description ?? null);
    for (const [key, value] of Object.entries(m.tags ?? {})) modelTag.run(key, value, m.name);
    for (const v of m.versions) {
      const modelId = /^models:\/(m-[^/]+)$/.exec(v.source)?.[1];
      const storage = (modelId && loggedModels.get(modelId)) || v.source;
      version.run(m.name, v.version, v.creationTime, v.lastUpdatedTime ?? v.creationTime, v.description ?? null,
        v.stage ?? 'None', v.source, v.runId ?? null, v.status ?? 'READY', storage);
      for (const [key, value] of Object.entries(v.tags ?? {})) versionTag.run(key, value, m.name, v.version);
    }
    for (const [name, v] of Object.entries(m.aliases ?? {})) alias.run(name, v, m.name);
  }
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
