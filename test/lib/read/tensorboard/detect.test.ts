/** detectStore and readStores for TensorBoard log trees: recognised from the event files on disk, merged with MLflow stores. */
import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/lib/errors.ts';
import { detectStore } from '../../../../src/lib/read/detect.ts';
import { readStores } from '../../../../src/lib/read/index.ts';
import { writeEventFile } from '../../../../scripts/lib/write-tensorboard.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { tempDir, writeTree } from '../../../support/tmp.ts';

const T0 = 1_700_000_000;
const logs = (dir: string) => writeEventFile(join(dir, 'events.out.tfevents.1700000000.host.1.0'), [{ kind: 'scalar', tag: 'loss', step: 0, wallTime: T0, value: 1 }]);
const AUGURY = join(FIXTURES, 'real/augury/mlruns');

async function failure(path: string): Promise<string> {
  const error = await detectStore(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).not.toContain('\n');
  return (error as Error).message;
}

describe('detectStore(path) for TensorBoard logs', () => {
  it('recognises a folder with event files anywhere below it, whatever it is called', async () => {
    const dir = tempDir();
    logs(join(dir, 'outputs/exp/fold_1/version_3'));
    expect(await detectStore(join(dir, 'outputs'))).toMatchObject({ kind: 'tensorboard', label: 'outputs' });
    expect(await detectStore(join(dir, 'outputs/exp/fold_1/version_3'))).toMatchObject({ kind: 'tensorboard', label: 'version_3' });
  });

  it('does not take a folder for a log tree by its name', async () => {
    const dir = tempDir();
    writeTree(dir, { 'lightning_logs/version_0/hparams.yaml': 'lr: 1\n' });
    expect(await failure(join(dir, 'lightning_logs'))).toMatch(/not a store Runfolio can read/);
  });

  it('recognises one event file by its TFRecord header, named after its folder', async () => {
    const dir = tempDir();
    logs(join(dir, 'run_7'));
    const file = join(dir, 'run_7/events.out.tfevents.1700000000.host.1.0');
    expect(await detectStore(file)).toMatchObject({ kind: 'tensorboard', label: 'run_7', path: file });
    copyFileSync(file, join(dir, 'renamed.bin'));
    expect((await detectStore(join(dir, 'renamed.bin'))).kind).toBe('tensorboard');
  });

  it('reads an mlruns folder whose runs keep TensorBoard logs as artifacts as an MLflow store', async () => {
    const dir = tempDir();
    cpSync(AUGURY, join(dir, 'mlruns'), { recursive: true });
    logs(join(dir, 'mlruns/0/043947daf4814f7588eaca9ff5490d3c/artifacts/tensorboard_logs'));
    expect((await detectStore(join(dir, 'mlruns'))).kind).toBe('mlruns');
    expect((await detectStore(dir)).kind).toBe('mlruns');
  });

  it('prefers mlflow.db when the only event files are artifacts in mlruns/ beside it', async () => {
    const dir = tempDir();
    logs(join(dir, 'mlruns/1/abc/artifacts/tb'));
    writeFileSync(join(dir, 'mlflow.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(84)]));
    expect((await detectStore(dir)).kind).toBe('sqlite');
  });

  it('does not look for logs in hidden folders or installed packages beside an MLflow store', async () => {
    const dir = tempDir();
    cpSync(AUGURY, join(dir, 'mlruns'), { recursive: true });
    logs(join(dir, '.venv/lib/python3.12/site-packages/tensorboard/testdata'));
    logs(join(dir, 'web/node_modules/some-package/fixtures'));
    expect((await detectStore(dir)).kind).toBe('mlruns');
  });

  it('asks which one is meant when a project folder holds an MLflow store and a log tree beside it', async () => {
    const dir = tempDir();
    cpSync(AUGURY, join(dir, 'mlruns'), { recursive: true });
    logs(join(dir, 'lightning_logs/version_0'));
    expect(await failure(dir)).toBe(
      `${dir}: holds an MLflow store (mlruns/) and TensorBoard event files (lightning_logs/version_0/events.out.tfevents.1700000000.host.1.0); pass the one you mean with --store, or both: --store ${join(dir, 'mlruns')} --store ${join(dir, 'lightning_logs')}`,
    );
  });
});

describe('readStores([mlruns, log tree])', () => {
  it('merges the log tree with an MLflow store into one Snapshot, every id kept as it was', async () => {
    const dir = tempDir();
    logs(join(dir, 'lightning_logs/version_0'));
    const alone = await readStores([join(dir, 'lightning_logs')]);
    const mlflow = await readStores([AUGURY]);
    const merged = await readStores([AUGURY, join(dir, 'lightning_logs')]);
    expect(merged.experiments.map((e) => e.id).sort()).toEqual([...mlflow.experiments.map((e) => e.id), ...alone.experiments.map((e) => e.id)].sort());
    expect(merged.runs.map((r) => r.id).sort()).toEqual([...mlflow.runs.map((r) => r.id), ...alone.runs.map((r) => r.id)].sort());
    const tb = merged.runs.find((r) => r.provenance);
    expect(tb).toMatchObject({ name: 'version_0', provenance: { tracker: 'tensorboard', path: 'lightning_logs/version_0/events.out.tfevents.1700000000.host.1.0' } });
    expect(merged.experiments.find((e) => e.id === tb?.experimentId)).toMatchObject({ name: 'lightning_logs', origin: 'lightning_logs' });
  });
});
