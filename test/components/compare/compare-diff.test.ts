import { describe, expect, it } from 'vitest';
import { compareRuns, differencesOnly, type CompareRow } from '../../../src/components/compare/compare-diff.ts';
import { summary } from '../../support/run-summary.ts';

const row = <R extends CompareRow>(rows: R[], key: string): R => {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('compareRuns(runs, baseline)', () => {
  it('keeps the runs in the order given and compares each with the baseline', () => {
    const runs = [summary('a', { params: [['lr', '0.1']] }), summary('b', { params: [['lr', '0.2']] }), summary('c', { params: [['lr', '0.2']] })];
    expect(row(compareRuns(runs).params, 'lr')).toEqual({ key: 'lr', values: ['0.1', '0.2', '0.2'], differs: [false, true, true] });
    expect(row(compareRuns(runs, 1).params, 'lr')).toEqual({ key: 'lr', values: ['0.1', '0.2', '0.2'], differs: [true, false, false] });
  });

  it('calls metrics within 1e-6 equal, and NaN equal only to NaN', () => {
    const runs = [
      summary('a', { metrics: [['acc', 0.8], ['loss', 'NaN'], ['big', 1000]] }),
      summary('b', { metrics: [['acc', 0.8 + 9e-7], ['loss', 'NaN'], ['big', 1000.000002]] }),
      summary('c', { metrics: [['acc', 0.8 + 2e-6], ['loss', 0], ['big', 1000]] }),
    ];
    const { metrics } = compareRuns(runs);
    expect(row(metrics, 'acc').differs).toEqual([false, false, true]);
    expect(row(metrics, 'loss').differs).toEqual([false, false, true]);
    expect(row(metrics, 'big').differs).toEqual([false, true, false]);
  });

  it('shows a value missing on one side as null, different from any value, with no change', () => {
    const runs = [summary('a', { metrics: [['only_a', 1]], params: [['p', '']] }), summary('b', { metrics: [['only_b', 2]] })];
    const { metrics, params } = compareRuns(runs);
    expect(row(metrics, 'only_a')).toEqual({ key: 'only_a', values: [1, null], differs: [false, true], changes: [null, null] });
    expect(row(metrics, 'only_b')).toEqual({ key: 'only_b', values: [null, 2], differs: [false, true], changes: [null, null] });
    expect(row(params, 'p')).toEqual({ key: 'p', values: ['', null], differs: [false, true] });
  });

  it('gives absolute and relative changes, the relative one null when the baseline is 0 or not finite', () => {
    const runs = [
      summary('a', { metrics: [['loss', 0.5], ['zero', 0], ['neg', -4], ['inf', 'Infinity']] }),
      summary('b', { metrics: [['loss', 0.25], ['zero', 3], ['neg', -2], ['inf', 1]] }),
    ];
    const { metrics } = compareRuns(runs);
    expect(row(metrics, 'loss').changes).toEqual([null, { absolute: -0.25, relative: -0.5 }]);
    expect(row(metrics, 'zero').changes).toEqual([null, { absolute: 3, relative: null }]);
    expect(row(metrics, 'neg').changes).toEqual([null, { absolute: 2, relative: 0.5 }]);
    expect(row(metrics, 'inf').changes).toEqual([null, { absolute: -Infinity, relative: null }]);
  });

  it('compares attributes: status, start, duration, user, source, git commit', () => {
    const runs = [
      summary('a', { status: 'FINISHED', startTime: 1000, endTime: 5000, user: 'ana', source: 'train.py', commit: 'aaa' }),
      summary('b', { status: 'FAILED', startTime: 2000, endTime: 6000, user: 'ana', commit: 'bbb' }),
    ];
    expect(compareRuns(runs).attributes.map((r) => [r.key, r.values, r.differs[1]])).toEqual([
      ['status', ['FINISHED', 'FAILED'], true],
      ['startTime', [1000, 2000], true],
      ['duration', [4000, 4000], false],
      ['user', ['ana', 'ana'], false],
      ['source', ['train.py', null], true],
      ['gitCommit', ['aaa', 'bbb'], true],
    ]);
  });

  it('ranks a metric some run logged as a curve before one logged once, as diffRuns does', () => {
    const runs = [summary('a', { metrics: [['test_loss', 0.4], ['val_loss', 0.3]], curves: ['val_loss'] }), summary('b', { metrics: [['test_loss', 0.5], ['val_loss', 0.35]] })];
    expect(compareRuns(runs).metrics.map((r) => r.key)).toEqual(['val_loss', 'test_loss']);
    expect(compareRuns(runs.map((r) => ({ ...r, curves: [] }))).metrics.map((r) => r.key)).toEqual(['test_loss', 'val_loss']);
  });

  it('puts system/ metrics and mlflow.* tags in sections of their own, metrics most telling first, other keys in code-unit order', () => {
    const runs = [
      summary('a', {
        metrics: [['pid', 7], ['b', 1], ['val_loss', 0.3], ['system/cpu', 2], ['B', 3], ['accuracy', 0.9], ['a/x', 4]],
        tags: [['team', 'x'], ['mlflow.runName', 'a'], ['Mlflow.not', 'y']],
      }),
    ];
    const diff = compareRuns(runs);
    expect(diff.metrics.map((r) => r.key)).toEqual(['accuracy', 'val_loss', 'B', 'a/x', 'b', 'pid']);
    expect(diff.systemMetrics.map((r) => r.key)).toEqual(['system/cpu']);
    expect(diff.tags.map((r) => r.key)).toEqual(['Mlflow.not', 'team']);
    expect(diff.systemTags.map((r) => r.key)).toEqual(['mlflow.runName']);
  });

  it('handles keys that are also Object.prototype names', () => {
    const runs = [summary('a', { params: [['__proto__', '1'], ['constructor', '2']] }), summary('b', { params: [['__proto__', '1']] })];
    expect(compareRuns(runs).params).toEqual([
      { key: '__proto__', values: ['1', '1'], differs: [false, false] },
      { key: 'constructor', values: ['2', null], differs: [false, true] },
    ]);
  });

  it('rejects a baseline that is not one of the runs', () => {
    expect(() => compareRuns([summary('a')], 1)).toThrow(RangeError);
    expect(compareRuns([]).params).toEqual([]);
  });
});

describe('differencesOnly(comparison)', () => {
  it('keeps only rows where some run differs from the baseline, in every section', () => {
    const runs = [
      summary('a', { params: [['same', '1'], ['diff', '1']], metrics: [['close', 1], ['far', 1], ['system/x', 1]], tags: [['mlflow.a', 'x'], ['t', 'x']] }),
      summary('b', { params: [['same', '1'], ['diff', '2']], metrics: [['close', 1 + 1e-7], ['far', 2], ['system/x', 1]], tags: [['mlflow.a', 'y'], ['t', 'x']] }),
    ];
    const only = differencesOnly(compareRuns(runs));
    expect(only.params.map((r) => r.key)).toEqual(['diff']);
    expect(only.metrics.map((r) => r.key)).toEqual(['far']);
    expect(only.systemMetrics).toEqual([]);
    expect(only.tags).toEqual([]);
    expect(only.systemTags.map((r) => r.key)).toEqual(['mlflow.a']);
    expect(only.attributes).toEqual([]);
  });

  it('judges rows against the chosen baseline, not the first run', () => {
    const runs = [summary('a', { params: [['p', '1']] }), summary('b', { params: [['p', '2']] }), summary('c', { params: [['p', '2']] })];
    expect(differencesOnly(compareRuns(runs, 1)).params.map((r) => r.key)).toEqual(['p']);
    const same = [summary('a', { params: [['p', '2']] }), summary('b', { params: [['p', '2']] })];
    expect(differencesOnly(compareRuns(same, 1)).params).toEqual([]);
  });
});
