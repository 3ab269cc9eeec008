import { describe, expect, it } from 'vitest';
import { inferDirection, metricDirection, nameParts } from '../../../src/lib/analyze/direction.ts';

describe('inferDirection(name)', () => {
  it.each([
    'loss', 'val_loss', 'train/loss', 'eval-rmse', 'validation-rmse', 'valLoss', 'mean_absolute_error', 'MSE', 'test mae',
    'top5_error', 'perplexity', 'eval/wer', 'cer', 'latency_ms', 'fit_time', 'time_total_s', 'epoch.duration', 'smape', 'nll',
  ])('says lower is better (asc) for %s', (name) => {
    expect(inferDirection(name)).toBe('asc');
  });

  it.each([
    'accuracy', 'val/accuracy', 'f1', 'f1_score', 'auc', 'roc_auc', 'r2', 'precision', 'recall', 'reward', 'match_accuracy',
    'timestamp', 'terrain_score', 'samples_per_sec', 'bits',
  ])('says higher is better (desc) for %s', (name) => {
    expect(inferDirection(name)).toBe('desc');
  });

  it("flips for scikit-learn's negated scorers", () => {
    expect(inferDirection('neg_mean_squared_error')).toBe('desc');
    expect(inferDirection('neg_log_loss')).toBe('desc');
  });
});

describe('nameParts(name)', () => {
  it('splits at separators, case changes and letter/digit changes', () => {
    expect(nameParts('train/valLoss-top5_error.x y')).toEqual(['train', 'val', 'loss', 'top', '5', 'error', 'x', 'y']);
  });
});

describe('metricDirection(name, given)', () => {
  it('takes the given direction over the name', () => {
    expect(metricDirection('val_loss', 'desc')).toBe('desc');
    expect(metricDirection('accuracy', 'asc')).toBe('asc');
    expect(metricDirection('accuracy')).toBe('desc');
  });
});
