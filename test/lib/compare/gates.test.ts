import { describe, expect, it } from 'vitest';
import { SearchSyntaxError } from '../../../src/lib/analyze/search/errors.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import { boundValue, parseGate } from '../../../src/lib/compare/gates.ts';

describe('parseGate(text)', () => {
  it('reads an absolute bound on the candidate', () => {
    expect(parseGate('metrics.accuracy < 0.9')).toEqual({ text: 'metrics.accuracy < 0.9', key: 'accuracy', glob: false, comparator: '<', bound: { kind: 'number', value: 0.9 }, ifPresent: false });
  });

  it('reads changes against the baseline: absolute, relative as a factor or a percentage', () => {
    expect(parseGate('metrics.val_loss > baseline + 0.02').bound).toEqual({ kind: 'baseline', op: '+', value: 0.02, percent: false });
    expect(parseGate('metrics.val_loss > baseline * 1.02').bound).toEqual({ kind: 'baseline', op: '*', value: 1.02, percent: false });
    expect(parseGate('metrics.acc < baseline - 2%').bound).toEqual({ kind: 'baseline', op: '-', value: 2, percent: true });
    expect(parseGate('metrics.acc < baseline -0.01').bound).toEqual({ kind: 'baseline', op: '-', value: 0.01, percent: false });
    expect(parseGate('metrics.acc != baseline').bound).toEqual({ kind: 'baseline', op: 'none', value: 0, percent: false });
  });

  it('reads keys with / and -, backticked keys, globs and IF PRESENT, in any case', () => {
    expect(parseGate('metrics.val/loss>=1e-3')).toMatchObject({ key: 'val/loss', comparator: '>=', bound: { value: 0.001 } });
    expect(parseGate('metrics.top5-acc <= 1')).toMatchObject({ key: 'top5-acc' });
    expect(parseGate('metrics.`val loss` = 2')).toMatchObject({ key: 'val loss', glob: false });
    expect(parseGate('metrics.val_* > baseline * 1.1 if present')).toMatchObject({ key: 'val_*', glob: true, ifPresent: true });
    expect(parseGate('METRICS.`train/*` < 5 IF PRESENT')).toMatchObject({ key: 'train/*', glob: true, ifPresent: true });
    expect(parseGate('metrics.x == 1').comparator).toBe('=');
  });

  it.each([
    ['', 0, /empty condition/],
    ['params.lr < 0.1', 0, /expected metrics\.KEY at the start/],
    ['metrics.acc 0.9', 12, /expected a comparator/],
    ['metrics.acc < ', 14, /expected a number or "baseline"/],
    ['metrics.acc < baseline / 2', 23, /expected \+, - or \* after "baseline"/],
    ['metrics.acc < baseline + x', 25, /expected a number after "baseline \+"/],
    ['metrics.acc < 0.9 AND metrics.f1 < 0.5', 18, /one condition per flag/],
    ['metrics.acc < 0.9 IF', 20, /expected PRESENT after IF/],
  ])('rejects %j with a message and the offset %i (exit 2)', (text, offset, message) => {
    let error: unknown;
    try {
      parseGate(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SearchSyntaxError);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as SearchSyntaxError).position).toBe(offset);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(new RegExp(`\\(at offset ${offset}\\)$`));
  });
});

describe('boundValue(bound, baseline)', () => {
  it('applies the change to the baseline; a percentage of |baseline|', () => {
    expect(boundValue(parseGate('metrics.a > baseline + 0.5').bound, 2)).toBe(2.5);
    expect(boundValue(parseGate('metrics.a > baseline * 1.5').bound, 2)).toBe(3);
    expect(boundValue(parseGate('metrics.a > baseline + 10%').bound, -2)).toBeCloseTo(-1.8);
    expect(boundValue(parseGate('metrics.a < baseline - 10%').bound, 2)).toBeCloseTo(1.8);
    expect(boundValue(parseGate('metrics.a < 7').bound, null)).toBe(7);
    expect(boundValue(parseGate('metrics.a < baseline').bound, null)).toBeNaN();
  });
});
