/**
 * Synthetic MLflow SQLite stores for tests and measurements. Tables are created from MLflow's own
 * DDL (scripts/lib/mlflow-sqlite-schema.ts: a current 3.x schema and the 2.3 one), so a synthetic
 * store has exactly the tables, columns and indexes MLflow creates.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { METRICS_INDEXES, SCHEMA, SCHEMA_2_3 } from '../../scripts/lib/mlflow-sqlite-schema.ts';
import { SHARED_FIXTURES } from './fixtures.ts';

/** The real databases outside the repository: the conformance suite only. */
export const REAL_DB_DIR = path.join(SHARED_FIXTURES, 'real-db');
/** A current MLflow 3.x schema (logged models, workspaces). */
export const SCHEMA_3X = `${SCHEMA}\n${METRICS_INDEXES}`;
/** The MLflow 2.3 schema: no datasets, inputs, traces or logged models. */
export { SCHEMA_2_3 };

/** The tables Runfolio reads, in an order that satisfies foreign keys. */
export const MLFLOW_TABLES = [
  'alembic_version', 'experiments', 'experiment_tags', 'runs', 'params', 'tags', 'metrics', 'latest_metrics',
  'datasets', 'inputs', 'input_tags', 'logged_models', 'registered_models', 'registered_model_tags',
  'model_versions', 'model_version_tags', 'registered_model_aliases',
] as const;

/** CREATE TABLE and CREATE INDEX statements of `tables` (those the schema has), in an order that satisfies foreign keys. */
export function schemaStatements(schema: string, tables: readonly string[]): string[] {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(schema);
    const rows = db
      .prepare("SELECT type, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') ORDER BY type DESC, rowid")
      .all() as { type: string; tbl_name: string; sql: string }[];
    return tables.flatMap((table) => rows.filter((r) => r.tbl_name === table).map((r) => r.sql));
  } finally {
    db.close();
  }
}

/** A new database at `file` with `schemaFrom`'s tables (default: the 3.x schema, every table); returned open for writing. */
export function createStore(file: string, options: { schemaFrom?: string; tables?: readonly string[] } = {}): DatabaseSync {
  // MLflow's SQLAlchemy engine leaves SQLite's foreign keys off, and so must a test that writes orphans.
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  for (const sql of schemaStatements(options.schemaFrom ?? SCHEMA_3X, options.tables ?? MLFLOW_TABLES)) db.exec(sql);
  return db;
}

export type Row = Record<string, string | number | bigint | null | undefined>;

/** Insert one row; `values` maps column → value, undefined leaves a column out (a column the table lacks is an error). */
export function insert(db: DatabaseSync, table: string, values: Row): void {
  const entries = Object.entries(values).filter((e): e is [string, string | number | bigint | null] => e[1] !== undefined);
  const sql = `INSERT INTO "${table}" (${entries.map(([c]) => `"${c}"`).join(', ')}) VALUES (${entries.map(() => '?').join(', ')})`;
  db.prepare(sql).run(...entries.map(([, v]) => v));
}

export interface SyntheticShape {
  experiments: number;
  runs: number;
  metricKeys: number;
  steps: number;
  params?: number;
  tags?: number;
}

/** A run id as MLflow makes them: 32 hex digits. */
export function runId(i: number): string {
  return i.toString(16).padStart(32, '0');
}

/**
 * Fill a store with runs shaped like a training sweep: each run logs `metricKeys` metrics at
 * `steps` steps, step-major as a training loop does, plus `latest_metrics` rows as MLflow keeps them.
 */
