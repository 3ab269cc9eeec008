/**
 * The SQLite reader's policy (header of src/lib/read/sqlite/index.ts) and its read-only promise
 * (src/lib/read/sqlite/open.ts): what aborts with a one-line InputError, what skips one record
 * with a warning, and that no file of the store's folder is changed or added, locks and WAL included.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/errors.ts';
import { readSqlite } from '../../../src/lib/read/sqlite/index.ts';
import { BUSY_TIMEOUT_MS } from '../../../src/lib/read/sqlite/open.ts';
import type { StoreContents } from '../../../src/lib/read/types.ts';
import { GOOD_RUN, MLFLOW_TABLES, folderState, healthyStore, insert, insertRun } from '../../support/sqlite-store.ts';
import { tempDir } from '../../support/tmp.ts';

const BAD_RUN = 'b'.repeat(32);

/** Reads `file`, checking the folder is unchanged (`volatile`: files whose bytes SQLite may touch, see open.ts). */
async function read(file: string, volatile: string[] = []): Promise<StoreContents> {
  const before = folderState(path.dirname(file), volatile);
  const contents = await readSqlite(file, 'mlflow.db');
  expect(folderState(path.dirname(file), volatile), 'the store folder must not change').toEqual(before);
  return contents;
}

async function inputError(file: string): Promise<InputError> {
  const before = folderState(path.dirname(file));
  const error = await readSqlite(file, 'mlflow.db').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(folderState(path.dirname(file))).toEqual(before);
  expect(error).toBeInstanceOf(InputError);
  const inputErr = error as InputError;
  expect(inputErr.exitCode).toBe(3);
  expect(inputErr.message).not.toContain('\n');
  expect(inputErr.message.startsWith(`${file}: `)).toBe(true);
  return inputErr;
}

function warningsAbout(contents: StoreContents, part: string): string[] {
  return contents.warnings.filter((w) => w.path.includes(part)).map((w) => `${w.path}: ${w.message}`);
}

describe('readSqlite(dbPath, label) on what is not an MLflow database', () => {
  it.each([
    ['a text file', 'name,value\na,1\n', /: not an SQLite database \(it does not start with SQLite's header\)$/],
    ['an empty file', '', /: not an SQLite database \(the file is empty\)$/],
    ['a file cut inside the header', 'SQLite format 3\0abc', /: not an SQLite database \(/],
  ])('aborts on %s with one line naming the file', async (_what, content, message) => {
    const file = path.join(tempDir(), 'mlflow.db');
    writeFileSync(file, content);
    expect((await inputError(file)).message).toMatch(message);
  });

  it('aborts on a folder', async () => {
    const dir = path.join(tempDir(), 'mlflow.db');
    mkdirSync(dir);
    await expect(readSqlite(dir, 'mlflow.db')).rejects.toThrow(`${dir}: a folder, not an SQLite database`);
  });

  it('aborts on an SQLite database without MLflow tables, listing what it has', async () => {
    const file = path.join(tempDir(), 'mlflow.db');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY); CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    db.close();
    expect((await inputError(file)).message).toBe(`${file}: an SQLite database but not an MLflow store (no "experiments" or "runs" table; its tables: customers, invoices)`);
  });
});

describe('readSqlite(dbPath, label) while another process uses the store', () => {
  it('fails within the busy timeout with one line when a writer holds an exclusive lock, and reads once it is gone', async () => {
    const { file, db } = healthyStore(tempDir());
    db.close();
    const writer = new DatabaseSync(file);
    writer.exec('BEGIN EXCLUSIVE');
    insertRun(writer, BAD_RUN);
    const started = Date.now();
    expect((await inputError(file)).message).toMatch(/: the database is locked by another process \(waited 3 s\); try again when MLflow has finished writing$/);
    expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS + 2000);
    writer.exec('ROLLBACK');
    writer.close();
    expect((await read(file)).runs.map((r) => r.id)).toEqual([GOOD_RUN]);
  });

  it('reports an interrupted write (hot journal) as one line instead of touching it', async () => {
    const { file, db } = healthyStore(tempDir());
    db.exec('PRAGMA cache_size = 1; BEGIN');
    for (let i = 0; i < 300; i++) insert(db, 'params', { key: `p${i}`, value: 'x'.repeat(2000), run_uuid: GOOD_RUN });
    // A copy taken mid-transaction is what a crash leaves: changed pages and a journal to undo them.
    const crashed = path.join(tempDir(), 'mlflow.db');
    copyFileSync(file, crashed);
    copyFileSync(`${file}-journal`, `${crashed}-journal`);
    db.exec('ROLLBACK');
    db.close();
    expect((await inputError(crashed)).message).toMatch(/: an interrupted write left mlflow\.db-journal, which only a writer can roll back/);
  });

  it('reads a WAL store nobody has open without creating -wal or -shm files', async () => {
    const { file, db } = healthyStore(tempDir());
    db.exec('PRAGMA journal_mode = WAL');
    db.close();
    const contents = await read(file);
    expect(contents.runs.map((r) => r.id)).toEqual([GOOD_RUN]);
  });

  it('reads what a live WAL writer committed, not its open transaction, leaving the data files untouched', async () => {
    const { file, db } = healthyStore(tempDir());
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0');
    insertRun(db, 'c'.repeat(32)); // committed, still only in the -wal file
    db.exec('BEGIN IMMEDIATE');
    insertRun(db, BAD_RUN); // not committed
    const contents = await read(file, ['mlflow.db-shm']);
    expect(contents.runs.map((r) => r.id).sort()).toEqual([GOOD_RUN, 'c'.repeat(32)]);
    db.exec('ROLLBACK');
    db.close();
  });

  it('reads a WAL store whose -wal has no -shm without creating one, warning that its last changes are missing', async () => {
    const { file, db } = healthyStore(tempDir());
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0');
    insertRun(db, BAD_RUN);
    const copy = path.join(tempDir(), 'mlflow.db');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    db.close();
    const contents = await read(copy);
    expect(contents.runs.map((r) => r.id)).not.toContain(BAD_RUN);
    expect(contents.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^mlflow\.db-wal \(\d+ bytes\) has no -shm beside it; read without it/)]);
  });
});

