import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../scripts/lib/synthetic.ts';
import { pythonFloat, writeMlruns } from '../../src/generate/write-mlruns.ts';
import { writeSqlite } from '../../scripts/lib/write-sqlite.ts';
import { readMlruns } from '../../src/lib/read/mlruns/index.ts';
import { T0, TRAIN, edgeSpec, ids, shape, tree } from '../support/edge-store.ts';
import { FIXTURES } from '../support/fixtures.ts';

const REAL = join(FIXTURES, 'real');

const temp = mkdtempSync(join(tmpdir(), 'runfolio-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let counter = 0;
function fresh(name: string): string {
  counter += 1;
  return join(temp, `${counter}-${name}`);
}

describe('writeMlruns(spec, dir)', () => {
  it('writes a store our reader reads back with the spec\'s facts', async () => {
    const dir = fresh('mlruns');
    writeMlruns(edgeSpec('mlflow3'), dir);
    const store = await readMlruns(dir, 'mlruns');
    expect(store.warnings).toEqual([]);
    const exps = new Map(store.experiments.map((e) => [e.id, e]));
    expect([...exps.keys()].sort()).toEqual(['0', '424242', '77']);
    expect(exps.get(ids.exp)).toMatchObject({ name: '/Shared/edge cases', lifecycleStage: 'active', description: '# Note\n\n- one', tags: { team: 'qa' } });
    expect(exps.get(ids.trashExp)?.lifecycleStage).toBe('deleted');

    const runs = new Map(store.runs.map((r) => [r.id, r]));
    expect([...runs.keys()].sort()).toEqual(Object.values(ids).filter((id) => id.length === 32).sort());
    const parent = runs.get(ids.parent);
    expect(parent).toMatchObject({ name: 'sweep', status: 'FINISHED', user: 'ana', startTime: T0 + 10, endTime: T0 + 5_000, description: '| a | b |\n| - | - |\n| 1 | 2 |' });
    expect(parent?.params).toEqual({ 'optimizer/name': 'adam', lr: '0.001' });
    expect(parent?.tags).toMatchObject({ 'mlflow.runName': 'sweep', 'mlflow.user': 'ana', 'mlflow.source.type': 'LOCAL' });
    expect(parent?.metrics['train/loss']?.latest).toEqual({ step: 2, timestamp: T0 + 40, value: 'NaN' });
    expect(parent?.metrics['train/loss']?.history.map((p) => p.value)).toEqual([2.5, 'Infinity', 'NaN']);
    expect(parent?.inputs.map((i) => [i.name, i.digest, i.context, i.profile]).sort()).toEqual([
      ['eval-set', '0badf00d', 'eval', undefined], ['train-set', '700e8ebc', 'train', '{"num_rows": 10}'],
    ]);
    expect(parent?.artifacts).toEqual([{ path: 'metrics.json', size: 13 }, { path: 'model/MLmodel', size: 21 }]);
    expect(parent?.loggedModels).toEqual([{ id: 'm-0123456789abcdef0123456789abcdef', name: 'model', creationTime: T0 + 4_000, status: 'READY' }]);

    const child = runs.get(ids.child);
    expect(child).toMatchObject({ name: 'modèle 😀', status: 'FAILED', parentId: ids.parent });
    // Greatest (step, timestamp): step 5 twice, the later timestamp wins.
    expect(child?.metrics['a/b/c']?.latest).toEqual({ step: 5, timestamp: T0 + 120, value: 1e-5 });
    expect(child?.metrics['a/b/c']?.history).toHaveLength(3);
    expect(child?.metrics.acc?.history).toHaveLength(2); // the file store keeps repeated points
    expect(runs.get(ids.running)).toMatchObject({ status: 'RUNNING', endTime: undefined, user: undefined });
    expect(runs.get(ids.gone)).toMatchObject({ status: 'KILLED', lifecycleStage: 'deleted', user: 'bo' });
    expect(runs.get(ids.old)?.lifecycleStage).toBe('deleted');

    const models = new Map(store.models.map((m) => [m.name, m]));
    const edge = models.get('edge-model');
    expect(edge?.versions.map((v) => [v.version, v.stage])).toEqual([['1', 'Archived'], ['2', 'Production'], ['4', 'Staging']]);
    expect(edge).toMatchObject({ description: 'The model.', tags: { owner: 'ana' }, aliases: { champion: '2', challenger: '4' } });
    expect(edge?.versions[1]).toMatchObject({ runId: ids.parent, source: 'models:/m-0123456789abcdef0123456789abcdef', tags: { approved: 'yes' } });
    expect(edge?.versions[2]?.description).toBe('multi\nline');
    expect(models.get('plain-model')?.versions).toHaveLength(1);
  });

  it('writes metric values as Python\'s str(float): nan, inf, -inf, 1.0, 1e-05', () => {
    const dir = fresh('metrics');
    writeMlruns(edgeSpec('mlflow3'), dir);
    const run = join(dir, ids.exp, ids.child, 'metrics');
    expect(readFileSync(join(run, 'a/b/c'), 'utf8')).toBe(`${T0 + 110} 1.0 0\n${T0 + 120} 1e-05 5\n${T0 + 115} -inf 5\n`);
    expect(readFileSync(join(dir, ids.exp, ids.parent, 'metrics/train/loss'), 'utf8')).toBe(`${T0 + 20} 2.5 0\n${T0 + 30} inf 1\n${T0 + 40} nan 2\n`);
  });

  it('lays out meta.yaml files as real MLflow 2.x stores do (yolo-slash)', () => {
    const dir = fresh('layout2');
    writeMlruns(edgeSpec('mlflow2'), dir);
    const ours = (rel: string): string => readFileSync(join(dir, rel), 'utf8');
    const real = (rel: string): string => readFileSync(join(REAL, rel), 'utf8');
    expect(shape(ours(`${ids.exp}/${ids.parent}/meta.yaml`))).toBe(shape(real('yolo-slash/mlruns/596793538227028894/2131d384168c44b4ad18ca0899fcd51d/meta.yaml')));
    expect(shape(ours(`${ids.exp}/meta.yaml`))).toBe(shape(real('yolo-slash/mlruns/596793538227028894/meta.yaml')));
  });

  it('names dataset and input folders by MLflow\'s md5 ids', () => {
    const dir = fresh('md5');
    writeMlruns(edgeSpec('mlflow2'), dir);
    // Python's hashlib: md5(name + digest), then md5(dataset id + run id) (FileStore._get_dataset_id, _get_input_id).
    expect(readdirSync(join(dir, ids.exp, 'datasets')).sort()).toEqual(['7881bee219549c4a8625cff57f8d61df', '9a645f81aab16eb0d9df8ad8a54535ef']);
    expect(readdirSync(join(dir, ids.exp, ids.parent, 'inputs')).sort()).toEqual(['30b19c4c2c146c675e11ad266b5a197b', '9abbd7efb8eb116eab304a3dbadc1d1e']);
  });

  it('gives byte-identical trees for the same spec', () => {
    const a = fresh('det-a');
    const b = fresh('det-b');
    const spec = syntheticSpec({ runs: 30, seed: 7, experiments: 2 });
    writeMlruns(spec, a, { artifactRoot: 'file:///store' });
    writeMlruns(syntheticSpec({ runs: 30, seed: 7, experiments: 2 }), b, { artifactRoot: 'file:///store' });
    const ta = tree(a);
    expect(ta.size).toBeGreaterThan(30 * 20);
    expect(tree(b)).toEqual(ta);
    const c = fresh('det-c');
    writeMlruns(syntheticSpec({ runs: 30, seed: 8, experiments: 2 }), c, { artifactRoot: 'file:///store' });
    expect(tree(c)).not.toEqual(ta);
  });

  it('records the store folder as file:// artifact root unless told otherwise', () => {
    const dir = fresh('root');
    writeMlruns(edgeSpec('mlflow3'), dir);
    expect(readFileSync(join(dir, ids.exp, 'meta.yaml'), 'utf8')).toContain(`artifact_location: ${pathToFileURL(dir).href}/${ids.exp}\n`);
  });

  it('refuses to write into a folder that has files', () => {
    const dir = fresh('busy');
    writeMlruns(edgeSpec('mlflow3'), dir);
    expect(() => writeMlruns(edgeSpec('mlflow3'), dir)).toThrow(/missing or empty folder/);
  });

  it('refuses a spec MLflow could not have written', () => {
    const spec = edgeSpec('mlflow2');
    const orphan = { ...spec, runs: [...spec.runs, { ...spec.runs[1]!, id: 'f'.repeat(32), parentId: 'nope' }] };
    expect(() => writeMlruns(orphan, fresh('bad'))).toThrow(/parent nope is not in the spec/);
    const live = { ...spec, runs: spec.runs.map((r) => (r.id === ids.old ? { ...r, lifecycleStage: 'active' as const } : r)) };
    expect(() => writeMlruns(live, fresh('bad2'))).toThrow(/experiment 77 is deleted/);
    expect(() => writeMlruns({ ...edgeSpec('mlflow3'), flavor: 'mlflow2' }, fresh('bad3'))).toThrow(/logged models exist from MLflow 3 on/);
    const twice = { ...spec, runs: spec.runs.map((r) => (r.id === ids.child ? { ...r, inputs: [...(r.inputs ?? []), { dataset: TRAIN, context: 'eval' }] } : r)) };
    expect(() => writeSqlite(twice, fresh('bad4.db'))).toThrow(/a dataset is logged twice/);
  });
});

describe('pythonFloat(n)', () => {
  it.each([
    [0.1, '0.1'], [100, '100.0'], [-0, '-0.0'], [1e-5, '1e-05'], [0.0001, '0.0001'], [1e16, '1e+16'],
    [123456789012345680, '1.2345678901234568e+17'], [1.5e-7, '1.5e-07'], [0.0010000000000000002, '0.0010000000000000002'],
    [1.7976931348623157e308, '1.7976931348623157e+308'], [NaN, 'nan'], [-Infinity, '-inf'],
  ])('writes %s as Python\'s repr does: %s', (n, expected) => {
    expect(pythonFloat(n)).toBe(expected);
  });
});

function openReadOnly(file: string): DatabaseSync {
  const url = pathToFileURL(file);
  url.search = '?mode=ro&immutable=1';
  return new DatabaseSync(url, { readOnly: true });
}

function count(db: DatabaseSync, table: string, where = '1'): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n);
}

