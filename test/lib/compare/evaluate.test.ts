import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../src/lib/compare/evaluate.ts';
import { parseGate } from '../../../src/lib/compare/gates.ts';
import { makeRun } from '../analyze/snapshot.ts';

const baseline = makeRun({ id: 'b', metrics: { val_loss: 0.4, accuracy: 0.91, 'val/f1': 0.8, only_base: 1 } });
const candidate = makeRun({ id: 'c', metrics: { val_loss: 0.41, accuracy: 0.89, 'val/f1': 0.82, only_cand: 2, diverged: 'NaN' } });

function check(text: string, level: 'fail' | 'warn' = 'fail') {
  return evaluateGates([{ gate: parseGate(text), level }], baseline, candidate);
}

describe('evaluateGates(gates, baseline, candidate)', () => {
  it('holds an absolute bound on the candidate, with both values', () => {
    expect(check('metrics.accuracy < 0.9')).toEqual([expect.objectContaining({ key: 'accuracy', candidate: 0.89, baseline: 0.91, bound: 0.9, holds: true, reason: 'compared' })]);
    expect(check('metrics.accuracy < 0.85')[0]?.holds).toBe(false);
  });

  it('compares with the baseline in absolute and relative terms', () => {
    expect(check('metrics.val_loss > baseline + 0.02')[0]).toMatchObject({ holds: false, bound: 0.42000000000000004 });
    expect(check('metrics.val_loss > baseline + 0.005')[0]?.holds).toBe(true);
    expect(check('metrics.val_loss > baseline * 1.02')[0]?.holds).toBe(true);
    expect(check('metrics.val_loss > baseline * 1.05')[0]?.holds).toBe(false);
    expect(check('metrics.accuracy < baseline - 1%')[0]?.holds).toBe(true);
  });

  it('checks a glob for every key of either run that matches, in key order', () => {
    const results = check('metrics.val* > baseline IF PRESENT');
    expect(results.map((r) => [r.key, r.holds])).toEqual([['val/f1', true], ['val_loss', true]]);
  });

  it('fails on a metric missing on a side the condition needs, unless IF PRESENT', () => {
    expect(check('metrics.only_base < 5')[0]).toMatchObject({ holds: true, reason: 'missing', candidate: null });
    expect(check('metrics.only_cand < baseline')[0]).toMatchObject({ holds: true, reason: 'missing', baseline: null });
    expect(check('metrics.only_cand > 5')[0]).toMatchObject({ holds: false, reason: 'compared' });
    expect(check('metrics.only_base < 5 IF PRESENT')[0]).toMatchObject({ holds: false, reason: 'missing' });
    expect(check('metrics.only_* > 0').map((r) => [r.key, r.reason, r.holds])).toEqual([['only_base', 'missing', true], ['only_cand', 'compared', true]]);
  });

  it('fails on a glob that matches nothing, unless IF PRESENT', () => {
    expect(check('metrics.test_* > 0')).toEqual([expect.objectContaining({ key: 'test_*', reason: 'no-match', holds: true })]);
    expect(check('metrics.test_* > 0 IF PRESENT')[0]?.holds).toBe(false);
  });

  it('always holds on a NaN, even IF PRESENT: a diverged run passes no gate', () => {
    expect(check('metrics.diverged > 100 IF PRESENT')[0]).toMatchObject({ holds: true, reason: 'nan' });
  });

  it('keeps the level of each gate', () => {
    expect(check('metrics.accuracy < 0.9', 'warn')[0]?.level).toBe('warn');
  });
});
