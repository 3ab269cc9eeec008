/**
 * MLflow search syntax on a store, each query's expected runs computed independently: from the raw
 * files (raw-mlruns.ts, no code shared with our reader) or with plain SQL on the database. Shared
 * by the regular suite and the conformance suite.
 */
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import { searchRuns } from '../../src/lib/analyze/search/index.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { readRawRuns, type RawRun } from './raw-mlruns.ts';

export interface RawSearchCase {
  filter: string;
  orderBy?: string[];
  expected: (runs: RawRun[]) => RawRun[];
}

/** searchRuns over the live runs of the mlruns store at `root` gives what `expected` picks from the raw files. */
export async function expectSearchMatchesRaw(root: string, { filter, orderBy, expected }: RawSearchCase): Promise<void> {
  const raw = readRawRuns(root).filter((r) => !r.deleted);
  const want = expected(raw).map((r) => r.id);
  expect(want.length, 'the query should select some runs').toBeGreaterThan(0);
  const snapshot = await readStores([root]);
  // The raw reading counts runs of experiments in .trash/ as deleted; search those of live experiments.
  const live = new Set(snapshot.experiments.filter((e) => e.lifecycleStage === 'active').map((e) => e.id));
  const got = searchRuns(snapshot.runs.filter((r) => live.has(r.experimentId)), { filter, ...(orderBy ? { orderBy } : {}) }).map((r) => r.id);
  if (orderBy) expect(got).toEqual(want);
  else expect([...got].sort()).toEqual([...want].sort());
}

/** searchRuns over the database at `file` gives the run ids the SQL `query` selects. */
export async function expectSearchMatchesSql(file: string, filter: string, query: string): Promise<void> {
  const db = new DatabaseSync(file, { readOnly: true });
  let want: string[];
  try {
    want = (db.prepare(query).all() as { run_uuid: string }[]).map((r) => r.run_uuid).sort();
  } finally {
    db.close();
  }
  expect(want.length).toBeGreaterThan(0);
  const snapshot = await readStores([file]);
  expect(searchRuns(snapshot.runs, { filter }).map((r) => r.id).sort()).toEqual(want);
}
