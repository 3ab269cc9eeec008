import { describe, expect, it } from 'vitest';
import { buildTables, historyTable } from '../../../src/lib/analyze/tables.ts';
import { makeSnapshot, makeTables } from './snapshot.ts';

describe('buildTables(snapshot)', () => {
  it("orders runs as MLflow lists them by default: start time descending, no start time last, then run id", () => {
    const tables = makeTables([
      { id: 'c', startTime: 100 },
      { id: 'a', startTime: 300 },
      { id: 'none' },
      { id: 'b', startTime: 300 },
      { id: 'd', startTime: 200 },
    ]);
    expect(tables.runs.array('id')).toEqual(['a', 'b', 'd', 'c', 'none']);
    expect(Array.from(tables.runs.array('row') as ArrayLike<number>)).toEqual([0, 1, 2, 3, 4]);
    expect(tables.runList.map((r) => r.id)).toEqual(['a', 'b', 'd', 'c', 'none']);
    expect(tables.rowById.get('c')).toBe(3);
  });

  it('gives each run its attributes, duration, source and git commit, null when absent', () => {
    const tables = makeTables([
      {
        id: 'r1', experimentId: '7', name: 'first', status: 'FAILED', startTime: 1000, endTime: 4500, user: 'ana', parentId: 'p',
        tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'abc123' },
      },
      { id: 'r2', experimentId: '7', startTime: 500 },
    ]);
    const [first, second] = tables.runs.objects();
    expect(first).toEqual({
      row: 0, id: 'r1', experimentId: '7', name: 'first', status: 'FAILED', lifecycleStage: 'active',
      startTime: 1000, endTime: 4500, duration: 3500, user: 'ana', parentId: 'p', source: 'train.py', gitCommit: 'abc123',
    });
    expect(second).toMatchObject({ id: 'r2', endTime: null, duration: null, user: null, parentId: null, source: null, gitCommit: null });
  });

  it('keeps params and tags long, one row per run and key, keys with /, . and spaces as values', () => {
    const tables = makeTables([
      { id: 'r1', startTime: 2, params: { 'optimizer/lr': '0.1', 'model.depth': '3', 'max depth': '5' }, tags: { 'team name': 'x' } },
      { id: 'r2', startTime: 1, params: { 'optimizer/lr': '0.2' } },
    ]);
    expect(tables.params.columnNames()).toEqual(['row', 'run', 'key', 'value']);
    expect(tables.params.objects()).toEqual([
      { row: 0, run: 'r1', key: 'max depth', value: '5' },
      { row: 0, run: 'r1', key: 'model.depth', value: '3' },
      { row: 0, run: 'r1', key: 'optimizer/lr', value: '0.1' },
      { row: 1, run: 'r2', key: 'optimizer/lr', value: '0.2' },
    ]);
    expect(tables.tags.objects()).toEqual([{ row: 0, run: 'r1', key: 'team name', value: 'x' }]);
  });

  it("holds each metric's latest point, as a number, with NaN and ±Infinity from the Snapshot's strings", () => {
    const tables = makeTables([
      {
        id: 'r1',
        metrics: {
          'train/loss': [
            { step: 2, timestamp: 10, value: 0.5 },
            { step: 5, timestamp: 9, value: 0.25 },
            { step: 3, timestamp: 30, value: 0.75 },
          ],
          diverged: 'NaN',
          up: 'Infinity',
          down: '-Infinity',
        },
      },
    ]);
    const rows = tables.metrics.objects() as { key: string; value: number; step: number; timestamp: number }[];
    expect(rows.map((r) => r.key)).toEqual(['diverged', 'down', 'train/loss', 'up']);
    expect(rows[0]?.value).toBeNaN();
    expect(rows[1]?.value).toBe(-Infinity);
    expect(rows[2]).toMatchObject({ value: 0.25, step: 5, timestamp: 9 });
    expect(rows[3]?.value).toBe(Infinity);
  });

  it('does not depend on the order of the Snapshot runs', () => {
    const runs = [{ id: 'a', startTime: 1, params: { p: '1' } }, { id: 'b', startTime: 2, params: { p: '2' } }];
    const forward = buildTables(makeSnapshot(runs));
    const backward = buildTables(makeSnapshot([...runs].reverse()));
    expect(backward.runs.objects()).toEqual(forward.runs.objects());
    expect(backward.params.objects()).toEqual(forward.params.objects());
  });
});

describe('historyTable(tables, keys)', () => {
  const tables = makeTables([
    {
      id: 'r1',
      metrics: {
        loss: [{ step: 1, timestamp: 5, value: 2 }, { step: 0, timestamp: 4, value: 'NaN' }],
        acc: [{ step: 0, timestamp: 4, value: 0.5 }],
      },
    },
  ]);

  it('has every point of every metric in history order, values as numbers', () => {
    const rows = historyTable(tables).objects() as { key: string; step: number; value: number }[];
    expect(rows.map((r) => [r.key, r.step])).toEqual([['acc', 0], ['loss', 0], ['loss', 1]]);
    expect(rows[1]?.value).toBeNaN();
    expect(historyTable(tables).columnNames()).toEqual(['row', 'run', 'key', 'step', 'timestamp', 'value']);
  });

  it('keeps only the keys asked for', () => {
    expect(historyTable(tables, ['loss']).array('key')).toEqual(['loss', 'loss']);
  });
});
