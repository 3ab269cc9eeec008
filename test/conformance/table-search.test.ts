/** The runs table's MLflow filter on hydro-ml's chunks, checked against expected.json. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { realStoreRecords } from '../support/table-records.ts';

describe('filtering the chunks of real stores', () => {
  const storeRecords = (name: string) => realStoreRecords(join(SHARED_FIXTURES, 'real', name));

  it('hydro-ml: metrics.test_loss < 0.3 selects the runs expected.json gives that value', async () => {
    const { filter, active } = await storeRecords('hydro-ml');
    const want = active.filter((r) => typeof r.metrics.test_loss?.latest_value === 'number' && r.metrics.test_loss.latest_value < 0.3).map((r) => r.run_id).sort();
    expect(want.length).toBeGreaterThan(5);
    expect(filter('metrics.test_loss < 0.3')).toEqual(want);
  });
});
