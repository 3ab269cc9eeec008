/**
 * The SQLite reader against small databases built here with MLflow's own schema, one MLflow rule
 * per scenario (the real databases are checked in test/conformance/sqlite-fixtures.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT, SnapshotSchema, type Run } from '../../../src/lib/model.ts';
import { readSqlite } from '../../../src/lib/read/sqlite/index.ts';
import type { StoreContents } from '../../../src/lib/read/types.ts';
import { GOOD_RUN, SCHEMA_2_3, createStore, fillSynthetic, folderState, healthyStore, insert, insertRun } from '../../support/sqlite-store.ts';
import { tempDir } from '../../support/tmp.ts';

/** Reads `file` and checks that its folder is byte-for-byte the same afterwards, no file added. */
async function read(file: string): Promise<StoreContents> {
  const before = folderState(path.dirname(file));
  const contents = await readSqlite(file, 'mlflow.db');
  expect(folderState(path.dirname(file)), 'the store folder must not change').toEqual(before);
  expect(SnapshotSchema.safeParse({ format: SNAPSHOT_FORMAT, ...contents }).error).toBeUndefined();
  return contents;
}

function runOf(contents: StoreContents, id: string): Run {
  const run = contents.runs.find((r) => r.id === id);
  if (!run) throw new Error(`run ${id} not read`);
  return run;
}

describe('readSqlite(dbPath, label, { onProgress })', () => {
  it('reports runs done out of the total while reading metrics, ending with (total, total)', async () => {
    const file = path.join(tempDir(), 'mlflow.db');
    const db = createStore(file);
    fillSynthetic(db, { experiments: 2, runs: 300, metricKeys: 2, steps: 20 });
    db.close();
    const calls: [number, number][] = [];
    const contents = await readSqlite(file, 'mlflow.db', { onProgress: (done, total) => calls.push([done, total]) });
    expect(contents.runs).toHaveLength(300);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.every(([, total]) => total === 300)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([300, 300]);
  });
});

describe('readSqlite(dbPath, label): metric values and points', () => {
  it('reads a NaN (value 0, is_nan 1) as "NaN" and clamped infinities as the stored number', async () => {
    const { file, db } = healthyStore(tempDir());
    const rows: [string, number, number][] = [['nan', 0, 1], ['pinf', 1.7976931348623157e308, 0], ['ninf', -1.7976931348623157e308, 0]];
    for (const [key, value, isNan] of rows) {
      insert(db, 'metrics', { key, value, timestamp: 5, run_uuid: GOOD_RUN, step: 0, is_nan: isNan });
      insert(db, 'latest_metrics', { key, value, timestamp: 5, step: 0, is_nan: isNan, run_uuid: GOOD_RUN });
    }
    db.close();
    const { metrics } = runOf(await read(file), GOOD_RUN);
    expect(metrics.nan?.latest.value).toBe('NaN');
    expect(metrics.nan?.history.map((p) => p.value)).toEqual(['NaN']);
    expect(metrics.pinf?.latest.value).toBe(1.7976931348623157e308);
    expect(metrics.ninf?.history[0]?.value).toBe(-1.7976931348623157e308);
  });

  it('takes the latest point from latest_metrics, as MLflow shows it, even where the history disagrees', async () => {
    const { file, db } = healthyStore(tempDir());
    insert(db, 'metrics', { key: 'acc', value: 0.9, timestamp: 300, run_uuid: GOOD_RUN, step: 7, is_nan: 0 });
    insert(db, 'latest_metrics', { key: 'acc', value: 0.1, timestamp: 100, step: 3, is_nan: 0, run_uuid: GOOD_RUN });
    db.close();
    expect(runOf(await read(file), GOOD_RUN).metrics.acc?.latest).toEqual({ step: 3, timestamp: 100, value: 0.1 });
  });

  it('without a latest_metrics row, takes the greatest (step, timestamp, value)', async () => {
    const { file, db } = healthyStore(tempDir());
    for (const [step, timestamp, value] of [[2, 100, 0.1], [1, 900, 0.9], [2, 100, 0.3], [2, 50, 0.8]] as const) {
      insert(db, 'metrics', { key: 'acc', value, timestamp, run_uuid: GOOD_RUN, step, is_nan: 0 });
    }
    db.close();
    expect(runOf(await read(file), GOOD_RUN).metrics.acc?.latest).toEqual({ step: 2, timestamp: 100, value: 0.3 });
  });

  it('sorts the history by step, timestamp and value, keeping repeated steps, whatever the insertion order', async () => {
    const { file, db } = healthyStore(tempDir());
    const points = [[3, 10, 0.3], [1, 20, 0.5], [1, 10, 0.7], [1, 10, 0.2], [0, 99, 0.0]] as const;
    for (const [step, timestamp, value] of points) insert(db, 'metrics', { key: 'acc', value, timestamp, run_uuid: GOOD_RUN, step, is_nan: 0 });
    insert(db, 'metrics', { key: 'acc', value: 0, timestamp: 99, run_uuid: GOOD_RUN, step: 0, is_nan: 1 });
    db.close();
    const history = runOf(await read(file), GOOD_RUN).metrics.acc?.history.map((p) => [p.step, p.timestamp, p.value]);
    expect(history).toEqual([[0, 99, 0], [0, 99, 'NaN'], [1, 10, 0.2], [1, 10, 0.7], [1, 20, 0.5], [3, 10, 0.3]]);
  });

  it('keeps a metric key with "/" as one key', async () => {
    const { file, db } = healthyStore(tempDir());
    insert(db, 'metrics', { key: 'train/loss', value: 1, timestamp: 1, run_uuid: GOOD_RUN, step: 0, is_nan: 0 });
    db.close();
    expect(Object.keys(runOf(await read(file), GOOD_RUN).metrics).sort()).toEqual(['loss', 'train/loss']);
  });
});

