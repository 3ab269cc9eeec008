/**
 * The runs table's first columns on every real store outside the repository (hydro-ml and the
 * rest of fixtures/real): the params it hides as "the same in every run" are exactly those the
 * raw files show with one value in every run of the experiment (read independently of
 * src/lib/read), and the primary metric is always among the columns shown.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/lib/analyze/tables.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { experimentMetrics, experimentView, rankExperiment } from '../../src/lib/site/views/experiment-view.ts';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { readRawRuns } from '../support/raw-mlruns.ts';

const REAL = join(SHARED_FIXTURES, 'real');
const stores = readdirSync(REAL, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(REAL, e.name, 'mlruns'))).map((e) => e.name);

describe('experimentView(…) table columns on the real stores', () => {
  it('finds hydro-ml among the stores', () => {
    expect(stores).toContain('hydro-ml');
  });

  it.each(stores)('%s: hides exactly the params the same in every run, and shows the primary metric', async (name) => {
    const root = join(REAL, name, 'mlruns');
    const snapshot = await readStores([root]);
    const tables = buildTables(snapshot);
    const raw = readRawRuns(root).filter((r) => !r.deleted);
    for (const experiment of snapshot.experiments.filter((e) => e.lifecycleStage === 'active')) {
      const runs = snapshot.runs.filter((r) => r.experimentId === experiment.id && r.lifecycleStage === 'active');
      if (runs.length < 2) continue;
      const metrics = experimentMetrics(experiment, runs, undefined);
      const view = experimentView({ experiment, runs, tables, metrics, ranking: rankExperiment(tables, experiment.id, metrics.primary), charts: {}, archive: false });
      const rawRuns = raw.filter((r) => r.experimentId === experiment.id);
      const keys = [...new Set(rawRuns.flatMap((r) => [...r.params.keys()]))];
      const same = keys.filter((k) => new Set(rawRuns.map((r) => r.params.get(k) ?? '\u0000absent')).size === 1).sort();
      const hidden = view.uniformColumns.filter((c) => c.id.startsWith('param:')).map((c) => c.id.slice('param:'.length)).sort();
      expect(hidden, `${name} experiment ${experiment.id}`).toEqual(same);
      expect(view.previewColumns.params.some((k) => same.includes(k))).toBe(false);
      if (view.primaryMetric) expect(view.previewColumns.metrics[0]).toBe(view.primaryMetric.key);
      // hydro-ml's runs were logged by Ray Tune: a User of `unknown` and no Git commit.
      if (name === 'hydro-ml') {
        expect(view.uniformColumns).toEqual(expect.arrayContaining([{ id: 'run:user', value: 'unknown' }, { id: 'run:commit', value: null }]));
        expect(view.previewColumns.attributes).not.toContain('user');
      }
    }
  });
});
