import { describe, expect, it } from 'vitest';
import { trackerList, trackerName, trackersOf } from '../../../../src/lib/site/views/trackers.ts';

const mlflow = {};
const tensorboard = { provenance: { tracker: 'tensorboard' as const, path: 'runs/a/events.out.tfevents.1' } };
const wandb = { provenance: { tracker: 'wandb' as const, path: 'run-1/run-1.wandb' } };

describe('trackers', () => {
  it('names a run by the tracker it was read from, MLflow when it has no provenance', () => {
    expect([mlflow, tensorboard, wandb].map(trackerName)).toEqual(['MLflow', 'TensorBoard', 'W&B']);
  });

  it('lists the trackers of a site once each, MLflow first, whatever the runs\' order', () => {
    expect(trackersOf([wandb, tensorboard, wandb, mlflow])).toEqual(['MLflow', 'TensorBoard', 'W&B']);
    expect(trackersOf([wandb, tensorboard])).toEqual(['TensorBoard', 'W&B']);
    expect(trackersOf([])).toEqual([]);
  });

  it('joins names as a sentence does', () => {
    expect([[], ['MLflow'], ['MLflow', 'W&B'], ['MLflow', 'TensorBoard', 'W&B']].map(trackerList)).toEqual(['', 'MLflow', 'MLflow and W&B', 'MLflow, TensorBoard and W&B']);
  });
});