export function fillSynthetic(db: DatabaseSync, shape: SyntheticShape): void {
  const t0 = 1_700_000_000_000;
  db.exec('BEGIN');
  for (let e = 0; e < shape.experiments; e++) {
    insert(db, 'experiments', { experiment_id: e, name: `experiment-${e}`, artifact_location: `mlflow-artifacts:/${e}`, lifecycle_stage: 'active', creation_time: t0, last_update_time: t0 });
  }
  const runSql = db.prepare('INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id, source_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const paramSql = db.prepare('INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)');
  const tagSql = db.prepare('INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)');
  const metricSql = db.prepare('INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)');
  const latestSql = db.prepare('INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, 0, ?)');
  const keys = Array.from({ length: shape.metricKeys }, (_, k) => `metric_${k}`);
  for (let r = 0; r < shape.runs; r++) {
    const id = runId(r);
    const start = t0 + r * 1_000_000;
    runSql.run(id, `run-${r}`, 'alice', r % 10 === 0 ? 'FAILED' : 'FINISHED', start, start + 999_999, 'active', `mlflow-artifacts:/0/${id}/artifacts`, r % shape.experiments, 'LOCAL');
    for (let p = 0; p < (shape.params ?? 10); p++) paramSql.run(`param_${p}`, String((r * 7 + p) % 13), id);
    for (let t = 0; t < (shape.tags ?? 5); t++) tagSql.run(`tag_${t}`, `value ${r} ${t}`, id);
    for (let s = 0; s < shape.steps; s++) {
      for (let k = 0; k < keys.length; k++) metricSql.run(keys[k] as string, Math.sin(r + s * 0.1 + k), start + s * 100 + k, id, s);
    }
    const last = shape.steps - 1;
    if (last >= 0) for (let k = 0; k < keys.length; k++) latestSql.run(keys[k] as string, Math.sin(r + last * 0.1 + k), start + last * 100 + k, last, id);
  }
  db.exec('COMMIT');
}

/** Every file of `dir` → SHA-256 of its content (`skipContent`: names whose presence counts, not their bytes). */
export function folderState(dir: string, skipContent: readonly string[] = []): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    state[name] = skipContent.includes(name) ? 'present' : createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex');
  }
  return state;
}

export const GOOD_RUN = 'a'.repeat(32);

/**
 * A store at `<dir>/mlflow.db` with experiment 1 and one healthy run (GOOD_RUN: a param, a tag,
 * a metric with two points and its latest_metrics row, where those tables exist), returned open for more rows.
 */
export function healthyStore(dir: string, options: { schemaFrom?: string; tables?: readonly string[] } = {}): { file: string; db: DatabaseSync } {
  const file = path.join(dir, 'mlflow.db');
  const db = createStore(file, options);
  insert(db, 'experiments', { experiment_id: 1, name: 'exp', lifecycle_stage: 'active', artifact_location: 'mlflow-artifacts:/1' });
  insertRun(db, GOOD_RUN);
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  if (has('params')) insert(db, 'params', { key: 'lr', value: '0.01', run_uuid: GOOD_RUN });
  if (has('tags')) insert(db, 'tags', { key: 'mlflow.runName', value: 'good', run_uuid: GOOD_RUN });
  if (has('metrics')) {
    insert(db, 'metrics', { key: 'loss', value: 0.5, timestamp: 1_700_000_000_100, run_uuid: GOOD_RUN, step: 0, is_nan: 0 });
    insert(db, 'metrics', { key: 'loss', value: 0.25, timestamp: 1_700_000_000_200, run_uuid: GOOD_RUN, step: 1, is_nan: 0 });
  }
  if (has('latest_metrics')) insert(db, 'latest_metrics', { key: 'loss', value: 0.25, timestamp: 1_700_000_000_200, step: 1, is_nan: 0, run_uuid: GOOD_RUN });
  return { file, db };
}

/** A FINISHED run in experiment 1; `values` overrides or adds columns. */
export function insertRun(db: DatabaseSync, id: string, values: Row = {}): void {
  insert(db, 'runs', {
    run_uuid: id, name: `run-${id.slice(0, 4)}`, status: 'FINISHED', lifecycle_stage: 'active', experiment_id: 1,
    start_time: 1_700_000_000_000, end_time: 1_700_000_001_000, user_id: 'ana', source_type: 'LOCAL', artifact_uri: `mlflow-artifacts:/1/${id}/artifacts`,
    ...values,
  });
}
