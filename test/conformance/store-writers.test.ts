/** The store writers against real stores outside the repository: meta.yaml layouts of MLflow 2.x/3.x stores, and a real 3.x database's schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeSqlite } from '../../scripts/lib/write-sqlite.ts';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import { edgeSpec, ids, keysOf, shape } from '../support/edge-store.ts';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { tempDir } from '../support/tmp.ts';

const REAL = join(SHARED_FIXTURES, 'real');
const REAL_DB = join(SHARED_FIXTURES, 'real-db/air-quality/mlflow.db');
const fresh = (name: string) => join(tempDir(), name);

function openReadOnly(file: string): DatabaseSync {
  const url = pathToFileURL(file);
  url.search = '?mode=ro&immutable=1';
  return new DatabaseSync(url, { readOnly: true });
}

describe('writeMlruns(spec, dir) against real stores', () => {
  it('lays out meta.yaml files as real MLflow 3 stores do', () => {
    const dir = fresh('layout3');
    writeMlruns(edgeSpec('mlflow3'), dir);
    const ours = (rel: string): string => readFileSync(join(dir, rel), 'utf8');
    const real = (rel: string): string => readFileSync(join(REAL, rel), 'utf8');
    expect(shape(ours(`${ids.exp}/${ids.parent}/meta.yaml`))).toBe(shape(real('ca-housing/mlruns/340664372522611120/206e329dcacd492992e6707ba65ddccd/meta.yaml')));
    expect(shape(ours(`${ids.exp}/${ids.gone}/meta.yaml`))).toBe(shape(real('ca-housing/mlruns/.trash/466548277255127213/13e98ee457504270987524de298172a5/meta.yaml')));
    expect(shape(ours(`${ids.exp}/meta.yaml`))).toBe(shape(real('timeseries/mlruns/356296186950559694/meta.yaml')));
    expect(shape(ours('models/plain-model/meta.yaml'))).toBe(shape(real('timeseries/mlruns/models/demand-forecast-local-model/meta.yaml')));
    expect(shape(ours('models/plain-model/version-1/meta.yaml'))).toBe(shape(real('timeseries/mlruns/models/demand-forecast-local-model/version-1/meta.yaml')));
    expect(shape(ours(`${ids.exp}/models/m-0123456789abcdef0123456789abcdef/meta.yaml`))).toBe(shape(real('timeseries/mlruns/356296186950559694/models/m-7ce05f84ec1d40949de61a92d1b567ab/meta.yaml')));
    expect(shape(ours(`${ids.exp}/${ids.parent}/outputs/m-0123456789abcdef0123456789abcdef/meta.yaml`))).toBe(shape(real('timeseries/mlruns/356296186950559694/2ef810fa47af43ec98b2b231a625a2b0/outputs/m-7ce05f84ec1d40949de61a92d1b567ab/meta.yaml')));
    expect(ours('models/edge-model/aliases/champion')).toBe('2');
  });

  it('lays out meta.yaml files as real MLflow 2.x stores do (the yolo-slash part is in the regular suite)', () => {
    const dir = fresh('layout2');
    writeMlruns(edgeSpec('mlflow2'), dir);
    const ours = (rel: string): string => readFileSync(join(dir, rel), 'utf8');
    const real = (rel: string): string => readFileSync(join(REAL, rel), 'utf8');
    // ca-housing predates 3.x's trace_location/workspace keys: its deleted experiment has the 2.x key set.
    expect(shape(ours(`.trash/${ids.trashExp}/meta.yaml`))).toBe(shape(real('ca-housing/mlruns/.trash/466548277255127213/meta.yaml')));
    const input = readdirSync(join(dir, ids.exp, ids.child, 'inputs'))[0] as string;
    expect(shape(ours(`${ids.exp}/${ids.child}/inputs/${input}/meta.yaml`))).toBe(shape(real('pe-mi-ops/mlruns/0/6c36eed150794b0e9b611ed7159361dd/inputs/c08abeb0e53d2ee733d91a41d2957a83/meta.yaml')));
    // A tracking server stores '' where the local client stores null, so compare keys only here.
    const dataset = readdirSync(join(dir, ids.exp, 'datasets')).sort()[0] as string;
    expect(keysOf(ours(`${ids.exp}/datasets/${dataset}/meta.yaml`))).toEqual(keysOf(real('pe-mi-ops/mlruns/0/datasets/ceae1869e9b385f64124c08bbded7774/meta.yaml')));
    expect(keysOf(ours('models/plain-model/meta.yaml'))).toEqual(keysOf(real('pe-mi-ops/mlruns/models/decision_tree_detect/meta.yaml')));
    expect(keysOf(ours('models/plain-model/version-1/meta.yaml'))).toEqual(keysOf(real('pe-mi-ops/mlruns/models/decision_tree_detect/version-1/meta.yaml')));
  });

});

describe('writeSqlite(spec, file) against a real database', () => {
  const file = join(tempDir(), 'edge.db');
  writeSqlite(edgeSpec('mlflow3'), file);

  it('uses only tables and columns of a real MLflow database, declared the same way', () => {
    const ours = openReadOnly(file);
    const real = openReadOnly(REAL_DB);
    const tables = (db: DatabaseSync): string[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => String(r.name));
    const realTables = new Set(tables(real));
    for (const table of tables(ours)) {
      expect(realTables.has(table), table).toBe(true);
      const columns = (db: DatabaseSync): unknown[] => db.prepare(`PRAGMA table_info("${table}")`).all().map((r) => ({ ...r }));
      expect(columns(ours), table).toEqual(columns(real));
    }
    const indexes = (db: DatabaseSync): string[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all().map((r) => String(r.name));
    const realIndexes = new Set(indexes(real));
    for (const index of indexes(ours)) expect(realIndexes.has(index), index).toBe(true);
    expect(ours.prepare('SELECT version_num FROM alembic_version').all()).toEqual(real.prepare('SELECT version_num FROM alembic_version').all());
    ours.close();
    real.close();
  });
});
