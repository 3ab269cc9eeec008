import { describe, expect, it } from 'vitest';
import { bestRuns } from '../../../src/lib/analyze/best.ts';
import { demoStore } from '../../support/demo-store.ts';
import { expectBestPerParamMatchesRaw } from '../../support/raw-checks.ts';
import { makeTables } from './snapshot.ts';

const summary = (result: ReturnType<typeof bestRuns>) => result.groups.map((g) => [g.group, g.id]);

describe('bestRuns(tables, options)', () => {
  const tables = makeTables([
    { id: 'sweep1', experimentId: '1', startTime: 100, metrics: { 'val/loss': 0.5 } },
    { id: 's1-a', experimentId: '1', startTime: 90, parentId: 'sweep1', metrics: { 'val/loss': 0.4 }, params: { lr: '0.1', 'opt name': 'adam' } },
    { id: 's1-b', experimentId: '1', startTime: 80, parentId: 'sweep1', metrics: { 'val/loss': 0.2 }, params: { lr: '0.01', 'opt name': 'sgd' } },
    { id: 's1-c', experimentId: '1', startTime: 70, parentId: 'sweep1', metrics: { 'val/loss': 'NaN' }, params: { lr: '1e-3', 'opt name': 'adam' } },
    { id: 'sweep2', experimentId: '10', startTime: 200 },
    { id: 's2-a', experimentId: '10', startTime: 190, parentId: 'sweep2', metrics: { 'val/loss': 0.3 }, params: { lr: '0.1' }, tags: { 'team.name': 'x' } },
    { id: 's2-b', experimentId: '10', startTime: 180, parentId: 'sweep2', params: { lr: '10' }, tags: { 'team.name': 'y' } },
    { id: 'lonely', experimentId: '2', startTime: 50, params: { lr: '0.1' } },
  ]);

  it('gives the best run of each experiment, experiments by numeric id, experiments without the metric left out', () => {
    const result = bestRuns(tables, { metric: 'val/loss', group: { by: 'experiment' } });
    expect(result.direction).toBe('asc');
    expect(result.groups).toEqual([
      { group: '1', id: 's1-b', experimentId: '1', name: 's1-b', value: 0.2, runs: 4, ranked: 4 },
      { group: '10', id: 's2-a', experimentId: '10', name: 's2-a', value: 0.3, runs: 3, ranked: 1 },
    ]);
  });

  it("gives the best child of each parent run (a sweep's best trial), newest sweep first", () => {
    expect(summary(bestRuns(tables, { metric: 'val/loss', group: { by: 'parent' } }))).toEqual([['sweep2', 's2-a'], ['sweep1', 's1-b']]);
  });

  it('gives the best run per param value, numbers numerically, runs without the param as null, last', () => {
    const result = bestRuns(tables, { metric: 'val/loss', group: { by: 'param', key: 'lr' } });
    // lr=10 has no run with the metric, so it has no best.
    expect(summary(result)).toEqual([['1e-3', 's1-c'], ['0.01', 's1-b'], ['0.1', 's2-a'], [null, 'sweep1']]);
    expect(result.groups[0]?.value).toBeNaN();
    expect(result.groups.find((g) => g.group === '0.1')).toMatchObject({ runs: 3, ranked: 2 });
  });

  it('groups by a param or tag whose key holds spaces or dots', () => {
    expect(summary(bestRuns(tables, { metric: 'val/loss', group: { by: 'param', key: 'opt name' } }))).toEqual([
      ['adam', 's1-a'], ['sgd', 's1-b'], [null, 's2-a'],
    ]);
    expect(summary(bestRuns(tables, { metric: 'val/loss', group: { by: 'tag', key: 'team.name' } }))).toEqual([['x', 's2-a'], [null, 's1-b']]);
  });

  it('follows a given direction and breaks ties by start time, newest first', () => {
    const t = makeTables([
      { id: 'old', startTime: 1, metrics: { score: 0.5 }, params: { g: 'a' } },
      { id: 'new', startTime: 2, metrics: { score: 0.5 }, params: { g: 'a' } },
      { id: 'low', startTime: 3, metrics: { score: 0.1 }, params: { g: 'a' } },
    ]);
    expect(summary(bestRuns(t, { metric: 'score', group: { by: 'param', key: 'g' } }))).toEqual([['a', 'new']]);
    expect(summary(bestRuns(t, { metric: 'score', direction: 'asc', group: { by: 'param', key: 'g' } }))).toEqual([['a', 'low']]);
  });
});

describe('bestRuns(tables, options) on the demo store, checked against the raw metric files', () => {
  it('finds the lowest val/loss of each batch_size', async () => {
    await expectBestPerParamMatchesRaw(demoStore(), 'val/loss', 'batch_size');
  });
});
