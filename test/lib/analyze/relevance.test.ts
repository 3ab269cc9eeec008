import { describe, expect, it } from 'vitest';
import { readMetricName, metricStem } from '../../../src/lib/analyze/metric-names.ts';
import {
  defaultChartMetrics,
  metricStats,
  metricStatsOfRuns,
  pinnedMetrics,
  primaryMetric,
  rankMetrics,
  rankMetricStats,
  siblingMetrics,
  type MetricStats,
} from '../../../src/lib/analyze/relevance.ts';
import { readStores } from '../../../src/lib/read/index.ts';
import type { MetricValue, Snapshot } from '../../../src/lib/model.ts';
import { FIXTURES } from '../../support/fixtures.ts';

/** Stats of metrics every one of `runs` runs logged as a changing series, unless said otherwise. */
function stats(keys: string[], overrides: Record<string, Partial<MetricStats>> = {}, runs = 10): MetricStats[] {
  return keys.map((key) => ({ key, runs, points: 100, varies: true, constant: false, ...overrides[key] }));
}

const single = { points: 1, varies: false };

describe('readMetricName(key)', () => {
  it('tells quality scores, errors, losses, bookkeeping and unknown names apart', () => {
    const kinds = Object.fromEntries(
      ['val_accuracy', 'metrics/mAP50-95B', 'F1', 'roc_auc', 'mean_absolute_error', 'top5_error', 'val/box_loss', 'dice_loss', 'fit_time', 'score_time', 'pid', 'done', 'timestamp', 'lr/pg0', 'iterations_since_restore', 'system/gpu_utilization_percentage', 'val_loss_epoch', 'bits', 'ms_ssim'].map(
        (key) => [key, readMetricName(key).kind],
      ),
    );
    expect(kinds).toEqual({
      val_accuracy: 'score',
      'metrics/mAP50-95B': 'score',
      F1: 'score',
      roc_auc: 'score',
      mean_absolute_error: 'error',
      top5_error: 'error',
      'val/box_loss': 'loss',
      dice_loss: 'loss',
      fit_time: 'bookkeeping',
      score_time: 'bookkeeping',
      pid: 'bookkeeping',
      done: 'bookkeeping',
      timestamp: 'bookkeeping',
      'lr/pg0': 'bookkeeping',
      iterations_since_restore: 'bookkeeping',
      'system/gpu_utilization_percentage': 'bookkeeping',
      val_loss_epoch: 'loss',
      bits: 'other',
      ms_ssim: 'score',
    });
  });

  it('reads the split from held-out and training words, camelCase included', () => {
    expect(['val_loss', 'valLoss', 'test-acc', 'eval/f1', 'validation_1-binary_logloss', 'train/loss', 'training_score', 'loss'].map((k) => readMetricName(k).split)).toEqual([
      'heldout',
      'heldout',
      'heldout',
      'heldout',
      'heldout',
      'train',
      'train',
      'none',
    ]);
  });

  it('does not read words inside other words', () => {
    expect(readMetricName('terrain_cover').kind).toBe('other');
    expect(readMetricName('contest_score').split).toBe('none');
  });
});

describe('metricStem(key)', () => {
  it('drops the split words, so train, val and test variants share a stem', () => {
    expect(metricStem('val/box_loss')).toBe(metricStem('train/box_loss'));
    expect(metricStem('valLoss')).toBe(metricStem('train_loss'));
    expect(metricStem('valid_1-binary_logloss')).toBe(metricStem('training-binary_logloss'));
    expect(metricStem('val_loss')).not.toBe(metricStem('val_accuracy'));
  });
});

