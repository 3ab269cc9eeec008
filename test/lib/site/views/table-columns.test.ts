/**
 * The runs table's first columns, chosen over every run: checked by hand-made runs for the rules
 * and against the raw files of real stores for the facts (which params are the same in every
 * run, which attributes are empty), read independently of src/lib/read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildTables, compareMlflowDefault } from '../../../../src/lib/analyze/tables.ts';
import type { Run } from '../../../../src/lib/model.ts';
import { readStores } from '../../../../src/lib/read/index.ts';
import { treeOrder, uniformColumns } from '../../../../src/lib/site/table-data.ts';
import { experimentMetrics, experimentView, keysByFrequency, rankExperiment } from '../../../../src/lib/site/views/experiment-view.ts';
import { tableColumnDefaults } from '../../../../src/lib/site/views/table-columns.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { readRawRuns } from '../../../support/raw-mlruns.ts';

const run = (id: string, extra: Partial<Run> = {}): Run => ({
  id, experimentId: '1', name: id, status: 'FINISHED', lifecycleStage: 'active', startTime: Number(id.replace(/\D/g, '') || 0) * 1000, endTime: 5000,
  params: {}, tags: {}, metrics: {}, inputs: [], artifacts: [], loggedModels: [], ...extra,
});
const metric = (value: number) => ({ latest: { step: 0, timestamp: 0, value }, history: [] });
const rows = (runs: Run[]) => runs.map((r) => ({ run: r, depth: 0 }));

describe('uniformColumns(records, metrics, params)', () => {
  it('finds columns empty in every run and columns with one value in every run', () => {
    const runs = [
      run('r1', { user: 'unknown', params: { seed: '42', lr: '0.1' }, metrics: { epochs: metric(10), acc: metric(0.5) } }),
      run('r2', { user: 'unknown', params: { seed: '42', lr: '0.2' }, metrics: { epochs: metric(10), acc: metric(0.7) } }),
    ];
    const defaults = tableColumnDefaults(rows(runs), ['acc', 'epochs'], ['lr', 'seed'], 'acc');
    expect(defaults.uniform).toEqual([
      { id: 'run:status', value: 'FINISHED' },
      { id: 'run:user', value: 'unknown' },
      { id: 'run:source', value: null },
      { id: 'run:commit', value: null },
      { id: 'metric:epochs', value: 10 },
      { id: 'param:seed', value: '42' },
    ]);
    expect(defaults).toMatchObject({ metrics: ['acc'], params: ['lr'], attributes: ['start', 'duration'] });
  });

  it('counts a key some runs lack as varying, and hides only empty columns of a single run', () => {
    const two = [run('r1', { params: { seed: '42' } }), run('r2')];
    expect(tableColumnDefaults(rows(two), [], ['seed'], undefined).params).toEqual(['seed']);
    const one = tableColumnDefaults(rows([run('r1', { user: 'ada' })]), [], [], undefined);
    expect(one.uniform.map((c) => c.id)).toEqual(['run:source', 'run:commit']);
    expect(one.attributes).toEqual(['status', 'start', 'duration', 'user']);
  });

  it('keeps the primary metric even when it is the same in every run', () => {
    const runs = [run('r1', { metrics: { acc: metric(1) } }), run('r2', { metrics: { acc: metric(1) } })];
    const defaults = tableColumnDefaults(rows(runs), ['acc'], [], 'acc');
    expect(defaults.metrics).toEqual(['acc']);
    expect(defaults.uniform.some((c) => c.id === 'metric:acc')).toBe(false);
  });

  it('takes the metrics after the primary one in the order given, without system/ metrics, four at most', () => {
    const values = { a: metric(1), b: metric(2), 'system/cpu': metric(3), c: metric(4), d: metric(5), e: metric(6) };
    const runs = [run('r1', { metrics: values }), run('r2', { metrics: Object.fromEntries(Object.entries(values).map(([k, m]) => [k, metric(m.latest.value + 1)])) })];
    expect(tableColumnDefaults(rows(runs), ['e', 'system/cpu', 'a', 'b', 'c', 'd'], [], 'c').metrics).toEqual(['c', 'e', 'a', 'b']);
  });

  it('says nothing of an empty experiment', () => {
    expect(uniformColumns([], [], [])).toEqual([{ id: 'run:status', value: null }, { id: 'run:start', value: null }, { id: 'run:duration', value: null }, { id: 'run:user', value: null }, { id: 'run:source', value: null }, { id: 'run:commit', value: null }]);
  });
});

describe('the runs table columns of real stores', () => {
  for (const store of ['augury', 'yolo-slash', 'packt-hpt']) {
    it(`hides exactly the params of ${store} that the raw files show the same in every run`, async () => {
      const root = join(FIXTURES, 'real', store, 'mlruns');
      const snapshot = await readStores([root]);
      const raw = readRawRuns(root).filter((r) => !r.deleted);
      for (const experiment of snapshot.experiments) {
        const runs = snapshot.runs.filter((r) => r.experimentId === experiment.id && r.lifecycleStage === 'active');
        if (runs.length < 2) continue;
        const rawRuns = raw.filter((r) => r.experimentId === experiment.id);
        const paramKeys = keysByFrequency(runs, (r) => r.params).map(([k]) => k);
        const { uniform } = tableColumnDefaults(treeOrder(runs, compareMlflowDefault), [], paramKeys, undefined);
        const hidden = uniform.filter((c) => c.id.startsWith('param:')).map((c) => c.id.slice('param:'.length)).sort();
        const keys = [...new Set(rawRuns.flatMap((r) => [...r.params.keys()]))];
        const same = keys.filter((k) => new Set(rawRuns.map((r) => r.params.get(k) ?? '\u0000absent')).size === 1).sort();
        expect(hidden).toEqual(same);
      }
    });
  }

  it('hides augury\'s User (root in every run) and Git commit (none logged), shows Source and times', async () => {
    const root = join(FIXTURES, 'real/augury/mlruns');
    const snapshot = await readStores([root]);
    const runs = snapshot.runs.filter((r) => r.experimentId === '0' && r.lifecycleStage === 'active');
    const users = new Set(readRawRuns(root).filter((r) => r.experimentId === '0' && !r.deleted).map((r) => (parse(readFileSync(join(root, '0', r.id, 'meta.yaml'), 'utf8')) as { user_id: string }).user_id));
    expect([...users]).toEqual(['root']);
    const tables = buildTables(snapshot);
    const experiment = snapshot.experiments.find((e) => e.id === '0')!;
    const metrics = experimentMetrics(experiment, runs, undefined);
    const view = experimentView({ experiment, runs, tables, metrics, ranking: rankExperiment(tables, '0', metrics.primary), charts: {}, archive: false });
    expect(view.uniformColumns.filter((c) => c.id.startsWith('run:'))).toEqual([
      { id: 'run:status', value: 'FINISHED' },
      { id: 'run:user', value: 'root' },
      { id: 'run:commit', value: null },
    ]);
    expect(view.previewColumns.attributes).toEqual(['start', 'duration', 'source']);
    expect(view.previewColumns.metrics[0]).toBe(view.primaryMetric?.key);
  });
});