describe('readSqlite(dbPath, label) on defective rows', () => {
  it('skips rows of runs that are not in table runs, once per run and table', async () => {
    const { file, db } = healthyStore(tempDir());
    const ghost = 'f'.repeat(32);
    insert(db, 'metrics', { key: 'loss', value: 1, timestamp: 1, run_uuid: ghost, step: 0, is_nan: 0 });
    insert(db, 'metrics', { key: 'loss', value: 2, timestamp: 2, run_uuid: ghost, step: 1, is_nan: 0 });
    insert(db, 'params', { key: 'lr', value: '1', run_uuid: ghost });
    db.close();
    const contents = await read(file);
    expect(contents.runs.map((r) => r.id)).toEqual([GOOD_RUN]);
    expect(warningsAbout(contents, ghost).sort()).toEqual([
      `mlflow.db/metrics/${ghost}: 2 rows of run ${ghost}, which is not in table runs; skipped`,
      `mlflow.db/params/${ghost}: 1 row of run ${ghost}, which is not in table runs; skipped`,
    ]);
  });

  it.each([
    ['a NULL status', { status: null }, /^mlflow\.db\/runs\/b+: status must be one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED, got NULL; run skipped$/],
    ['an experiment that does not exist', { experiment_id: 42 }, /^mlflow\.db\/runs\/b+: experiment_id 42 is not in table experiments; run skipped$/],
  ])('skips a run with %s, and its params with it silently', async (_what, values, message) => {
    const { file, db } = healthyStore(tempDir());
    insertRun(db, BAD_RUN, values);
    insert(db, 'params', { key: 'lr', value: '1', run_uuid: BAD_RUN });
    db.close();
    const contents = await read(file);
    expect(contents.runs.map((r) => r.id)).toEqual([GOOD_RUN]);
    expect(warningsAbout(contents, BAD_RUN)).toEqual([expect.stringMatching(message)]);
  });

  it('skips NULL or wrongly typed cells where MLflow never writes them, one warning per metric', async () => {
    const { file, db } = healthyStore(tempDir(), { tables: MLFLOW_TABLES.filter((t) => !['metrics', 'latest_metrics', 'params'].includes(t)) });
    // Tables without MLflow's NOT NULL constraints, as a damaged or hand-edited store may have them.
    db.exec('CREATE TABLE params (key, value, run_uuid); CREATE TABLE metrics (key, value, timestamp, run_uuid, step, is_nan)');
    insert(db, 'params', { key: 'lr', value: '0.01', run_uuid: GOOD_RUN });
    insert(db, 'params', { key: 'seed', value: null, run_uuid: GOOD_RUN });
    const point = (step: unknown, timestamp: unknown, value: unknown) =>
      insert(db, 'metrics', { key: 'acc', value: value as number, timestamp: timestamp as number, run_uuid: GOOD_RUN, step: step as number, is_nan: 0 });
    point(0, 10, 0.5);
    point('first', 20, 0.6);
    point(2, 2n ** 60n, 0.7);
    point(3, 40, null);
    point(4, 50, 0.9);
    db.close();
    const contents = await read(file);
    const run = contents.runs[0];
    expect(run?.params).toEqual({ lr: '0.01' });
    expect(run?.metrics.acc?.history.map((p) => p.step)).toEqual([0, 4]);
    expect(warningsAbout(contents, GOOD_RUN).sort()).toEqual([
      `mlflow.db/metrics/${GOOD_RUN}/acc: 3 rows skipped (the first: step must be an integer, got "first")`,
      `mlflow.db/params/${GOOD_RUN}/seed: a row with value NULL was skipped`,
    ]);
  });
});
