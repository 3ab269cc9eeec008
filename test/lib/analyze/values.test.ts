import { describe, expect, it } from 'vitest';
import { compareValues, numericValue } from '../../../src/lib/analyze/values.ts';

describe('compareValues(a, b)', () => {
  it('sorts numbers numerically, then other strings by code unit, then null', () => {
    const values = [null, 'adam', '10', '2', '1e-4', '0.001', 'None', '-1', 'Adam', '0.10', '0.1'];
    expect([...values].sort(compareValues)).toEqual(['-1', '1e-4', '0.001', '0.1', '0.10', '2', '10', 'Adam', 'None', 'adam', null]);
  });
});

describe('numericValue(value)', () => {
  it('reads decimal and exponent spellings, not Python words or lists', () => {
    expect(numericValue(' 5e-3 ')).toBe(0.005);
    expect(numericValue('.5')).toBe(0.5);
    expect(numericValue('inf')).toBeUndefined();
    expect(numericValue('[1, 2]')).toBeUndefined();
    expect(numericValue('')).toBeUndefined();
  });
});
