import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaderboard } from '../../../src/lib/analyze/rank.ts';
import { searchRuns } from '../../../src/lib/analyze/search/index.ts';
import { buildTables } from '../../../src/lib/analyze/tables.ts';
import { readStores } from '../../../src/lib/read/index.ts';
import { DEMO_CHURN, DEMO_CIFAR, demoStore } from '../../support/demo-store.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { readRawRuns } from '../../support/raw-mlruns.ts';
import { expectedOrder } from '../../support/rank-cli.ts';
import { expectLeaderboardsMatchRaw } from '../../support/raw-checks.ts';
import { makeTables } from './snapshot.ts';

const ranks = (board: ReturnType<typeof leaderboard>) => board.runs.map((r) => [r.id, r.rank]);

describe('leaderboard(tables, options)', () => {
  const tables = makeTables([
    { id: 'a', startTime: 5, metrics: { val_loss: 0.3, accuracy: 0.7 } },
    { id: 'b', startTime: 4, metrics: { val_loss: 0.1, accuracy: 0.9 } },
    { id: 'c', startTime: 3, metrics: { val_loss: 0.2, accuracy: 0.8 } },
    { id: 'd', startTime: 2, metrics: { accuracy: 0.1 } },
  ]);

  it('ranks a loss ascending and an accuracy descending without being told', () => {
    const loss = leaderboard(tables, { metric: 'val_loss' });
    expect(loss.direction).toBe('asc');
    expect(ranks(loss).slice(0, 3)).toEqual([['b', 1], ['c', 2], ['a', 3]]);
    const accuracy = leaderboard(tables, { metric: 'accuracy' });
    expect(accuracy.direction).toBe('desc');
    expect(ranks(accuracy)).toEqual([['b', 1], ['c', 2], ['a', 3], ['d', 4]]);
  });

  it('follows a given direction', () => {
    expect(ranks(leaderboard(tables, { metric: 'val_loss', direction: 'desc' })).slice(0, 3)).toEqual([['a', 1], ['c', 2], ['b', 3]]);
  });

  it('lists runs without the metric last, unranked', () => {
    const board = leaderboard(tables, { metric: 'val_loss' });
    expect(board.runs.at(-1)).toEqual({ id: 'd', experimentId: '1', name: 'd', rank: null, value: null });
  });

  it('puts NaN after every number in both directions, and ranks ±Infinity as numbers', () => {
    const t = makeTables([
      { id: 'nan', startTime: 9, metrics: { loss: 'NaN', score: 'NaN' } },
      { id: 'inf', startTime: 8, metrics: { loss: 'Infinity', score: 'Infinity' } },
      { id: 'one', startTime: 7, metrics: { loss: 1, score: 1 } },
      { id: 'ninf', startTime: 6, metrics: { loss: '-Infinity', score: '-Infinity' } },
      { id: 'none', startTime: 5 },
    ]);
    expect(ranks(leaderboard(t, { metric: 'loss' }))).toEqual([['ninf', 1], ['one', 2], ['inf', 3], ['nan', 4], ['none', null]]);
    expect(ranks(leaderboard(t, { metric: 'score' }))).toEqual([['inf', 1], ['one', 2], ['ninf', 3], ['nan', 4], ['none', null]]);
    expect(leaderboard(t, { metric: 'loss' }).runs[3]?.value).toBeNaN();
  });

  it('breaks ties by start time, newest first, then by run id', () => {
    const t = makeTables([
      { id: 'old', startTime: 1, metrics: { acc: 0.5 } },
      { id: 'new-b', startTime: 9, metrics: { acc: 0.5 } },
      { id: 'new-a', startTime: 9, metrics: { acc: 0.5 } },
      { id: 'unstarted', metrics: { acc: 0.5 } },
      { id: 'nan-2', startTime: 2, metrics: { acc: 'NaN' } },
      { id: 'nan-1', startTime: 3, metrics: { acc: 'NaN' } },
    ]);
    expect(ranks(leaderboard(t, { metric: 'acc' }))).toEqual([
      ['new-a', 1], ['new-b', 2], ['old', 3], ['unstarted', 4], ['nan-1', 5], ['nan-2', 6],
    ]);
  });

  it('ranks each experiment from 1 with perExperiment, experiments by numeric id', () => {
    const t = makeTables([
      { id: 'x', experimentId: '10', startTime: 1, metrics: { acc: 0.2 } },
      { id: 'y', experimentId: '2', startTime: 2, metrics: { acc: 0.3 } },
      { id: 'z', experimentId: '2', startTime: 3, metrics: { acc: 0.4 } },
      { id: 'w', experimentId: '10', startTime: 4 },
    ]);
    const board = leaderboard(t, { metric: 'acc', perExperiment: true });
    expect(board.runs.map((r) => [r.experimentId, r.id, r.rank])).toEqual([['2', 'z', 1], ['2', 'y', 2], ['10', 'x', 1], ['10', 'w', null]]);
    expect(ranks(leaderboard(t, { metric: 'acc' }))).toEqual([['z', 1], ['y', 2], ['x', 3], ['w', null]]);
  });

  it('keeps the K best ranked runs with top, per experiment with perExperiment', () => {
    expect(ranks(leaderboard(tables, { metric: 'val_loss', top: 2 }))).toEqual([['b', 1], ['c', 2]]);
    expect(ranks(leaderboard(tables, { metric: 'val_loss', top: 5 }))).toEqual([['b', 1], ['c', 2], ['a', 3]]);
    const t = makeTables([
      { id: 'x1', experimentId: '1', startTime: 1, metrics: { acc: 0.1 } },
      { id: 'x2', experimentId: '1', startTime: 2, metrics: { acc: 0.2 } },
      { id: 'y1', experimentId: '2', startTime: 3, metrics: { acc: 0.3 } },
      { id: 'y2', experimentId: '2', startTime: 4, metrics: { acc: 0.4 } },
    ]);
    expect(ranks(leaderboard(t, { metric: 'acc', perExperiment: true, top: 1 }))).toEqual([['x2', 1], ['y2', 1]]);
  });

  it("orders runs as MLflow's order_by on the metric does, in both directions", () => {
    const runs = [
      { id: 'a', startTime: 5, metrics: { m: 2 } }, { id: 'b', startTime: 5, metrics: { m: 'NaN' as const } },
      { id: 'c', startTime: 6, metrics: { m: 2 } }, { id: 'd', startTime: 7 }, { id: 'e', startTime: 1, metrics: { m: -1 } },
      { id: 'f', metrics: { m: 2 } },
    ];
    const t = makeTables(runs);
    const snapshotRuns = t.runList;
    for (const direction of ['asc', 'desc'] as const) {
      const mlflow = searchRuns(snapshotRuns, { orderBy: [`metrics.m ${direction.toUpperCase()}`] }).map((r) => r.id);
      expect(leaderboard(t, { metric: 'm', direction }).runs.map((r) => r.id)).toEqual(mlflow);
    }
  });

  it('finds keys holding /, . and spaces', () => {
    const t = makeTables([
      { id: 'a', startTime: 2, metrics: { 'eval/top 1.acc': 0.1, 'eval/top 1': 0.9 } },
      { id: 'b', startTime: 1, metrics: { 'eval/top 1.acc': 0.2 } },
    ]);
    expect(ranks(leaderboard(t, { metric: 'eval/top 1.acc' }))).toEqual([['b', 1], ['a', 2]]);
  });

  it('ranks only the selected runs: experiments, filter, deleted runs left out', () => {
    const t = makeTables([
      { id: 'a', experimentId: '1', startTime: 3, metrics: { acc: 0.5 }, params: { m: 'x' } },
      { id: 'b', experimentId: '1', startTime: 2, metrics: { acc: 0.9 }, params: { m: 'y' } },
      { id: 'c', experimentId: '2', startTime: 1, metrics: { acc: 0.7 }, params: { m: 'x' } },
      { id: 'd', experimentId: '1', startTime: 1, metrics: { acc: 1 }, lifecycleStage: 'deleted' },
    ]);
    expect(ranks(leaderboard(t, { metric: 'acc', experimentIds: ['1'] }))).toEqual([['b', 1], ['a', 2]]);
    expect(ranks(leaderboard(t, { metric: 'acc', filter: "params.m = 'x'" }))).toEqual([['c', 1], ['a', 2]]);
    expect(ranks(leaderboard(t, { metric: 'acc', includeDeleted: true }))[0]).toEqual(['d', 1]);
  });
});

