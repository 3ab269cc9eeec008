/**
 * `runfolio rank` end to end on hydro-ml (12 experiments, 150-step val_loss histories), orders
 * computed from the raw files (test/support/raw-mlruns.ts), not from our output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { readRawRuns, type RawRun } from '../support/raw-mlruns.ts';
import { expectedOrder, rankJson } from '../support/rank-cli.ts';

const HYDRO = join(SHARED_FIXTURES, 'real/hydro-ml/mlruns');

describe('runfolio rank --json on hydro-ml', () => {
  it('ranks an experiment by val_loss, lowest first, runs without it last and unranked', () => {
    const runs = rankJson(['--store', HYDRO, '--experiment', 'Test_of_interface_1', '--metric', 'val_loss']);
    const raw = readRawRuns(HYDRO).filter((r) => r.experimentId === '1');
    const expected = expectedOrder(raw, 'val_loss', true);
    expect(runs.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const ranked = expected.filter((r) => r.metrics.has('val_loss')).length;
    expect(ranked).toBeLessThan(raw.length);
    expect(runs.map((r) => r.rank)).toEqual(expected.map((_, i) => (i < ranked ? i + 1 : null)));
  });

  it('filters and sorts by --order-by across experiments', () => {
    const runs = rankJson(['--store', HYDRO, '--filter', 'metrics.val_loss < 0.3', '--order-by', 'metrics.test_loss DESC', '--metric', 'val_loss']);
    const raw = readRawRuns(HYDRO).filter((r) => (r.metrics.get('val_loss') ?? Infinity) < 0.3);
    expect(runs.map((r) => r.id)).toEqual(expectedOrder(raw, 'test_loss', false).map((r) => r.id));
  });

  it('gives the best run of each batch_size with --group-by', () => {
    const runs = rankJson(['--store', HYDRO, '--metric', 'val_loss', '--group-by', 'params.batch_size']);
    const best = new Map<string, RawRun>();
    for (const run of expectedOrder(readRawRuns(HYDRO), 'val_loss', true)) {
      const size = run.params.get('batch_size') as string;
      if (run.metrics.has('val_loss') && !best.has(size)) best.set(size, run);
    }
    expect(runs.map((r) => [r.group, r.id, r.rank])).toEqual([...best].map(([size, run], i) => [size, run.id, i + 1]));
  });
});
