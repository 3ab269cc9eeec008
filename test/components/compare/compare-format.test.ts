import { describe, expect, it } from 'vitest';
import { formatAttribute, formatChange, formatExact, signed } from '../../../src/components/compare/compare-format.ts';

describe('formatExact(n)', () => {
  it('shows values exactly, so two values that differ never look alike', () => {
    expect(formatExact(123456.7)).not.toBe(formatExact(123456.9));
    expect(Number(formatExact(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(Number(formatExact(-1.5e-9))).toBe(-1.5e-9);
  });

  it('spells out NaN and infinities', () => {
    expect([formatExact(NaN), formatExact(Infinity), formatExact(-Infinity)]).toEqual(['NaN', '∞', '−∞']);
  });
});

describe('formatChange(change)', () => {
  it('gives the signed absolute change and the relative change in percent', () => {
    expect(formatChange({ absolute: -0.25, relative: -0.5 })).toBe('-0.25 (-50%)');
    expect(formatChange({ absolute: 0.012345678, relative: 0.0525 })).toBe('+0.01235 (+5.25%)');
  });

  it('leaves out the relative change when there is none, and the whole change when it is not finite', () => {
    expect(formatChange({ absolute: 3, relative: null })).toBe('+3');
    expect(formatChange({ absolute: NaN, relative: null })).toBeUndefined();
    expect(formatChange({ absolute: -Infinity, relative: null })).toBeUndefined();
    expect(formatChange(null)).toBeUndefined();
  });
});

describe('signed(n, digits)', () => {
  it('rounds to significant digits and gives 0 no sign', () => {
    expect(signed(1234.5, 2)).toBe('+1200');
    expect(signed(-0.000012345, 3)).toBe('-0.0000123');
    expect(signed(1e-20 - 1e-20, 3)).toBe('0');
  });
});

describe('formatAttribute(key, value)', () => {
  it('shows start times in UTC and durations in units, other values as text', () => {
    expect(formatAttribute('startTime', Date.UTC(2024, 1, 13, 14, 5))).toBe('2024-02-13 14:05 UTC');
    expect(formatAttribute('duration', 65_000)).toBe('1m 05s');
    expect(formatAttribute('status', 'FAILED')).toBe('FAILED');
    expect(formatAttribute('user', null)).toBe('—');
  });
});
