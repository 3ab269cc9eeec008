import { load as parseSvg } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/lib/model.ts';
import { chartableParams, historyChart, parallelChart, scatterChart, type SvgFile } from '../../../src/lib/site/charts-static.ts';

const run = (id: string, values: number[]): Run => ({
  id, experimentId: '1', name: `run-${id}`, status: 'FINISHED', lifecycleStage: 'active', params: {}, tags: {}, inputs: [], artifacts: [], loggedModels: [],
  metrics: { loss: { latest: { step: values.length - 1, timestamp: values.length, value: values.at(-1) as number }, history: values.map((value, step) => ({ step, timestamp: step + 1, value })) } },
});
const path = (theme: 'light' | 'dark') => `/data/loss.${theme}.svg`;

describe('historyChart(runs, metric, path, files)', () => {
  it('draws a light and a dark SVG of the runs that logged a history', async () => {
    const files: SvgFile[] = [];
    const chart = await historyChart([run('a', [3, 2, 1]), run('b', [4, 3])], 'loss', new Map(), path, files);
    expect(chart).toMatchObject({ light: '/data/loss.light.svg', dark: '/data/loss.dark.svg' });
    expect(files.map((f) => f.path)).toEqual(['/data/loss.light.svg', '/data/loss.dark.svg']);
    expect(files[0]?.svg).toContain('<svg');
  });

  it('draws nothing for a metric logged once per run', async () => {
    const files: SvgFile[] = [];
    expect(await historyChart([run('a', [0.8]), run('b', [0.9])], 'loss', new Map(), path, files)).toBeUndefined();
    expect(files).toEqual([]);
  });
});

describe('scatterChart(runs, params, metric, path, files)', () => {
  const swept = (lrs: string[]) => lrs.map((lr, i) => ({ ...run(String(i), [1, 0.5 + i / 10]), params: { lr } }));
  const xLabels = (svg: string) => {
    const $ = parseSvg(svg, { xml: true });
    return $('g.role-axis').filter((_, g) => ($(g).attr('aria-label') ?? '').startsWith('X-axis')).find('g.role-axis-label text').map((_, t) => $(t).text()).get();
  };

  it('puts a param swept over decades on a log axis, as line charts decide theirs', async () => {
    const files: SvgFile[] = [];
    await scatterChart(swept(['0.0001', '0.0003', '0.001', '0.01', '0.1']), ['lr'], 'loss', path, files);
    expect(xLabels(files[0]!.svg)).toEqual(expect.arrayContaining(['0.0001', '0.001', '0.01', '0.1']));
    const linear: SvgFile[] = [];
    await scatterChart(swept(['0.1', '0.2', '0.3', '0.4', '0.5']), ['lr'], 'loss', path, linear);
    expect(xLabels(linear[0]!.svg)).not.toContain('0.0001');
    expect(xLabels(linear[0]!.svg).length).toBeGreaterThan(2);
  });
});

describe('which params the overview charts draw', () => {
  // Fourteen runs: a label each has its own, a numeric setting, a categorical one of two values.
  const runs = Array.from({ length: 14 }, (_, i) => ({ ...run(String(i), [1, 0.5 + i / 100]), params: { label: `run-${i}-xyz`, depth: String(3 + i), optimizer: i % 2 ? 'adam' : 'sgd' } }));

  it('chooses by default the params that vary, no text param with more values than an axis shows apart', () => {
    expect(chartableParams(runs, ['label', 'depth', 'optimizer', 'missing'])).toEqual(['depth', 'optimizer']);
    // Three runs with a model each: a text axis of three values reads well.
    const three = runs.slice(0, 3).map((r, i) => ({ ...r, params: { model: ['logreg', 'xgb', 'lgbm'][i]! } }));
    expect(chartableParams(three, ['model'])).toEqual(['model']);
  });

  it('draws what it is given, the scatter preferring a numeric setting', async () => {
    const files: SvgFile[] = [];
    expect((await scatterChart(runs, ['label', 'optimizer', 'depth'], 'loss', path, files))?.caption).toBe('loss against depth, 14 runs');
    expect((await scatterChart(runs, ['label'], 'loss', path, files))?.caption).toBe('loss against label, 14 runs');
    expect((await parallelChart(runs, chartableParams(runs, ['label', 'depth', 'optimizer']), 'loss', path, files))?.caption).toBe('depth, optimizer → loss, 14 runs');
  });
});
