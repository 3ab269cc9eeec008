/** Leaderboards, best runs and sweep summaries on hydro-ml, checked against its raw metric files. */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { expectBestPerParamMatchesRaw, expectLeaderboardsMatchRaw, expectSweepMatchesRaw } from '../support/raw-checks.ts';

const HYDRO = join(SHARED_FIXTURES, 'real/hydro-ml/mlruns');

describe('analyses on hydro-ml', () => {
  it('ranks experiments 1, 2 and 8 by val_loss, lowest first', async () => {
    await expectLeaderboardsMatchRaw(HYDRO, 'val_loss', ['1', '2', '8'], true);
  });

  it('finds the lowest val_loss of each batch_size', async () => {
    await expectBestPerParamMatchesRaw(HYDRO, 'val_loss', 'batch_size');
  });

  it('summarizes experiment 2 by batch_size', async () => {
    await expectSweepMatchesRaw(HYDRO, 'val_loss', '2', 'batch_size');
  });
});