describe('rankMetrics(stats, pinned)', () => {
  it('puts quality metrics before training loss, before unknown names, before timing and bookkeeping', () => {
    const keys = ['done', 'fit_time', 'pid', 'train_loss', 'custom_thing', 'val_loss', 'timestamp', 'iterations_since_restore', 'val_accuracy', 'mae'];
    expect(rankMetrics(stats(keys))).toEqual(['val_accuracy', 'mae', 'val_loss', 'train_loss', 'custom_thing', 'done', 'fit_time', 'iterations_since_restore', 'pid', 'timestamp']);
  });

  it('ranks scores before errors before held-out losses, training scores after them', () => {
    expect(rankMetrics(stats(['train_accuracy', 'val/box_loss', 'rmse', 'accuracy']))).toEqual(['accuracy', 'rmse', 'val/box_loss', 'train_accuracy']);
  });

  it('puts mAP over a range of thresholds first, precision and recall after the scores they make up', () => {
    const keys = ['metrics/recallB', 'metrics/precisionB', 'metrics/mAP50B', 'metrics/mAP50-95B', 'val/box_loss', 'train/box_loss', 'lr/pg0'];
    expect(rankMetrics(stats(keys))).toEqual(['metrics/mAP50-95B', 'metrics/mAP50B', 'metrics/precisionB', 'metrics/recallB', 'val/box_loss', 'train/box_loss', 'lr/pg0']);
  });

  it('puts series with histories before single values within a tier', () => {
    expect(rankMetrics(stats(['test_loss', 'val_loss'], { test_loss: single }))).toEqual(['val_loss', 'test_loss']);
    expect(rankMetrics(stats(['best_val_accuracy', 'val/accuracy'], { best_val_accuracy: { ...single, runs: 1 } }))).toEqual(['val/accuracy', 'best_val_accuracy']);
  });

  it('puts constant metrics last, keeping their order among themselves', () => {
    const constant = { constant: true, varies: false };
    expect(rankMetrics(stats(['val_acc', 'done', 'train_loss', 'bits'], { val_acc: constant, done: constant }))).toEqual(['train_loss', 'bits', 'val_acc', 'done']);
  });

  it("reads an unsplit name as training data when a held-out variant was logged beside it (Keras's loss and val_loss)", () => {
    expect(rankMetrics(stats(['loss', 'accuracy', 'val_loss', 'val_accuracy']))).toEqual(['val_accuracy', 'val_loss', 'accuracy', 'loss']);
    // A held-out variant only a few runs logged does not make the unsplit one a training metric.
    expect(rankMetrics(stats(['rmse', 'validation-rmse', 'val_loss'], { 'validation-rmse': { runs: 2 } }))).toEqual(['validation-rmse', 'rmse', 'val_loss']);
    expect(rankMetrics(stats(['rmse', 'validation-rmse', 'val_loss']))).toEqual(['validation-rmse', 'val_loss', 'rmse']);
  });

  it('breaks ties by held-out before unsplit, then by the number of runs, then by key', () => {
    expect(rankMetrics(stats(['accuracy', 'val_accuracy']))).toEqual(['val_accuracy', 'accuracy']);
    expect(rankMetrics(stats(['b_custom', 'a_custom', 'c_custom'], { c_custom: { runs: 20 } }))).toEqual(['c_custom', 'a_custom', 'b_custom']);
  });

  it('puts pinned keys first, in the order given, ignoring pins of keys nobody logged', () => {
    expect(rankMetrics(stats(['val_loss', 'val_acc', 'fit_time']), ['fit_time', 'nothing', 'val_loss'])).toEqual(['fit_time', 'val_loss', 'val_acc']);
  });
});

describe('metricStats(series)', () => {
  const series = (key: string, values: MetricValue[]) => ({ key, points: values.map((value) => ({ value })) });

  it('counts runs and points, tells changing series from flat and single ones, and constant metrics', () => {
    const out = metricStats([series('a', [3, 2, 1]), series('a', [5]), series('flat', [1, 1, 1]), series('flat', [2, 2]), series('done', [1, 1]), series('done', [1]), series('once', [7])]);
    expect(out).toEqual([
      { key: 'a', runs: 2, points: 3, varies: true, constant: false },
      { key: 'done', runs: 2, points: 2, varies: false, constant: true },
      { key: 'flat', runs: 2, points: 3, varies: false, constant: false },
      { key: 'once', runs: 1, points: 1, varies: false, constant: false },
    ]);
  });

  it('treats NaN as equal to NaN', () => {
    expect(metricStats([series('n', ['NaN', 'NaN']), series('n', ['NaN'])])[0]).toMatchObject({ varies: false, constant: true });
  });
});

