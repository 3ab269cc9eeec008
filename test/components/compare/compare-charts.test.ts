import { describe, expect, it } from 'vitest';
import { chartRunNames, defaultChartMetrics, differingParams, MAX_PARALLEL_AXES, METRIC_AXIS, metricChoices, parallelInputs, seriesUrls } from '../../../src/components/compare/compare-charts.ts';
import { lineSpecUrls } from '../../../src/lib/site/routes.ts';
import { compareRuns } from '../../../src/components/compare/compare-diff.ts';
import { lineChartVariants } from '../../../src/lib/charts/compile.ts';
import { dataFiles } from '../../../src/lib/site/routes.ts';
import type { RunSummaryData } from '../../../src/lib/site/run-data.ts';

function summary(id: string, parts: Partial<RunSummaryData> = {}): RunSummaryData {
  return { id, name: id, experimentId: '1', experimentName: 'exp', status: 'FINISHED', params: [], metrics: [], tags: [], ...parts };
}

describe('metricChoices(runs)', () => {
  it('lists shared metrics first (model before system), then the others, each group in key order', () => {
    const runs = [
      summary('a', { metrics: [['loss', 1], ['system/cpu', 1], ['acc', 1], ['only_a', 1], ['system/only_a', 1]] }),
      summary('b', { metrics: [['acc', 2], ['loss', 2], ['system/cpu', 2], ['only_b', 2]] }),
    ];
    const choices = metricChoices(runs);
    expect(choices.keys).toEqual(['acc', 'loss', 'system/cpu', 'only_a', 'only_b', 'system/only_a']);
    expect([...choices.shared].sort()).toEqual(['acc', 'loss', 'system/cpu']);
  });
});

describe('defaultChartMetrics(choices)', () => {
  it('charts the first six shared metrics', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const runs = [summary('x', { metrics: keys.map((k) => [k, 1]) }), summary('y', { metrics: [...keys.map((k): [string, number] => [k, 2]), ['extra', 1]] })];
    expect(defaultChartMetrics(metricChoices(runs))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('falls back to any metric when the runs share none', () => {
    const runs = [summary('x', { metrics: [['a', 1]] }), summary('y', { metrics: [['b', 1]] })];
    expect(defaultChartMetrics(metricChoices(runs))).toEqual(['a', 'b']);
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
