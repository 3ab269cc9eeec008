import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/lib/errors.ts';
import { detectStore } from '../../../../src/lib/read/detect.ts';
import { writeWandbRun } from '../../../../scripts/lib/write-wandb.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { tempDir, writeTree } from '../../../support/tmp.ts';

const KWT = join(FIXTURES, 'trackers/wandb/kwt-0.12-killed');
const RUN_DIR = join(KWT, 'wandb/run-20220429_201936-3ojed7lz');

describe('detectStore(path) for W&B run folders', () => {
  it('recognises a wandb/ folder of run folders, and a folder holding one', async () => {
    expect(await detectStore(join(KWT, 'wandb'))).toMatchObject({ kind: 'wandb', path: join(KWT, 'wandb'), label: 'wandb' });
    expect(await detectStore(KWT)).toMatchObject({ kind: 'wandb', path: join(KWT, 'wandb'), label: 'wandb' });
  });

  it('recognises one run folder, and a .wandb log as its run folder', async () => {
    expect(await detectStore(RUN_DIR)).toMatchObject({ kind: 'wandb', path: RUN_DIR, label: 'run-20220429_201936-3ojed7lz' });
    expect(await detectStore(join(RUN_DIR, 'run-3ojed7lz.wandb'))).toMatchObject({ kind: 'wandb', path: RUN_DIR });
  });

  it('recognises folders by what they hold, not by their names: offline runs, renamed folders, side files only', async () => {
    const dir = tempDir();
    writeWandbRun(join(dir, 'logs'), { id: 'off1', startTime: 1_700_000_000 }, { offline: true });
    expect((await detectStore(join(dir, 'logs'))).kind).toBe('wandb');
    writeTree(dir, { 'renamed/my-run/run-zz.wandb': Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00]) });
    expect((await detectStore(join(dir, 'renamed/my-run'))).kind).toBe('wandb');
    writeTree(dir, { 'sidecar/run-1/files/wandb-summary.json': '{}' });
    expect((await detectStore(join(dir, 'sidecar'))).kind).toBe('wandb');
  });

  it('names TensorBoard and W&B among what it expected when a folder is none of the known kinds', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'wandb'));
    writeTree(dir, { 'wandb/run-1/notes.txt': 'nothing wandb wrote' });
    const error = await detectStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${dir}: not a store Runfolio can read: expected an mlruns/ folder, an mlflow.db SQLite file (or sqlite:/// URI), a JSON export, TensorBoard event files or W&B run folders`);
  });

  it('names what is wrong with a .wandb file that is not a W&B log', async () => {
    const file = join(tempDir(), 'run-x.wandb');
    writeFileSync(file, 'PK\u0003\u0004 a zip');
    const error = await detectStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${file}: not a W&B log (starts with "PK\\u0003\\u0004", expected ":W&B")`);
  });
});
