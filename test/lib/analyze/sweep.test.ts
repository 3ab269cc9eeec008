import { describe, expect, it } from 'vitest';
import { summarizeSweep } from '../../../src/lib/analyze/sweep.ts';
import { DEMO_CIFAR, demoStore } from '../../support/demo-store.ts';
import { expectSweepMatchesRaw } from '../../support/raw-checks.ts';
import { makeTables } from './snapshot.ts';

describe('summarizeSweep(tables, options)', () => {
  const tables = makeTables([
    { id: 'parent', startTime: 100, params: { lr: 'x' }, metrics: { 'val loss': 0 } },
    { id: 'a', startTime: 90, parentId: 'parent', params: { lr: '0.1', 'batch.size': '64' }, metrics: { 'val loss': 0.4 } },
    { id: 'b', startTime: 80, parentId: 'parent', params: { lr: '0.1', 'batch.size': '128' }, metrics: { 'val loss': 0.2 } },
    { id: 'c', startTime: 70, parentId: 'parent', params: { lr: '1e-2', 'batch.size': '64' }, metrics: { 'val loss': 'NaN' } },
    { id: 'd', startTime: 60, parentId: 'parent', params: { lr: '0.01', 'batch.size': '8' } },
    { id: 'e', startTime: 50, parentId: 'parent', params: { lr: '2' }, metrics: { 'val loss': 0.6 } },
  ]);
  const sweep = summarizeSweep(tables, { metric: 'val loss', parentId: 'parent' });
  const values = (key: string) => sweep.params.find((p) => p.key === key)?.values;

  it("summarizes the parent's children, params in code-unit order", () => {
    expect(sweep.runs).toBe(5);
    expect(sweep.direction).toBe('asc');
    expect(sweep.params.map((p) => p.key)).toEqual(['batch.size', 'lr']);
  });

  it('gives count, runs with a number for the metric (NaN not counted), best with its run, and mean per value, numbers sorted numerically', () => {
    expect(values('lr')).toEqual([
      // 0.01 and 1e-2 are the same number but different params: the string order decides.
      { value: '0.01', runs: 1, withMetric: 0, best: null, bestRunId: null, mean: null },
      { value: '1e-2', runs: 1, withMetric: 0, best: null, bestRunId: null, mean: null },
      { value: '0.1', runs: 2, withMetric: 2, best: 0.2, bestRunId: 'b', mean: expect.closeTo(0.3, 12) },
      { value: '2', runs: 1, withMetric: 1, best: 0.6, bestRunId: 'e', mean: 0.6 },
    ]);
  });

  it('counts runs without the param under null, last', () => {
    expect(values('batch.size')?.map((v) => [v.value, v.runs, v.bestRunId])).toEqual([
      ['8', 1, null], ['64', 2, 'a'], ['128', 1, 'b'], [null, 1, 'e'],
    ]);
  });

  it("takes the best in the metric's direction", () => {
    const up = summarizeSweep(tables, { metric: 'val loss', parentId: 'parent', direction: 'desc' });
    expect(up.params.find((p) => p.key === 'lr')?.values.find((v) => v.value === '0.1')).toMatchObject({ best: 0.4, bestRunId: 'a' });
  });

  it('summarizes any selection: the demo sweep experiment, checked against the raw files', async () => {
    await expectSweepMatchesRaw(demoStore(), 'val/loss', DEMO_CIFAR, 'batch_size');
  });
});
