/**
 * Analyses on a real or generated store checked against the raw metric files (raw-mlruns.ts, a
 * reader that shares no code with ours): shared by the regular suite (stores in the repository,
 * the demo store) and the conformance suite (hydro-ml).
 */
import { expect } from 'vitest';
import { bestRuns } from '../../src/lib/analyze/best.ts';
import { leaderboard } from '../../src/lib/analyze/rank.ts';
import { summarizeSweep } from '../../src/lib/analyze/sweep.ts';
import { buildTables } from '../../src/lib/analyze/tables.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { readRawRuns } from './raw-mlruns.ts';
import { expectedOrder } from './rank-cli.ts';

/** Each experiment's leaderboard by `metric` is the raw order, its first value the best raw value. */
export async function expectLeaderboardsMatchRaw(root: string, metric: string, experimentIds: string[], ascending: boolean): Promise<void> {
  const tables = buildTables(await readStores([root]));
  const raw = readRawRuns(root).filter((r) => !r.deleted);
  for (const experimentId of experimentIds) {
    const board = leaderboard(tables, { metric, experimentIds: [experimentId], direction: ascending ? 'asc' : 'desc' });
    const runs = raw.filter((r) => r.experimentId === experimentId);
    expect(board.runs.map((r) => r.id)).toEqual(expectedOrder(runs, metric, ascending).map((r) => r.id));
    const values = runs.flatMap((r) => r.metrics.get(metric) ?? []).filter((v) => !Number.isNaN(v));
    expect(board.runs[0]?.value).toBe(ascending ? Math.min(...values) : Math.max(...values));
  }
}

/** The best (lowest) `metric` of each value of param `key`, groups by numeric param value. */
export async function expectBestPerParamMatchesRaw(root: string, metric: string, key: string): Promise<void> {
  const result = bestRuns(buildTables(await readStores([root])), { metric, direction: 'asc', group: { by: 'param', key } });
  const best = new Map<string, { id: string; value: number }>();
  for (const run of readRawRuns(root).filter((r) => !r.deleted)) {
    const value = run.metrics.get(metric);
    const group = run.params.get(key);
    if (value === undefined || Number.isNaN(value) || group === undefined) continue;
    const current = best.get(group);
    if (!current || value < current.value) best.set(group, { id: run.id, value });
  }
  expect(best.size).toBeGreaterThan(1);
  const groups = [...best.keys()].sort((a, b) => Number(a) - Number(b));
  expect(result.groups.map((g) => [g.group, g.id, g.value])).toEqual(groups.map((s) => [s, best.get(s)?.id, best.get(s)?.value]));
}

/** A sweep summary of one experiment: per value of param `key`, its runs, those with a number (NaN left out), best (lowest) and mean `metric`. */
export async function expectSweepMatchesRaw(root: string, metric: string, experimentId: string, key: string): Promise<void> {
  const result = summarizeSweep(buildTables(await readStores([root])), { metric, direction: 'asc', experimentIds: [experimentId] });
  const raw = readRawRuns(root).filter((r) => r.experimentId === experimentId && !r.deleted);
  expect(result.runs).toBe(raw.length);
  const values = [...new Set(raw.flatMap((r) => r.params.get(key) ?? []))];
  expect(values.length).toBeGreaterThan(1);
  for (const value of values) {
    const using = raw.filter((r) => r.params.get(key) === value);
    const scores = using.flatMap((r) => r.metrics.get(metric) ?? []).filter((v) => !Number.isNaN(v));
    const cell = result.params.find((p) => p.key === key)?.values.find((v) => v.value === value);
    expect(cell?.runs).toBe(using.length);
    expect(cell?.withMetric).toBe(scores.length);
    if (scores.length === 0) {
      expect([cell?.best, cell?.mean]).toEqual([null, null]);
      continue;
    }
    expect(cell?.best).toBe(Math.min(...scores));
    expect(cell?.mean).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / scores.length, 12);
  }
}
