/**
 * The browser's copy of the comparison rule (diff-rules.ts, compare-diff.ts) against the Node
 * original (src/lib/analyze/diff.ts), run on the same inputs: the two must never disagree.
 */
import { describe, expect, it } from 'vitest';
import * as node from '../../../src/lib/analyze/diff.ts';
import { runSummaryData } from '../../../src/lib/site/run-data.ts';
import * as browser from '../../../src/components/compare/diff-rules.ts';
import { compareRuns, type RunComparison } from '../../../src/components/compare/compare-diff.ts';
import { makeRun, makeTables, type TestRun } from '../../lib/analyze/snapshot.ts';

const NUMBERS = [0, 1e-7, -1e-7, 5e-7, 1, 1 + 5e-7, 1 + 2e-6, 0.1, 0.3, 0.1 + 0.2, -2, 1e300, NaN, Infinity, -Infinity];
const STRINGS = ['', '0.1', '0.10', 'a', 'A', 'NaN'];
const VALUES: browser.DiffValue[] = [null, ...NUMBERS, ...STRINGS];

describe('diff-rules.ts against analyze/diff.ts', () => {
  it('uses the same constants', () => {
    expect(browser.DIFFERENCE_EPSILON).toBe(node.DIFFERENCE_EPSILON);
    expect(browser.SYSTEM_METRIC_PREFIX).toBe(node.SYSTEM_METRIC_PREFIX);
    expect(browser.SYSTEM_TAG_PREFIX).toBe(node.SYSTEM_TAG_PREFIX);
  });

  it('calls the same pairs of values equal', () => {
    const disagreements: string[] = [];
    for (const a of VALUES) {
      for (const b of VALUES) {
        if (browser.sameValue(a, b) !== node.sameValue(a, b)) disagreements.push(`${String(a)} vs ${String(b)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

const RUNS: TestRun[] = [
  {
    id: 'base', startTime: 1000, endTime: 3000, user: 'ana', status: 'FINISHED',
    params: { lr: '0.1', depth: '3', seed: '1', ['__proto__']: 'p' },
    metrics: { loss: 0.5, acc: 0.8, zero: 0, nan: 'NaN', inf: 'Infinity', 'system/gpu': 90, same: 1, neg: -2 },
    tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'aaa', 'mlflow.user': 'ana', team: 'x' },
  },
  {
    id: 'other', startTime: 2000, endTime: 4000, user: 'ana', status: 'FAILED',
    params: { lr: '0.10', depth: '3' },
    metrics: { loss: 0.25, acc: 0.8000001, zero: 2, nan: 'NaN', inf: 5, 'system/gpu': 80, same: 1, extra: -1, neg: -1 },
    tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'bbb', team: 'y' },
  },
  { id: 'third', startTime: 3000, params: { lr: '0.1', seed: '1' }, metrics: { loss: 'NaN', acc: 0.8, zero: 0, inf: 'Infinity' }, tags: { team: 'x' } },
];

/** compareRuns' output reordered the way diffRuns orders runs: the baseline first, then the others in order. */
function asNodeOrder(comparison: RunComparison, count: number): Omit<node.RunDiff, 'runs'> {
  const order = [comparison.baseline, ...Array.from({ length: count }, (_, i) => i).filter((i) => i !== comparison.baseline)];
  const pick = <T,>(list: T[]) => order.map((i) => list[i] as T);
  const rows = <R extends { key: string; values: unknown[]; differs: boolean[]; changes?: unknown[] }>(list: R[]) =>
    list.map((r) => ({ ...r, values: pick(r.values), differs: pick(r.differs), ...(r.changes ? { changes: pick(r.changes) } : {}) }));
  return {
    attributes: rows(comparison.attributes) as node.DiffRow[],
    params: rows(comparison.params),
    metrics: rows(comparison.metrics) as node.MetricDiffRow[],
    systemMetrics: rows(comparison.systemMetrics) as node.MetricDiffRow[],
    tags: rows(comparison.tags),
    systemTags: rows(comparison.systemTags),
  };
}

describe('compareRuns(summaries, baseline) against diffRuns(tables, ids, { baseline })', () => {
  const tables = makeTables(RUNS);
  const summaries = RUNS.map((r) => runSummaryData(makeRun(r), 'exp'));

  for (const [baseline, name] of [[0, 'the first run'], [1, 'a later run'], [2, 'the last run']] as const) {
    it(`gives the same sections, rows, values, differences and changes with ${name} as baseline`, () => {
      const expected = node.diffRuns(tables, RUNS.map((r) => r.id), { baseline: RUNS[baseline]!.id });
      const { runs: _runs, ...sections } = expected;
      expect(asNodeOrder(compareRuns(summaries, baseline), RUNS.length)).toEqual(sections);
    });
  }
});