describe('readSqlite(dbPath, label): run and experiment fields', () => {
  it('maps columns and system tags to the Snapshot as MLflow names them', async () => {
    const { file, db } = healthyStore(tempDir());
    const child = 'c'.repeat(32);
    insertRun(db, child, { name: null, user_id: null, status: 'KILLED', lifecycle_stage: 'deleted', end_time: null });
    for (const [key, value] of [['mlflow.runName', 'from-tag'], ['mlflow.user', 'bo'], ['mlflow.parentRunId', GOOD_RUN], ['mlflow.note.content', '# Note']]) {
      insert(db, 'tags', { key, value, run_uuid: child });
    }
    insert(db, 'experiment_tags', { key: 'mlflow.note.content', value: 'about', experiment_id: 1 });
    insert(db, 'experiment_tags', { key: 'team', value: null, experiment_id: 1 });
    db.close();
    const contents = await read(file);
    expect(contents.experiments).toEqual([
      { id: '1', name: 'exp', lifecycleStage: 'active', artifactLocation: 'mlflow-artifacts:/1', creationTime: undefined, lastUpdateTime: undefined, tags: { 'mlflow.note.content': 'about', team: '' }, description: 'about' },
    ]);
    const run = runOf(contents, child);
    expect(run).toMatchObject({ experimentId: '1', name: 'from-tag', user: 'bo', parentId: GOOD_RUN, description: '# Note', status: 'KILLED', lifecycleStage: 'deleted', startTime: 1_700_000_000_000, artifacts: [] });
    expect(run.endTime).toBeUndefined();
    expect(runOf(contents, GOOD_RUN)).toMatchObject({ name: 'run-aaaa', user: 'ana', params: { lr: '0.01' } });
  });

  it('reads an MLflow 2.3 schema, which has no datasets, inputs or logged_models tables', async () => {
    const { file, db } = healthyStore(tempDir(), { schemaFrom: SCHEMA_2_3 });
    db.close();
    const run = runOf(await read(file), GOOD_RUN);
    expect(run.inputs).toEqual([]);
    expect(run.loggedModels).toEqual([]);
    expect(run.metrics.loss?.history).toHaveLength(2);
  });

  it('reads an early schema: no runs.name, no metrics.step or is_nan, no latest_metrics or experiment_tags', async () => {
    const { file, db } = healthyStore(tempDir(), { tables: ['experiments', 'runs', 'params', 'tags'] });
    db.exec('ALTER TABLE runs DROP COLUMN name');
    // The metrics table of MLflow 0.x, before steps (alembic 451aebb31d03) and NaN flags.
    db.exec('CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, timestamp, run_uuid))');
    insert(db, 'metrics', { key: 'loss', value: 0.5, timestamp: 200, run_uuid: GOOD_RUN });
    insert(db, 'metrics', { key: 'loss', value: 0.9, timestamp: 100, run_uuid: GOOD_RUN });
    db.close();
    const run = runOf(await read(file), GOOD_RUN);
    expect(run.name).toBe('good');
    expect(run.metrics.loss).toEqual({ latest: { step: 0, timestamp: 200, value: 0.5 }, history: [{ step: 0, timestamp: 100, value: 0.9 }, { step: 0, timestamp: 200, value: 0.5 }] });
  });
});

