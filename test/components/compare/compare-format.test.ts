import { describe, expect, it } from 'vitest';
import { formatAttribute, formatChange, metricCell, rowDigits } from '../../../src/components/compare/compare-format.ts';

describe('rowDigits(values) and metricCell(n, digits)', () => {
  it('shows six significant digits with the exact value in the title', () => {
    const digits = rowDigits([0.0010000000000000002, 0.5]);
    expect(digits).toBe(6);
    expect(metricCell(0.0010000000000000002, digits)).toEqual({ text: '0.001', title: '0.0010000000000000002' });
    expect(metricCell(0.5, digits)).toEqual({ text: '0.5', title: undefined });
  });

  it('adds digits when values the table calls different would read alike, never for values within 1e-6', () => {
    const digits = rowDigits([123456.7, 123456.9, null]);
    expect(metricCell(123456.7, digits).text).not.toBe(metricCell(123456.9, digits).text);
    expect(rowDigits([0.8, 0.8 + 9e-7])).toBe(6);
  });

  it('keeps 17-digit values short: six digits unless the row needs more', () => {
    const values = [0.12345678901234568, 0.23456789012345678, 0.3456789012345679];
    const digits = rowDigits(values);
    expect(values.map((v) => metricCell(v, digits).text)).toEqual(['0.123457', '0.234568', '0.345679']);
  });

  it('spells out NaN and infinities', () => {
    expect([NaN, Infinity, -Infinity].map((v) => metricCell(v, 6).text)).toEqual(['NaN', '∞', '−∞']);
  });
});

describe('formatChange(change)', () => {
  it('gives the signed absolute change and the relative change in percent', () => {
    expect(formatChange({ absolute: -0.25, relative: -0.5 })).toBe('-0.25 (-50%)');
    expect(formatChange({ absolute: 0.012345678, relative: 0.0525 })).toBe('+0.01235 (+5.25%)');
    expect(formatChange({ absolute: 1e-20 - 1e-20, relative: 0 })).toBe('0 (0%)');
  });

  it('leaves out the relative change when there is none, and the whole change when it is not finite', () => {
    expect(formatChange({ absolute: 3, relative: null })).toBe('+3');
    expect(formatChange({ absolute: NaN, relative: null })).toBeUndefined();
    expect(formatChange({ absolute: -Infinity, relative: null })).toBeUndefined();
    expect(formatChange(null)).toBeUndefined();
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