describe('leaderboard(tables, options) on real stores, checked against the raw metric files', () => {
  it('ranks the demo experiments by their metrics, best first', async () => {
    await expectLeaderboardsMatchRaw(demoStore(), 'val/loss', [DEMO_CIFAR], true);
    await expectLeaderboardsMatchRaw(demoStore(), 'val_auc', [DEMO_CHURN], false);
  });

  it("ranks augury's runs by match_accuracy, highest first, ties newest first, the deleted run left out", async () => {
    const root = join(FIXTURES, 'real/augury/mlruns');
    const tables = buildTables(await readStores([root]));
    const raw = readRawRuns(root);
    const board = leaderboard(tables, { metric: 'match_accuracy' });
    expect(board.runs.map((r) => r.id)).toEqual(expectedOrder(raw.filter((r) => !r.deleted), 'match_accuracy', false).map((r) => r.id));
    // The store has real ties: several runs share a value; the ranking must still be strict.
    const values = board.runs.flatMap((r) => (r.value === null ? [] : [r.value]));
    expect(new Set(values).size).toBeLessThan(values.length);
    expect(board.runs.map((r) => r.rank).filter((r) => r !== null)).toEqual(values.map((_, i) => i + 1));
    expect(board.runs.some((r) => raw.find((x) => x.id === r.id)?.deleted)).toBe(false);
  });

  it("ranks packt-hpt's deleted experiment 3 by foo when it is asked for", async () => {
    const root = join(FIXTURES, 'real/packt-hpt/mlruns');
    const tables = buildTables(await readStores([root]));
    const raw = readRawRuns(root).filter((r) => r.experimentId === '3');
    const board = leaderboard(tables, { metric: 'foo', experimentIds: ['3'] });
    expect(board.runs.map((r) => r.id)).toEqual(expectedOrder(raw, 'foo', false).map((r) => r.id));
    expect(board.runs.filter((r) => r.rank === null)).toHaveLength(raw.filter((r) => !r.metrics.has('foo')).length);
    expect(leaderboard(tables, { metric: 'foo' }).runs.some((r) => r.experimentId === '3')).toBe(false);
  });
});
