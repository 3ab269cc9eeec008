/**
 * The site's metric defaults on the real stores outside the repository: hydro-ml (Ray Tune runs
 * logging `val_loss` and `train_loss` curves, a `test_loss` once, and a dozen timing and
 * bookkeeping series) must chart and rank by `val_loss` on every experiment page, with the
 * bookkeeping last; the other stores must get a quality metric wherever they logged one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { buildSiteViews } from '../../src/lib/site/views/build.ts';
import { SHARED_FIXTURES } from '../support/fixtures.ts';

const views = async (store: string) => {
  const snapshot = await readStores([join(SHARED_FIXTURES, store)]);
  return buildSiteViews(snapshot, []);
};

describe('buildSiteViews on hydro-ml', () => {
  it('ranks and charts val_loss on every experiment page, its train/test siblings beside it, bookkeeping last', async () => {
    const { views: site, svgs } = await views('real/hydro-ml/mlruns');
    expect(site.experiments).toHaveLength(12);
    for (const e of site.experiments) {
      expect(e.primaryMetric, e.name).toEqual({ key: 'val_loss', direction: 'asc' });
      expect(e.panels.defaults, e.name).toEqual(['val_loss', 'test_loss', 'train_loss']);
      expect(e.columns.metrics.slice(0, 3), e.name).toEqual(['val_loss', 'test_loss', 'train_loss']);
      expect(e.columns.metrics.slice(-2), e.name).toEqual(expect.arrayContaining(['done', 'timesteps_since_restore']));
      // The static charts: val_loss and train_loss as lines, test_loss (logged once) as bars.
      const [history, bars, train] = e.charts.metrics ?? [];
      expect(history?.alt, e.name).toMatch(/^val_loss over steps/);
      expect(bars?.alt, e.name).toMatch(/^test_loss of \d+ runs, one bar each/);
      expect(train?.alt, e.name).toMatch(/^train_loss over steps/);
      const svg = svgs.find((f) => f.path === history!.light)!.svg;
      expect(svg).toContain('aria-roledescription="line mark"');
    }
    const run = site.runs[0]!;
    expect(run.metrics.slice(0, 3).map((m) => m.key)).toEqual(['val_loss', 'test_loss', 'train_loss']);
  });
});

describe('buildSiteViews on the other real stores', () => {
  it.each([
    ['real/tfm1920/mlruns', 'accuracy'],
    ['real/pe-mi-ops/mlruns', 'test_accuracy'],
    ['real/ca-housing/mlruns', 'r2'],
    ['real-db/air-quality/mlflow.db', 'validation_roc_auc'],
    ['real-db/nyc-taxi-xgb/mlflow.db', 'rmse'],
  ])('%s: ranks its main experiment by %s', async (store, metric) => {
    const { views: site } = await views(store);
    const ranked = site.experiments.filter((e) => e.runCount > 0).sort((a, b) => b.runCount - a.runCount);
    expect(ranked[0]!.primaryMetric?.key).toBe(metric);
  });
});
