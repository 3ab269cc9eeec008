/**
 * Two small file stores for `runfolio compare` tests, as a pull request meets them: the main
 * branch's store (a champion registered as `models:/churn@champion`, and a better tuned run) and
 * the pull request's store (the run its CI just logged). Written by the project's own writer.
 */
import { join } from 'node:path';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import type { RunSpec, StoreSpec } from '../../src/generate/store-spec.ts';

export const T0 = 1_735_000_000_000;
export const IDS = { champion: 'a'.repeat(31) + '1', tuned: 'a'.repeat(31) + '2', candidate: 'c'.repeat(31) + '1' };

function history(start: number, end: number, steps = 5) {
  return Array.from({ length: steps }, (_, i) => ({ step: i, timestamp: T0 + i * 1000, value: start + ((end - start) * i) / (steps - 1) }));
}

function run(id: string, name: string, metrics: Record<string, [number, number]>, params: Record<string, string>, extra: Partial<RunSpec> = {}): RunSpec {
  return {
    id,
    experimentId: '1',
    name,
    status: 'FINISHED',
    startTime: T0,
    endTime: T0 + 60_000,
    user: 'maya',
    params,
    tags: { 'mlflow.source.name': 'train.py' },
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, [a, b]]) => [k, history(a, b)])),
    ...extra,
  };
}

export function mainSpec(): StoreSpec {
  return {
    experiments: [{ id: '0', name: 'Default', creationTime: T0 }, { id: '1', name: 'churn', creationTime: T0 }],
    runs: [
      run(IDS.champion, 'champion', { val_loss: [0.9, 0.4], val_auc: [0.5, 0.86], 'train/loss': [1, 0.3] }, { lr: '0.1', depth: '6' }),
      run(IDS.tuned, 'tuned', { val_loss: [0.9, 0.38], val_auc: [0.5, 0.87], 'train/loss': [1, 0.28] }, { lr: '0.05', depth: '6' }, { startTime: T0 + 1000 }),
    ],
    models: [{ name: 'churn', creationTime: T0, versions: [{ version: 1, runId: IDS.champion, source: `runs:/${IDS.champion}/model`, creationTime: T0 }], aliases: { champion: 1 } }],
  };
}

export function prSpec(overrides: Partial<RunSpec> = {}): StoreSpec {
  return {
    experiments: [{ id: '0', name: 'Default', creationTime: T0 }, { id: '1', name: 'churn', creationTime: T0 }],
    runs: [run(IDS.candidate, 'pr-run', { val_loss: [0.9, 0.41], val_auc: [0.5, 0.88], 'train/loss': [1, 0.25] }, { lr: '0.2', depth: '6' }, overrides)],
  };
}

/** Both stores under `dir`: `<dir>/main/mlruns` and `<dir>/pr/mlruns`. */
export function writeCompareStores(dir: string, pr: StoreSpec = prSpec()): { main: string; pr: string } {
  const stores = { main: join(dir, 'main', 'mlruns'), pr: join(dir, 'pr', 'mlruns') };
  writeMlruns(mainSpec(), stores.main);
  writeMlruns(pr, stores.pr);
  return stores;
}
