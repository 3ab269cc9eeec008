/**
 * MLflow search syntax on the real stores, each query's expected runs computed independently:
 * from the raw files with test/support/raw-mlruns.ts (no code shared with our reader) or with
 * plain SQL on the database, and compared with searchRuns on the Snapshot we read.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { searchRuns } from '../../../../src/lib/analyze/search/index.ts';
import { readStores } from '../../../../src/lib/read/index.ts';
import { FIXTURES } from '../../../support/cli.ts';
import { readRawRuns, type RawRun } from '../../../support/raw-mlruns.ts';

const cases: { store: string; filter: string; orderBy?: string[]; expected: (runs: RawRun[]) => RawRun[] }[] = [
  {
    store: 'hydro-ml',
    filter: 'metrics.val_loss < 0.1',
    expected: (runs) => runs.filter((r) => (r.metrics.get('val_loss') ?? NaN) < 0.1),
  },
  {
    store: 'hydro-ml',
    filter: "params.arch = 'LSTM' AND metrics.val_loss > 0",
    orderBy: ['metrics.val_loss ASC'],
    expected: (runs) => runs.filter((r) => r.params.get('arch') === 'LSTM' && (r.metrics.get('val_loss') ?? NaN) > 0).sort((a, b) => (a.metrics.get('val_loss') as number) - (b.metrics.get('val_loss') as number)),
  },
  {
    store: 'augury',
    filter: 'metrics.match_accuracy >= 0.72',
    expected: (runs) => runs.filter((r) => (r.metrics.get('match_accuracy') ?? NaN) >= 0.72),
  },
  {
    store: 'augury',
    filter: "params.min_year LIKE '19%'",
    expected: (runs) => runs.filter((r) => /^19/.test(r.params.get('min_year') ?? '')),
  },
  {
    store: 'yolo-slash',
    filter: 'metrics.`metrics/mAP50B` > 0.5',
    expected: (runs) => runs.filter((r) => (r.metrics.get('metrics/mAP50B') ?? NaN) > 0.5),
  },
  {
    store: 'packt-hpt',
    filter: "tags.mlflow.parentRunId != ''",
    expected: (runs) => runs.filter((r) => r.parentId !== null && r.parentId !== ''),
  },
];

describe('searchRuns on the real mlruns fixtures, checked against the raw files', () => {
  it.each(cases)('$store: $filter', async ({ store, filter, orderBy, expected }) => {
    const root = join(FIXTURES, 'real', store, 'mlruns');
    const raw = readRawRuns(root).filter((r) => !r.deleted);
    const want = expected(raw).map((r) => r.id);
    expect(want.length, 'the query should select some runs but not all').toBeGreaterThan(0);
    const snapshot = await readStores([root]);
    // The raw reading counts runs of experiments in .trash/ as deleted; search those of live experiments.
    const live = new Set(snapshot.experiments.filter((e) => e.lifecycleStage === 'active').map((e) => e.id));
    const got = searchRuns(snapshot.runs.filter((r) => live.has(r.experimentId)), { filter, ...(orderBy ? { orderBy } : {}) }).map((r) => r.id);
    if (orderBy) expect(got).toEqual(want);
    else expect([...got].sort()).toEqual([...want].sort());
  });
});

describe('searchRuns on a real mlflow.db, checked with SQL', () => {
  const file = join(FIXTURES, 'real-db/zoomcamp-hyperopt/mlflow.db');
  const sql = (query: string) => {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return (db.prepare(query).all() as { run_uuid: string }[]).map((r) => r.run_uuid).sort();
    } finally {
      db.close();
    }
  };

  it.each([
    ['metrics.rmse < 6.5', "SELECT r.run_uuid FROM runs r JOIN latest_metrics m ON m.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND m.key = 'rmse' AND m.is_nan = 0 AND m.value < 6.5"],
    ["params.max_depth = '20'", "SELECT r.run_uuid FROM runs r JOIN params p ON p.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND p.key = 'max_depth' AND p.value = '20'"],
    ["attributes.status = 'FAILED'", "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'active' AND status = 'FAILED'"],
  ])('%s', async (filter, query) => {
    const want = sql(query);
    expect(want.length).toBeGreaterThan(0);
    const snapshot = await readStores([file]);
    expect(searchRuns(snapshot.runs, { filter }).map((r) => r.id).sort()).toEqual(want);
  });
});
