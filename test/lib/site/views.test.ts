import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { buildSiteViews } from '../../../src/lib/site/views/build.ts';
import type { Point } from '../../../src/lib/model.ts';
import { makeSnapshot } from '../analyze/snapshot.ts';
import { FIXTURES } from '../../support/fixtures.ts';

const curve = (values: number[]): Point[] => values.map((value, step) => ({ step, timestamp: 1000 + step, value }));

async function views(store: string) {
  return (await buildSiteViews(await readStores([`${FIXTURES}/real/${store}/mlruns`]), [])).views;
}

describe('buildSiteViews(snapshot) on the real stores', () => {
  it('ranks YOLO (yolo-slash) by mAP50-95 and orders its table columns and run pages by relevance', async () => {
    const site = await views('yolo-slash');
    const experiment = site.experiments.find((e) => e.name === '/Shared/YOLOv8')!;
    expect(experiment.primaryMetric).toEqual({ key: 'metrics/mAP50-95B', direction: 'desc' });
    expect(experiment.columns.metrics.slice(0, 2)).toEqual(['metrics/mAP50-95B', 'metrics/mAP50B']);
    expect(experiment.columns.metrics.slice(-3)).toEqual(['lr/pg0', 'lr/pg1', 'lr/pg2']);
    expect(experiment.previewColumns.metrics[0]).toBe('metrics/mAP50-95B');
    const run = site.runs.find((r) => r.experimentId === experiment.id)!;
    expect(run.metrics.map((m) => m.key)).toEqual(experiment.columns.metrics);
    expect(site.home.experiments.find((e) => e.id === experiment.id)!.best!.metric).toBe('metrics/mAP50-95B');
  });

  it('ranks augury by a quality metric (match accuracy), not by fit time', async () => {
    const site = await views('augury');
    for (const experiment of site.experiments.filter((e) => e.runCount > 0)) expect(experiment.primaryMetric?.key).toBe('match_accuracy');
    const main = site.experiments.find((e) => e.name === 'Default')!;
    expect(main.otherLeaderboards.map((b) => b.key)).toEqual(['mean_absolute_error']);
    expect(main.otherLeaderboards[0]!.direction).toBe('asc');
    expect(main.otherLeaderboards[0]!.rows.length).toBe(10);
  });

  it('offers the chart panels every metric, the primary one and its siblings by default', async () => {
    const site = await views('yolo-slash');
    const { panels } = site.experiments.find((e) => e.name === '/Shared/YOLOv8')!;
    expect(panels.defaults[0]).toBe('metrics/mAP50-95B');
    expect(panels.metrics.every((m) => m.history)).toBe(true);
    expect(panels.runs.length).toBe(4);
  });
});

describe('buildSiteViews(snapshot) overrides', () => {
  const snapshot = () => {
    const s = makeSnapshot(
      ['a', 'b', 'c'].map((id, i) => ({ id, metrics: { val_loss: curve([3 - i, 2 - i]), val_f1: curve([0.1 * i, 0.2 * i]), fit_time: curve([i, i + 1]) } })),
    );
    return s;
  };

  it('pins the metrics of the runfolio.metrics experiment tag first, the first as the primary metric', async () => {
    const tagged = snapshot();
    tagged.experiments[0]!.tags['runfolio.metrics'] = 'fit_time, val_loss';
    const [experiment] = (await buildSiteViews(tagged, [])).views.experiments;
    expect(experiment!.primaryMetric?.key).toBe('fit_time');
    expect(experiment!.columns.metrics).toEqual(['fit_time', 'val_loss', 'val_f1']);
  });

  it('lets --metric win over the tag where runs logged it', async () => {
    const tagged = snapshot();
    tagged.experiments[0]!.tags['runfolio.metrics'] = 'fit_time';
    expect((await buildSiteViews(tagged, [], { preferredMetric: 'val_loss' })).views.experiments[0]!.primaryMetric?.key).toBe('val_loss');
    expect((await buildSiteViews(tagged, [], { preferredMetric: 'nothing' })).views.experiments[0]!.primaryMetric?.key).toBe('fit_time');
    expect((await buildSiteViews(snapshot(), [])).views.experiments[0]!.primaryMetric?.key).toBe('val_f1');
  });
});
