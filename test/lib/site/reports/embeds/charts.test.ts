/**
 * Chart embeds: static SVGs from the site's chart renderers, inlined in both themes, over the
 * runs asked for (or the top runs as runfolio rank orders them), with the options the
 * interactive island takes over.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRuns } from '../../../../../src/lib/analyze/ranked-runs.ts';
import type { Snapshot } from '../../../../../src/lib/model.ts';
import type { ReportContext } from '../../../../../src/lib/site/reports/embeds/context.ts';
import type { HistoryView, ParamsChartView } from '../../../../../src/lib/site/reports/view.ts';
import { FIXTURES } from '../../../../support/fixtures.ts';
import { block, blockEmbed, contextOf, prepareOne, storeContext } from '../support.ts';
import { teamSnapshot } from '../team-snapshot.ts';

const YOLO = join(FIXTURES, 'real/yolo-slash/mlruns');
const AUGURY = join(FIXTURES, 'real/augury/mlruns');

const one = blockEmbed;

const svgText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('history', () => {
  let snapshot: Snapshot;
  let context: ReportContext;
  beforeAll(async () => ({ snapshot, context } = await storeContext(YOLO)));

  it('draws one chart per metric of the runs listed, light and dark, with the runs in the legend', async () => {
    const view: HistoryView = await one('history', 'runs: [/Shared/YOLOv8/adamtest, /Shared/YOLOv8/sgdtest3]\nmetric: [metrics/mAP50B, train/box_loss]', context);
    expect(view.charts.map((c) => c.metric)).toEqual(['metrics/mAP50B', 'train/box_loss']);
    for (const chart of view.charts) {
      expect(chart.light).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(chart.dark).toMatch(/^<svg /);
      expect(chart.light).not.toBe(chart.dark);
      expect(svgText(chart.light)).toEqual(expect.arrayContaining(['adamtest', 'sgdtest3', chart.metric]));
      expect(chart.island).toEqual({ runs: ['adamtest', 'sgdtest3'].map((name) => ({ id: snapshot.runs.find((r) => r.name === name)!.id, name })), x: 'step', log: false, smoothing: 0 });
    }
    expect(view.charts[0]!.caption).toBe('metrics/mAP50B, 2 runs');
  });

  it('draws the top runs as runfolio rank orders them, and takes x axis, log scale and smoothing', async () => {
    const view = await one('history', 'experiment: /Shared/YOLOv8\nrank_by: metrics/mAP50-95B\ntop: 3\nmetric: val/box_loss\nx: relative\nlog: true\nsmoothing: 0.5', context);
    const top = listRuns(context.tables, { experimentIds: ['596793538227028894'], orderBy: [], metric: 'metrics/mAP50-95B' }).slice(0, 3).map((r) => r.run.id);
    const [chart] = view.charts;
    expect(chart!.island.runs.map((r) => r.id)).toEqual(top);
    expect(chart!.island).toMatchObject({ x: 'rel', log: true, smoothing: 0.5 });
    expect(chart!.caption).toBe('val/box_loss (by relative, log scale, smoothed 0.5), the 3 best runs of /Shared/YOLOv8 by metrics/mAP50-95B');
    const linear = await one('history', 'experiment: /Shared/YOLOv8\nrank_by: metrics/mAP50-95B\ntop: 3\nmetric: val/box_loss\nx: relative', context);
    expect(linear.charts[0]!.light).not.toBe(chart!.light);
    expect(svgText(chart!.light)).toContain('relative time (s)');
  });

  it('cites the runs it draws', async () => {
    const report = await prepareOne(block('history', 'runs: [/Shared/YOLOv8/testrun1]\nmetric: train/box_loss'), context);
    expect(report.view.runs.map((r) => r.name)).toEqual(['testrun1']);
  });
});

describe('parallel and scatter', () => {
  it('draw the runs of a selection against the metric, and only require them published', async () => {
    const { context } = await storeContext(AUGURY);
    const parallel: ParamsChartView = await one('parallel', 'experiment: Default\nmetric: mean_absolute_error\nparams: [min_year, model]', context);
    expect(parallel.caption).toMatch(/^min_year, model → mean_absolute_error, \d+ runs$/);
    expect(svgText(parallel.light)).toEqual(expect.arrayContaining(['min_year', 'model', 'mean_absolute_error']));
    const scatter = await one('scatter', 'experiment: Default\nmetric: match_accuracy\nparam: min_year\ncaption: Accuracy by first season', context);
    expect(scatter.caption).toBe('Accuracy by first season');
    expect(scatter.alt).toBe('match_accuracy against min_year, one dot per run');
    const report = await prepareOne(block('scatter', 'experiment: Default\nparam: min_year'), context);
    expect(report.view.runs).toEqual([]);
    expect(report.runIds.length).toBe(listRuns(context.tables, { experimentIds: ['0'], orderBy: [], metric: context.primaryMetric('0')! }).filter((r) => r.rank !== null).length);
  });

  it('pick the most varied param for a scatter when none is given (ties: the most logged, then by name)', async () => {
    const view = await one('scatter', 'experiment: vision', contextOf(teamSnapshot()));
    expect(view.alt).toBe('val/acc against batch_size, one dot per run');
  });
});
