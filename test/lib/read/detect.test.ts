import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/errors.ts';
import { detectStore } from '../../../src/lib/read/detect.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { healthyStore } from '../../support/sqlite-store.ts';
import { tempDir, writeTree } from '../../support/tmp.ts';

describe('detectStore(path)', () => {
  it('recognises an mlruns folder, and a folder holding one', async () => {
    expect((await detectStore(join(FIXTURES, 'real/packt-hpt/mlruns'))).kind).toBe('mlruns');
    const holder = await detectStore(join(FIXTURES, 'real/packt-hpt'));
    expect(holder).toMatchObject({ kind: 'mlruns', label: 'mlruns' });
    expect(holder.path.endsWith('packt-hpt/mlruns')).toBe(true);
  });

  it('recognises SQLite by its header, also through sqlite:/// URIs and in a project folder', async () => {
    const folder = tempDir();
    const { file: db, db: handle } = healthyStore(folder);
    handle.close();
    expect((await detectStore(db)).kind).toBe('sqlite');
    expect((await detectStore(`sqlite:///${db}`)).kind).toBe('sqlite');
    expect((await detectStore(folder)).kind).toBe('sqlite');
  });

  it('prefers mlflow.db when mlruns/ beside it holds only artifacts (MLflow ≥ 3.7 default)', async () => {
    const dir = tempDir();
    writeTree(dir, { 'mlruns/1/abc/artifacts/model.pkl': 'x' });
    writeFileSync(join(dir, 'mlflow.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(84)]));
    expect((await detectStore(dir)).kind).toBe('sqlite');
  });

  it('asks to choose when a folder holds both stores with tracking data', async () => {
    const dir = tempDir();
    writeTree(dir, { 'mlruns/0/meta.yaml': "experiment_id: '0'\nname: Default\n" });
    writeFileSync(join(dir, 'mlflow.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(84)]));
    await expect(detectStore(dir)).rejects.toThrow(/holds both mlruns\/ and mlflow\.db/);
  });

  it('recognises JSON by its content and export-import folders by their files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'runs.txt'), '  {"runs": []}');
    expect((await detectStore(join(dir, 'runs.txt'))).kind).toBe('json');
    mkdirSync(join(dir, 'export'));
    writeFileSync(join(dir, 'export/experiment.json'), '{}');
    expect((await detectStore(join(dir, 'export'))).kind).toBe('json');
  });

  it.each([
    ['missing', (d: string) => join(d, 'nope'), /no such file or folder/],
    ['an empty folder', (d: string) => d, /not a store Runfolio can read/],
    ['a text file', (d: string) => (writeFileSync(join(d, 'a.txt'), 'hello'), join(d, 'a.txt')), /not a store Runfolio can read/],
    ['a .db that is not SQLite', (d: string) => (writeFileSync(join(d, 'x.db'), 'hello'), join(d, 'x.db')), /not an SQLite database/],
  ])('fails with one InputError line for %s', async (_name, make, message) => {
    const error = await detectStore(make(tempDir())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
