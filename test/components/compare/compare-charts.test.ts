import { describe, expect, it } from 'vitest';
import { chartRunNames, defaultChartMetrics, differingParams, MAX_PARALLEL_AXES, METRIC_AXIS, metricChoices, parallelInputs, seriesUrls } from '../../../src/components/compare/compare-charts.ts';
import { lineSpecUrls } from '../../../src/lib/site/routes.ts';
import { compareRuns } from '../../../src/components/compare/compare-diff.ts';
import { lineChartVariants } from '../../../src/lib/charts/compile.ts';
import { dataFiles } from '../../../src/lib/site/routes.ts';
import { decodeSeriesFile, encodeSeriesFile } from '../../../src/lib/charts/series-file.ts';
import { makeRun } from '../../lib/analyze/snapshot.ts';
import { summary } from '../../support/run-summary.ts';

/** The data files of `runs` as the compare page decodes them, each metric's history as given. */
function files(runs: { id: string; metrics: Record<string, number[]> }[]) {
  const points = (values: number[]) => values.map((value, step) => ({ step, timestamp: step, value }));
  return runs.map((run) => decodeSeriesFile(encodeSeriesFile([makeRun({ id: run.id, metrics: Object.fromEntries(Object.entries(run.metrics).map(([key, values]) => [key, points(values)])) })]), run.id));
}

describe('metricChoices(runs, files)', () => {
  it('lists shared metrics first, then the others, each group in relevance order', () => {
    const a = { loss: [3, 2], 'system/cpu': [5, 6], acc: [0.5, 0.6], only_a: [1, 2], 'system/only_a': [1, 2], fit_time: [1, 2] };
    const b = { acc: [0.7, 0.8], loss: [3, 1], 'system/cpu': [5, 7], only_b: [1, 3], fit_time: [2, 3] };
    const runs = [summary('a', { metrics: Object.entries(a).map(([k, v]) => [k, v.at(-1)!]) }), summary('b', { metrics: Object.entries(b).map(([k, v]) => [k, v.at(-1)!]) })];
    const choices = metricChoices(runs, files([{ id: 'a', metrics: a }, { id: 'b', metrics: b }]));
    expect(choices.keys).toEqual(['acc', 'loss', 'fit_time', 'system/cpu', 'only_a', 'only_b', 'system/only_a']);
    expect([...choices.shared].sort()).toEqual(['acc', 'fit_time', 'loss', 'system/cpu']);
  });

  it('still lists a metric whose series did not load, after the ranked ones', () => {
    const runs = [summary('a', { metrics: [['zeta', 1], ['val_acc', 1]] })];
    expect(metricChoices(runs, files([{ id: 'a', metrics: { val_acc: [1, 2] } }])).keys).toEqual(['val_acc', 'zeta']);
  });
});

describe('defaultChartMetrics(choices)', () => {
  it('charts the six most relevant shared metrics', () => {
    const keys = ['done', 'pid', 'iterations', 'time_this_iter_s', 'timestamp', 'train_loss', 'val_loss', 'test_loss'];
    const metrics = Object.fromEntries(keys.map((k, i) => [k, [i, i + 1]]));
    const runs = ['x', 'y'].map((id) => summary(id, { metrics: keys.map((k) => [k, 1]) }));
    expect(defaultChartMetrics(metricChoices(runs, files([{ id: 'x', metrics }, { id: 'y', metrics }])))).toEqual(['test_loss', 'val_loss', 'train_loss', 'done', 'iterations', 'pid']);
  });

  it('falls back to any metric when the runs share none', () => {
    const runs = [summary('x', { metrics: [['a', 1]] }), summary('y', { metrics: [['b', 1]] })];
    expect(defaultChartMetrics(metricChoices(runs, []))).toEqual(['a', 'b']);
  });
});

describe('seriesUrls(runs, metric, base)', () => {
  it('gives the data files, under the base path, of the runs that logged the metric', () => {
    const runs = [summary('a', { metrics: [['m', 1]] }), summary('b'), summary('c d', { metrics: [['m', 2]] })];
    expect(seriesUrls(runs, 'm', '/repo/')).toEqual([`/repo${dataFiles.run('a')}`, `/repo${dataFiles.run('c d')}`]);
  });
});

describe('chartRunNames(runs)', () => {
  it('maps ids to names (short ids for unnamed runs), even for an id spelled __proto__', () => {
    const names = chartRunNames([summary('__proto__', { name: 'p' }), summary('0123456789abcdef', { name: '' })]);
    expect(Object.hasOwn(names, '__proto__')).toBe(true);
    expect(names).toEqual(Object.fromEntries([['__proto__', 'p'], ['0123456789abcdef', '01234567']]));
  });
});

describe('differingParams(comparison)', () => {
  it(`lists the params that differ, at most ${MAX_PARALLEL_AXES}, and counts the rest`, () => {
    const params = Array.from({ length: 15 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const runs = [summary('a', { params: [...params.map((p): [string, string] => [p, '1']), ['same', 'x']] }), summary('b', { params: [...params.map((p): [string, string] => [p, '2']), ['same', 'x']] })];
    const { keys, more } = differingParams(compareRuns(runs));
    expect(keys).toEqual(params.slice(0, MAX_PARALLEL_AXES));
    expect(more).toBe(15 - MAX_PARALLEL_AXES);
  });
});

describe('parallelInputs(runs, params, metric)', () => {
  it('gives each run its params and the metric as a number, under a key no param can have', () => {
    const runs = [
      summary('a', { name: 'same', params: [['lr', '0.1'], ['acc', 'param'], ['unused', 'x']], metrics: [['acc', 0.9]] }),
      summary('bbbbbbbbbb', { name: 'same', params: [['lr', '0.2']], metrics: [['acc', 'NaN']] }),
    ];
    const inputs = parallelInputs(runs, ['lr', 'acc'], 'acc');
    expect(inputs).toEqual([
      { run: 'same (a)', values: { lr: '0.1', acc: 'param', [METRIC_AXIS]: 0.9 } },
      { run: 'same (bbbbbbbb)', values: { lr: '0.2', [METRIC_AXIS]: NaN } },
    ]);
  });
});

describe('lineSpecUrls(base)', () => {
  it('has a URL for every line chart variant compile.ts writes, under the base path', () => {
    const urls = lineSpecUrls('/repo/');
    expect(Object.keys(urls).sort()).toEqual(Object.keys(lineChartVariants({ metric: '', title: null })).sort());
    for (const [key, url] of Object.entries(urls)) expect(url).toBe(`/repo${dataFiles.lineSpec(key)}`);
  });
});
