import { load as parseSvg } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/lib/model.ts';
import { historyChart, parallelChart, scatterChart, type SvgFile } from '../../../src/lib/site/charts-static.ts';

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
  // Four runs: a label no two share, a numeric setting, and a categorical one two runs share.
  const runs = ['a', 'b', 'c', 'd'].map((id, i) => ({ ...run(id, [1, 0.5 + i / 10]), params: { label: `run-${id}-xyz`, depth: String(3 + i), optimizer: i % 2 ? 'adam' : 'sgd' } }));

  it('leaves out a param that only labels each run, in parallel coordinates and in the scatter plot', async () => {
    const files: SvgFile[] = [];
    expect((await parallelChart(runs, ['label', 'depth', 'optimizer'], 'loss', path, files))?.caption).toBe('depth, optimizer → loss, 4 runs');
    expect((await scatterChart(runs, ['label', 'optimizer', 'depth'], 'loss', path, files))?.caption).toBe('loss against depth, 4 runs');
    expect((await scatterChart(runs, ['label', 'optimizer'], 'loss', path, files))?.caption).toBe('loss against optimizer, 4 runs');
    expect(await scatterChart(runs, ['label'], 'loss', path, files)).toBeUndefined();
  });
});
