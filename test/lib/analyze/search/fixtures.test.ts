/**
 * MLflow search syntax on real and generated stores, each query's expected runs computed
 * independently (test/support/search-checks.ts): from the raw files, or with plain SQL on a
 * database the SQLite writer made from the demo store's spec.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { demoStore as demoSpec } from '../../../../src/generate/demo/index.ts';
import { writeSqlite } from '../../../../scripts/lib/write-sqlite.ts';
import { demoStore } from '../../../support/demo-store.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { expectSearchMatchesRaw, expectSearchMatchesSql, type RawSearchCase } from '../../../support/search-checks.ts';
import { tempDir } from '../../../support/tmp.ts';

const real = (store: string) => join(FIXTURES, 'real', store, 'mlruns');
const cases: (RawSearchCase & { store: string; root: () => string })[] = [
  { store: 'augury', root: () => real('augury'), filter: 'metrics.match_accuracy >= 0.72', expected: (runs) => runs.filter((r) => (r.metrics.get('match_accuracy') ?? NaN) >= 0.72) },
  { store: 'augury', root: () => real('augury'), filter: "params.min_year LIKE '19%'", expected: (runs) => runs.filter((r) => /^19/.test(r.params.get('min_year') ?? '')) },
  { store: 'yolo-slash', root: () => real('yolo-slash'), filter: 'metrics.`metrics/mAP50B` > 0.5', expected: (runs) => runs.filter((r) => (r.metrics.get('metrics/mAP50B') ?? NaN) > 0.5) },
  { store: 'packt-hpt', root: () => real('packt-hpt'), filter: "tags.mlflow.parentRunId != ''", expected: (runs) => runs.filter((r) => r.parentId !== null && r.parentId !== '') },
  {
    store: 'demo',
    root: demoStore,
    filter: "params.batch_size = '128' AND metrics.`val/loss` > 0",
    orderBy: ['metrics.`val/loss` ASC'],
    expected: (runs) => runs.filter((r) => r.params.get('batch_size') === '128' && (r.metrics.get('val/loss') ?? NaN) > 0).sort((a, b) => (a.metrics.get('val/loss') as number) - (b.metrics.get('val/loss') as number)),
  },
];

describe('searchRuns on mlruns stores, checked against the raw files', () => {
  it.each(cases)('$store: $filter', async ({ root, ...query }) => {
    await expectSearchMatchesRaw(root(), query);
  });
});

describe('searchRuns on an mlflow.db, checked with SQL', () => {
  const file = join(tempDir(), 'mlflow.db');
  writeSqlite(demoSpec().spec, file);

  it.each([
    ['metrics.val_auc > 0.8', "SELECT r.run_uuid FROM runs r JOIN latest_metrics m ON m.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND m.key = 'val_auc' AND m.is_nan = 0 AND m.value > 0.8"],
    ["params.batch_size = '128'", "SELECT r.run_uuid FROM runs r JOIN params p ON p.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND p.key = 'batch_size' AND p.value = '128'"],
    ["attributes.status = 'FAILED'", "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'active' AND status = 'FAILED'"],
  ])('%s', async (filter, query) => {
    await expectSearchMatchesSql(file, filter, query);
  });
});
