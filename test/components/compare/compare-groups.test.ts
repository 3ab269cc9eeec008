import { describe, expect, it } from 'vitest';
import { compareGroups, groupableKeys } from '../../../src/components/compare/compare-groups.ts';
import { summary } from '../../support/run-summary.ts';

const runs = [
  summary('a', { params: [['opt', 'adam']], metrics: [['acc', 0.8], ['system/cpu', 10]], tags: [['team', 'x'], ['mlflow.user', 'u']] }),
  summary('b', { params: [['opt', 'sgd']], metrics: [['acc', 0.6], ['loss', 'NaN']] }),
  summary('c', { params: [['opt', 'adam']], metrics: [['acc', 0.9], ['loss', 0.2]], tags: [['team', 'y']] }),
  summary('d', { metrics: [['acc', 0.5]] }),
];

describe('compareGroups(runs, groupBy)', () => {
  it('groups the runs by a param, runs without it last, with each metric\'s statistics per group', () => {
    const result = compareGroups(runs, 'params.opt')!;
    expect(result.groups.map((g) => [g.label, g.runs.map((r) => r.id)])).toEqual([
      ['opt = adam', ['a', 'c']],
      ['opt = sgd', ['b']],
      ['opt not set', ['d']],
    ]);
    expect(result.metrics.map((m) => m.key)).toEqual(['acc', 'loss']);
    const [adam, sgd, none] = result.metrics[0]!.stats;
    expect(adam).toMatchObject({ runs: 2, count: 2, min: 0.8, max: 0.9 });
    expect(adam!.mean).toBeCloseTo(0.85, 15);
    expect(adam!.std).toBeCloseTo(Math.sqrt(0.005), 15);
    expect(sgd).toMatchObject({ runs: 1, count: 1, mean: 0.6 });
    expect(none).toMatchObject({ runs: 1, count: 1, mean: 0.5 });
    expect(result.metrics[1]!.stats.map((s) => [s.count, s.missing, s.nan])).toEqual([[1, 1, 0], [0, 0, 1], [0, 1, 0]]);
  });

  it('groups by a tag, and refuses keys of other kinds', () => {
    expect(compareGroups(runs, 'tags.team')!.groups.map((g) => g.label)).toEqual(['team = x', 'team = y', 'team not set']);
    expect(compareGroups(runs, 'metrics.acc')).toBeUndefined();
  });
});

describe('groupableKeys(runs)', () => {
  it('lists param and tag keys, MLflow\'s own tags left out', () => {
    expect(groupableKeys(runs)).toEqual({ params: ['opt'], tags: ['team'] });
  });
});