describe('readSqlite(dbPath, label): inputs and logged models', () => {
  it('attaches dataset inputs with their context and leaves model-output links out', async () => {
    const { file, db } = healthyStore(tempDir());
    insert(db, 'datasets', { dataset_uuid: 'd1', experiment_id: 1, name: 'train.csv', digest: 'abc', dataset_source_type: 'local', dataset_source: '{"uri": "x"}', dataset_schema: null, dataset_profile: '{"rows": 3}' });
    insert(db, 'inputs', { input_uuid: 'i1', source_type: 'DATASET', source_id: 'd1', destination_type: 'RUN', destination_id: GOOD_RUN });
    insert(db, 'input_tags', { input_uuid: 'i1', name: 'mlflow.data.context', value: 'train' });
    insert(db, 'inputs', { input_uuid: 'i2', source_type: 'RUN_OUTPUT', source_id: GOOD_RUN, destination_type: 'MODEL_OUTPUT', destination_id: 'm-1' });
    db.close();
    expect(runOf(await read(file), GOOD_RUN).inputs).toEqual([{ name: 'train.csv', digest: 'abc', sourceType: 'local', source: '{"uri": "x"}', schema: undefined, profile: '{"rows": 3}', context: 'train' }]);
  });

  it('attaches logged models by source_run_id, with status names, hiding deleted ones', async () => {
    const { file, db } = healthyStore(tempDir());
    const model = (id: string, status: number, stage: string) =>
      insert(db, 'logged_models', { model_id: id, experiment_id: 1, name: 'model', artifact_location: 'x', creation_timestamp_ms: 10, last_updated_timestamp_ms: 20, status, lifecycle_stage: stage, source_run_id: GOOD_RUN });
    model('m-ready', 2, 'active');
    model('m-failed', 3, 'active');
    model('m-gone', 2, 'deleted');
    db.close();
    const models = runOf(await read(file), GOOD_RUN).loggedModels;
    expect(models.map((m) => [m.id, m.status]).sort()).toEqual([['m-failed', 'FAILED'], ['m-ready', 'READY']]);
  });
});

describe('readSqlite(dbPath, label): model registry', () => {
  it('lists versions as strings with stage and aliases, hiding Deleted_Internal versions, their tags and aliases', async () => {
    const { file, db } = healthyStore(tempDir());
    insert(db, 'registered_models', { name: 'clf', creation_time: 1, last_updated_time: 2, description: 'about clf' });
    insert(db, 'registered_model_tags', { key: 'mlflow.prompt.is_prompt', value: 'false', name: 'clf' });
    const version = (v: number, stage: string | null) =>
      insert(db, 'model_versions', { name: 'clf', version: v, creation_time: v, last_updated_time: v, current_stage: stage, source: `runs:/${GOOD_RUN}/model`, run_id: GOOD_RUN, status: 'READY', description: '' });
    version(1, 'Production');
    version(2, 'Deleted_Internal');
    version(10, null);
    insert(db, 'model_version_tags', { key: 'k', value: 'v', name: 'clf', version: 10 });
    insert(db, 'model_version_tags', { key: 'k', value: 'v', name: 'clf', version: 2 });
    insert(db, 'registered_model_aliases', { alias: 'champion', version: 10, name: 'clf' });
    insert(db, 'registered_model_aliases', { alias: 'old', version: 2, name: 'clf' });
    db.close();
    const contents = await read(file);
    const [model] = contents.models;
    expect(model).toMatchObject({ name: 'clf', description: 'about clf', tags: { 'mlflow.prompt.is_prompt': 'false' }, aliases: { champion: '10' } });
    expect(model?.versions.map((v) => [v.version, v.stage, v.runId, v.description, v.tags])).toEqual([
      ['1', 'Production', GOOD_RUN, undefined, {}],
      ['10', 'None', GOOD_RUN, undefined, { k: 'v' }],
    ]);
    expect(contents.warnings).toEqual([
      { path: 'mlflow.db/registered_model_aliases/clf/old', message: 'alias points at version 2, which the model does not have (deleted); alias skipped' },
    ]);
  });
});
