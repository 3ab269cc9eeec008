import { describe, expect, it } from 'vitest';
import { changedParams, compareMetrics } from '../../../src/lib/compare/metrics.ts';
import { makeRun } from '../analyze/snapshot.ts';

const experiments = [{ id: '1', name: 'e', lifecycleStage: 'active' as const, tags: {} }];
const baseline = makeRun({ id: 'b', metrics: { val_loss: 0.4, accuracy: 0.9, same: 1, 'system/memory': 50, nan_now: 1, only_b: 1 }, params: { lr: '0.1', x: '1' } });
const candidate = makeRun({ id: 'c', metrics: { val_loss: 0.5, accuracy: 0.95, same: 1 + 1e-9, 'system/memory': 40, nan_now: 'NaN', only_c: 2 }, params: { lr: '0.10', y: '2' } });

describe('compareMetrics(baseline, candidate, experiments, patterns)', () => {
  it('compares the metrics both runs logged, most telling first, with changes and a verdict in the metric direction', () => {
    const { rows, onlyBaseline, onlyCandidate } = compareMetrics(baseline, candidate, experiments);
    // The site's ranking: a score, a held-out loss, names it does not know, system metrics last.
    expect(rows.map((r) => [r.key, r.verdict, r.bookkeeping])).toEqual([['accuracy', 'better', false], ['val_loss', 'worse', false], ['nan_now', 'worse', false], ['same', 'same', false], ['system/memory', 'better', true]]);
    expect(rows.find((r) => r.key === 'val_loss')).toMatchObject({ direction: 'asc', baseline: 0.4, candidate: 0.5, system: false });
    expect(rows.find((r) => r.key === 'val_loss')?.absolute).toBeCloseTo(0.1);
    expect(rows.find((r) => r.key === 'val_loss')?.relative).toBeCloseTo(0.25);
    expect(rows.find((r) => r.key === 'system/memory')?.system).toBe(true);
    expect(onlyBaseline).toEqual(['only_b']);
    expect(onlyCandidate).toEqual(['only_c']);
  });

  it('compares the keys and globs asked for, a key one run lacks included as missing', () => {
    const { rows, onlyBaseline } = compareMetrics(baseline, candidate, experiments, ['val_*', 'only_c', 'system/*']);
    // A metric asked for by name is a result, whatever its kind.
    expect(rows.map((r) => [r.key, r.verdict, r.bookkeeping])).toEqual([['val_loss', 'worse', false], ['only_c', 'missing', false], ['system/memory', 'better', false]]);
    expect(onlyBaseline).toEqual(['only_b']);
  });
});

describe('changedParams(baseline, candidate)', () => {
  it('lists params whose strings differ or that one run lacks, in key order', () => {
    expect(changedParams(baseline, candidate)).toEqual([
      { key: 'lr', baseline: '0.1', candidate: '0.10' },
      { key: 'x', baseline: '1', candidate: null },
      { key: 'y', baseline: null, candidate: '2' },
    ]);
  });
});