describe('writeSqlite(spec, file)', () => {
  const file = fresh('mlflow.db');
  writeSqlite(edgeSpec('mlflow3'), file);

  it('writes the expected rows in every table', () => {
    const db = openReadOnly(file);
    const expected: Record<string, number> = {
      experiments: 3, experiment_tags: 2, runs: 5, params: 3, metrics: 8, latest_metrics: 4,
      datasets: 2, inputs: 4, input_tags: 3, logged_models: 1, logged_model_tags: 1,
      registered_models: 2, registered_model_tags: 1, model_versions: 5, model_version_tags: 1, registered_model_aliases: 2,
    };
    for (const [table, n] of Object.entries(expected)) expect(count(db, table), table).toBe(n);
    // Given and derived tags: sweep 4 (source.type, runName, user, note), child 2 (runName, parentRunId),
    // running 1, deleted 2 (runName, user), trashed 1.
    expect(count(db, 'tags')).toBe(10);
    db.close();
  });

  it('stores NaN as 0 with is_nan and clamps ±inf, keeping the greatest (step, timestamp) as latest', () => {
    const db = openReadOnly(file);
    const rows = db.prepare('SELECT step, value, is_nan FROM metrics WHERE run_uuid = ? AND "key" = ? ORDER BY step').all(ids.parent, 'train/loss');
    expect(rows.map((r) => ({ ...r }))).toEqual([{ step: 0, value: 2.5, is_nan: 0 }, { step: 1, value: 1.7976931348623157e308, is_nan: 0 }, { step: 2, value: 0, is_nan: 1 }]);
    expect({ ...db.prepare('SELECT step, value, is_nan FROM latest_metrics WHERE run_uuid = ? AND "key" = ?').get(ids.parent, 'train/loss') }).toEqual({ step: 2, value: 0, is_nan: 1 });
    expect({ ...db.prepare('SELECT step, timestamp, value FROM latest_metrics WHERE run_uuid = ? AND "key" = ?').get(ids.child, 'a/b/c') }).toEqual({ step: 5, timestamp: T0 + 120, value: 1e-5 });
    expect({ ...db.prepare('SELECT status, end_time, deleted_time, lifecycle_stage FROM runs WHERE run_uuid = ?').get(ids.gone) }).toEqual({ status: 'KILLED', end_time: T0 + 400, deleted_time: T0 + 8_000, lifecycle_stage: 'deleted' });
    expect(db.prepare('SELECT value FROM input_tags ORDER BY value').all().map((r) => r.value)).toEqual(['eval', 'train', 'train']);
    expect(db.prepare('SELECT storage_location FROM model_versions WHERE name = ? AND version = 2').get('edge-model')?.storage_location).toMatch(/\/models\/m-0123456789abcdef0123456789abcdef\/artifacts$/);
    db.close();
  });

  it('writes a synthetic store: runs × metrics × steps rows, nested runs tagged with their parent', () => {
    const synthetic = fresh('synthetic.db');
    writeSqlite(syntheticSpec({ runs: 50, params: 4, metrics: 3, steps: 20, nestedEvery: 5 }), synthetic);
    const db = openReadOnly(synthetic);
    expect(count(db, 'runs')).toBe(50);
    expect(count(db, 'params')).toBe(200);
    expect(count(db, 'metrics')).toBe(50 * 3 * 20);
    expect(count(db, 'latest_metrics')).toBe(150);
    expect(count(db, 'tags', `"key" = 'mlflow.parentRunId'`)).toBe(10);
    db.close();
  });

  it('refuses to overwrite an existing database', () => {
    const existing = fresh('exists.db');
    writeFileSync(existing, '');
    expect(() => writeSqlite(edgeSpec('mlflow3'), existing)).toThrow(/already exists/);
  });
});
