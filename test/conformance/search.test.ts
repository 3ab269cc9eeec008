/** MLflow search syntax on hydro-ml (checked against its raw files) and a real mlflow.db (checked with SQL). */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { expectSearchMatchesRaw, expectSearchMatchesSql, type RawSearchCase } from '../support/search-checks.ts';

const HYDRO = join(SHARED_FIXTURES, 'real/hydro-ml/mlruns');
const cases: RawSearchCase[] = [
  { filter: 'metrics.val_loss < 0.1', expected: (runs) => runs.filter((r) => (r.metrics.get('val_loss') ?? NaN) < 0.1) },
  {
    filter: "params.arch = 'LSTM' AND metrics.val_loss > 0",
    orderBy: ['metrics.val_loss ASC'],
    expected: (runs) => runs.filter((r) => r.params.get('arch') === 'LSTM' && (r.metrics.get('val_loss') ?? NaN) > 0).sort((a, b) => (a.metrics.get('val_loss') as number) - (b.metrics.get('val_loss') as number)),
  },
];

describe('searchRuns on hydro-ml, checked against the raw files', () => {
  it.each(cases)('$filter', async (query) => {
    await expectSearchMatchesRaw(HYDRO, query);
  });
});

describe('searchRuns on a real mlflow.db, checked with SQL', () => {
  const file = join(SHARED_FIXTURES, 'real-db/zoomcamp-hyperopt/mlflow.db');
  it.each([
    ['metrics.rmse < 6.5', "SELECT r.run_uuid FROM runs r JOIN latest_metrics m ON m.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND m.key = 'rmse' AND m.is_nan = 0 AND m.value < 6.5"],
    ["params.max_depth = '20'", "SELECT r.run_uuid FROM runs r JOIN params p ON p.run_uuid = r.run_uuid WHERE r.lifecycle_stage = 'active' AND p.key = 'max_depth' AND p.value = '20'"],
    ["attributes.status = 'FAILED'", "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'active' AND status = 'FAILED'"],
  ])('%s', async (filter, query) => {
    await expectSearchMatchesSql(file, filter, query);
  });
});
