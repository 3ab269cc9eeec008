import { describe, expect, it } from 'vitest';
import { diffRuns, sameValue } from '../../../src/lib/analyze/diff.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import { makeTables } from './snapshot.ts';

const tables = makeTables([
  {
    id: 'base', startTime: 1000, endTime: 3000, user: 'ana', status: 'FINISHED',
    params: { lr: '0.1', 'model.depth': '3', seed: '1' },
    metrics: { 'val/loss': 0.5, acc: 0.8, zero: 0, 'system/gpu_utilization': 90, same: 1 },
    tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'aaa', team: 'x' },
  },
  {
    id: 'other', startTime: 2000, endTime: 4000, user: 'ana', status: 'FAILED',
    params: { lr: '0.10', 'model.depth': '3' },
    metrics: { 'val/loss': 0.25, acc: 0.8000001, zero: 2, 'system/gpu_utilization': 80, same: 1, extra: 'NaN' },
    tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'bbb', team: 'x' },
  },
  { id: 'third', startTime: 3000, params: { lr: '0.1' }, metrics: { 'val/loss': 'NaN', acc: 0.8 } },
]);

const row = <T extends { key: string }>(rows: T[], key: string): T => {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('diffRuns(tables, runIds, options)', () => {
  it('compares with the first run by default, and puts a given baseline first', () => {
    expect(diffRuns(tables, ['base', 'other']).runs).toEqual(['base', 'other']);
    expect(diffRuns(tables, ['base', 'other', 'third'], { baseline: 'other' }).runs).toEqual(['other', 'base', 'third']);
  });

  it('compares params as strings and shows a missing value as missing, different from any value', () => {
    const { params } = diffRuns(tables, ['base', 'other', 'third']);
    expect(params.map((p) => p.key)).toEqual(['lr', 'model.depth', 'seed']);
    expect(row(params, 'lr')).toEqual({ key: 'lr', values: ['0.1', '0.10', '0.1'], differs: [false, true, false] });
    expect(row(params, 'model.depth')).toEqual({ key: 'model.depth', values: ['3', '3', null], differs: [false, false, true] });
    expect(row(params, 'seed')).toEqual({ key: 'seed', values: ['1', null, null], differs: [false, true, true] });
  });

  it("calls metrics equal within MLflow's 1e-6 and gives absolute and relative changes", () => {
    const { metrics } = diffRuns(tables, ['base', 'other']);
    expect(row(metrics, 'acc').differs).toEqual([false, false]);
    expect(row(metrics, 'val/loss')).toMatchObject({ values: [0.5, 0.25], differs: [false, true], changes: [null, { absolute: -0.25, relative: -0.5 }] });
    expect(row(metrics, 'zero').changes[1]).toEqual({ absolute: 2, relative: null });
    expect(row(metrics, 'extra')).toMatchObject({ values: [null, NaN], differs: [false, true], changes: [null, null] });
  });

  it('treats NaN as equal to NaN only', () => {
    const { metrics } = diffRuns(tables, ['base', 'third']);
    expect(row(metrics, 'val/loss').differs).toEqual([false, true]);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue(NaN, 0)).toBe(false);
    expect(sameValue(Infinity, Infinity)).toBe(true);
    expect(sameValue(1, 1 + 2e-6)).toBe(false);
  });

  it('keeps system metrics and mlflow.* tags apart', () => {
    const diff = diffRuns(tables, ['base', 'other']);
    // Most telling first: a score, a held-out loss, names without a known kind (the one more runs
    // logged first), and last the metric equal in every run.
    expect(diff.metrics.map((m) => m.key)).toEqual(['acc', 'val/loss', 'zero', 'extra', 'same']);
    expect(diff.systemMetrics.map((m) => m.key)).toEqual(['system/gpu_utilization']);
    expect(diff.tags.map((t) => t.key)).toEqual(['team']);
    expect(diff.systemTags.map((t) => t.key)).toEqual(['mlflow.source.git.commit', 'mlflow.source.name']);
  });

  it('compares attributes: status, start, duration, user, source and git commit', () => {
    const { attributes } = diffRuns(tables, ['base', 'other']);
    expect(attributes.map((a) => [a.key, a.values, a.differs[1]])).toEqual([
      ['status', ['FINISHED', 'FAILED'], true],
      ['startTime', [1000, 2000], true],
      ['duration', [2000, 2000], false],
      ['user', ['ana', 'ana'], false],
      ['source', ['train.py', 'train.py'], false],
      ['gitCommit', ['aaa', 'bbb'], true],
    ]);
  });

  it('keeps only rows that differ with differencesOnly', () => {
    const diff = diffRuns(tables, ['base', 'other'], { differencesOnly: true });
    expect(diff.metrics.map((m) => m.key)).toEqual(['val/loss', 'zero', 'extra']);
    expect(diff.params.map((p) => p.key)).toEqual(['lr', 'seed']);
    expect(diff.tags).toEqual([]);
    expect(diff.attributes.map((a) => a.key)).toEqual(['status', 'startTime', 'gitCommit']);
  });

  it('ranks a held-out loss that is a curve before one logged once, as every other metric list does', () => {
    const curve = [0.9, 0.5, 0.3].map((value, step) => ({ step, timestamp: step, value }));
    const runs = makeTables([
      { id: 'a', metrics: { test_loss: 0.4, val_loss: curve } },
      { id: 'b', metrics: { test_loss: 0.5, val_loss: 0.35 } },
    ]);
    expect(diffRuns(runs, ['a', 'b']).metrics.map((m) => m.key)).toEqual(['val_loss', 'test_loss']);
    // Without a curve the two tie, and the key decides.
    const flat = makeTables([{ id: 'a', metrics: { test_loss: 0.4, val_loss: 0.3 } }, { id: 'b', metrics: { test_loss: 0.5, val_loss: 0.35 } }]);
    expect(diffRuns(flat, ['a', 'b']).metrics.map((m) => m.key)).toEqual(['test_loss', 'val_loss']);
  });

  it('rejects a run that is not in the store', () => {
    expect(() => diffRuns(tables, ['base', 'nope'])).toThrow(UsageError);
    expect(() => diffRuns(tables, ['base', 'nope'])).toThrow(/run nope is not in the store/);
  });
});