describe('primaryMetric(ranked, preferred)', () => {
  it('takes a preferred metric when runs logged it, the first one that was', () => {
    const ranked = rankMetricStats(stats(['loss', 'acc']));
    expect(primaryMetric(ranked, ['nothing', 'loss'])).toBe('loss');
    expect(primaryMetric(ranked, [undefined, 'nothing'])).toBe('acc');
  });

  it('takes the first ranked metric nearly every run logged, never bookkeeping or system/ while something else qualifies', () => {
    expect(primaryMetric(rankMetricStats(stats(['train/loss', 'val/accuracy', 'lr'])))).toBe('val/accuracy');
    const few = rankMetricStats([...stats(['system/cpu'], {}, 20), ...stats(['train_loss', 'fit_time']), ...stats(['test_acc'], {}, 2)]);
    expect(primaryMetric(few)).toBe('train_loss');
    expect(primaryMetric(rankMetricStats(stats(['fit_time', 'score_time'])))).toBe('fit_time');
    expect(primaryMetric([])).toBeUndefined();
  });
});

describe('siblingMetrics(key, keys) and defaultChartMetrics(ranked, primary)', () => {
  it('finds the train, val and test variants of a metric', () => {
    expect(siblingMetrics('val_loss', ['val_loss', 'test_loss', 'train_loss', 'val_acc', 'loss'])).toEqual(['test_loss', 'train_loss', 'loss']);
  });

  it('charts the primary metric and its siblings, then telling metrics with a history', () => {
    const ranked = rankMetricStats(stats(['val_loss', 'test_loss', 'train_loss', 'pid', 'time_total_s'], { test_loss: single }));
    expect(defaultChartMetrics(ranked, 'val_loss')).toEqual(['val_loss', 'test_loss', 'train_loss']);
    const yolo = rankMetricStats(stats(['metrics/mAP50-95B', 'metrics/mAP50B', 'metrics/precisionB', 'val/box_loss', 'lr/pg0']));
    expect(defaultChartMetrics(yolo, 'metrics/mAP50-95B', 3)).toEqual(['metrics/mAP50-95B', 'metrics/mAP50B', 'metrics/precisionB']);
    expect(defaultChartMetrics(yolo, undefined)).toEqual([]);
  });
});

describe('pinnedMetrics(tags)', () => {
  it('reads the runfolio.metrics experiment tag as a comma-separated list', () => {
    expect(pinnedMetrics({ 'runfolio.metrics': ' val_f1, val/auc ,,val_f1' })).toEqual(['val_f1', 'val/auc']);
    expect(pinnedMetrics({})).toEqual([]);
  });
});

describe('the ranking on real stores', () => {
  const rank = (snapshot: Snapshot, experiment: string) => {
    const id = snapshot.experiments.find((e) => e.name === experiment)!.id;
    const runs = snapshot.runs.filter((r) => r.experimentId === id);
    const ranked = rankMetricStats(metricStatsOfRuns(runs));
    return { order: ranked.map((m) => m.key), primary: primaryMetric(ranked) };
  };

  it('ranks YOLO (yolo-slash) by mAP50-95, the learning rates last', async () => {
    const { order, primary } = rank(await readStores([`${FIXTURES}/real/yolo-slash/mlruns`]), '/Shared/YOLOv8');
    expect(primary).toBe('metrics/mAP50-95B');
    expect(order.slice(-3)).toEqual(['lr/pg0', 'lr/pg1', 'lr/pg2']);
  });

  it('ranks augury by match accuracy, fit and score times last', async () => {
    const { order, primary } = rank(await readStores([`${FIXTURES}/real/augury/mlruns`]), 'Default');
    expect(primary).toBe('match_accuracy');
    expect(order).toEqual(['match_accuracy', 'mean_absolute_error', 'fit_time', 'score_time']);
  });
});
