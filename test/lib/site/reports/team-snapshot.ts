/**
 * A small team's store for report tests: experiment `vision` (a sweep parent with three trials,
 * one of which diverged, plus a baseline) and `churn` (metrics logged once), a deleted run, and a
 * registered model with a champion and a challenger.
 */
import type { Point, Snapshot } from '../../../../src/lib/model.ts';
import { makeSnapshot } from '../../analyze/snapshot.ts';

const T0 = 1_700_000_000_000;

function history(values: (number | 'NaN' | 'Infinity')[]): Point[] {
  return values.map((value, step) => ({ step, timestamp: T0 + step * 1000, value }));
}

export const RUNS = {
  sweep: 'a0000000000000000000000000000001',
  small: 'a0000000000000000000000000000002',
  big: 'a0000000000000000000000000000003',
  diverged: 'a0000000000000000000000000000004',
  baseline: 'b0000000000000000000000000000005',
  logreg: 'c0000000000000000000000000000006',
  xgb: 'c0000000000000000000000000000007',
  gone: 'd0000000000000000000000000000008',
};

export function teamSnapshot(): Snapshot {
  const snapshot = makeSnapshot(
    [
      { id: RUNS.sweep, experimentId: '1', name: 'sweep', startTime: T0, metrics: { best_acc: 0.93 }, params: { grid: 'lr x bs' } },
      { id: RUNS.small, experimentId: '1', name: 'lr0.1-bs128', parentId: RUNS.sweep, startTime: T0 + 10, endTime: T0 + 10 + 36 * 60_000, params: { lr: '0.1', batch_size: '128' }, metrics: { 'val/acc': history([0.5, 0.8, 0.9]), 'train/loss': history([2, 1, 0.5]) } },
      { id: RUNS.big, experimentId: '1', name: 'lr0.4-bs512', parentId: RUNS.sweep, startTime: T0 + 20, endTime: T0 + 20 + 27 * 60_000, params: { lr: '0.4', batch_size: '512' }, metrics: { 'val/acc': history([0.4, 0.85, 0.932]), 'train/loss': history([2, 0.9, 0.4]) } },
      { id: RUNS.diverged, experimentId: '1', name: 'lr0.4-bs128', status: 'FAILED', parentId: RUNS.sweep, startTime: T0 + 30, endTime: T0 + 30 + 7 * 60_000, params: { lr: '0.4', batch_size: '128' }, metrics: { 'val/acc': history([0.4, 0.65, 0.1]), 'train/loss': history([2, 'Infinity', 'NaN']) } },
      { id: RUNS.baseline, experimentId: '1', name: 'baseline', startTime: T0 - 100, params: { lr: '0.1', batch_size: '128' }, metrics: { 'val/acc': history([0.5, 0.7, 0.88]) }, tags: { team: 'vision' } },
      { id: RUNS.gone, experimentId: '1', name: 'gone', lifecycleStage: 'deleted', startTime: T0, metrics: { 'val/acc': 0.99 } },
      { id: RUNS.logreg, experimentId: '2', name: 'logreg', startTime: T0, params: { model: 'LogisticRegression' }, metrics: { val_auc: 0.84, val_f1: 0.61 } },
      { id: RUNS.xgb, experimentId: '2', name: 'xgboost', startTime: T0 + 1, params: { model: 'XGBClassifier' }, metrics: { val_auc: 0.86, val_f1: 0.64 } },
    ],
    [{ id: '1', name: 'vision' }, { id: '2', name: 'churn' }],
  );
  snapshot.models = [{
    name: 'clf',
    tags: {},
    aliases: { champion: '2', challenger: '1' },
    versions: [
      { version: '1', stage: 'Staging', status: 'READY', runId: RUNS.small, tags: {} },
      { version: '2', stage: 'Production', status: 'READY', runId: RUNS.big, tags: {} },
      { version: '3', stage: 'None', status: 'FAILED_REGISTRATION', tags: {} },
    ],
  }];
  return snapshot;
}
