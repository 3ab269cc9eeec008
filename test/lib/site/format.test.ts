import { describe, expect, it } from 'vitest';
import {
  digitsForWidth,
  digitsToTellApart,
  exactNumber,
  exactTitle,
  fitMetric,
  fitNumber,
  formatMetric,
  formatNumber,
  formatSigned,
  MAX_DIGITS,
} from '../../../src/lib/site/format.ts';

describe('formatNumber(n, digits)', () => {
  it('rounds to six significant digits by default and drops trailing zeros', () => {
    expect(formatNumber(0.0010000000000000002)).toBe('0.001');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.12345678901234568)).toBe('0.123457');
    expect(formatNumber(3.14159265)).toBe('3.14159');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(99.99999999)).toBe('100');
  });

  it('takes fewer or more significant digits when asked', () => {
    expect(formatNumber(0.123456789, 3)).toBe('0.123');
    expect(formatNumber(0.123456789, 9)).toBe('0.123456789');
    expect(formatNumber(2 / 3, 17)).toBe(String(2 / 3));
  });

  it('shows integers whole, never as 40.0000 or 4e+1, up to the exact-integer range', () => {
    expect(formatNumber(40)).toBe('40');
    expect(formatNumber(15936)).toBe('15936');
    expect(formatNumber(123456789)).toBe('123456789');
    expect(formatNumber(-7, 2)).toBe('-7');
    expect(formatNumber(999_999_999_999_999)).toBe('999999999999999');
  });

  it('rounds a value whose integer part already has the digits shown to an integer', () => {
    expect(formatNumber(1234567.89)).toBe('1234568');
    expect(formatNumber(-123456.7)).toBe('-123457');
    expect(formatNumber(123456.7, 7)).toBe('123456.7');
    expect(formatNumber(999999.7)).toBe('1000000');
  });

  it('uses an exponent for tiny and huge values', () => {
    expect(formatNumber(0.0000123456789)).toBe('1.23457e-5');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(-5e-324)).toBe('-4.94066e-324');
    expect(formatNumber(1e20)).toBe('1e+20');
    expect(formatNumber(Number.MAX_VALUE)).toBe('1.79769e+308');
    expect(formatNumber(2.5e21, 2)).toBe('2.5e+21');
    expect(formatNumber(0.0001)).toBe('0.0001');
  });

  it('spells NaN and the infinities, and shows negative zero as 0', () => {
    expect([formatNumber(NaN), formatNumber(Infinity), formatNumber(-Infinity)]).toEqual(['NaN', '∞', '−∞']);
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0)).toBe('0');
  });

  it('never gives more than digits + 7 characters for a non-integer', () => {
    for (const n of [-1.234567891e-300, -0.000123456789, -987654.321, 1.7976931348623157e308, -2.2250738585072014e-308]) {
      for (const digits of [3, 6, 10]) expect(formatNumber(n, digits).length).toBeLessThanOrEqual(digits + 7);
    }
  });

  it('reads back as the value rounded to the digits asked for', () => {
    for (const n of [Math.PI, -Math.E * 1e-9, 6.02214076e23, 1 / 3, 0.007, 42.4242]) {
      for (const digits of [2, 4, 6, 12]) expect(Number(formatNumber(n, digits))).toBe(Number(n.toPrecision(digits)));
    }
  });

  it('clamps digits to 1…17 and ignores a digits value that is not a number', () => {
    expect(formatNumber(Math.PI, 0)).toBe('3');
    expect(formatNumber(Math.PI, 40)).toBe(String(Math.PI));
    expect(formatNumber(Math.PI, NaN)).toBe('3.14159');
  });
});

describe('formatMetric(value, digits)', () => {
  it('takes the Snapshot spelling of metric values', () => {
    expect(formatMetric(0.0010000000000000002)).toBe('0.001');
    expect(formatMetric('NaN')).toBe('NaN');
    expect(formatMetric('Infinity')).toBe('∞');
    expect(formatMetric('-Infinity')).toBe('−∞');
    expect(formatMetric(1 / 3, 3)).toBe('0.333');
  });

  it('shows a dash for a missing value', () => {
    expect(formatMetric(null)).toBe('—');
    expect(formatMetric(undefined)).toBe('—');
  });
});

describe('exactNumber(value) and exactTitle(value, shown)', () => {
  it('gives the shortest text that reads back as the same double', () => {
    expect(exactNumber(0.0010000000000000002)).toBe('0.0010000000000000002');
    expect(Number(exactNumber(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(exactNumber(-0)).toBe('0');
    expect([exactNumber(NaN), exactNumber('Infinity'), exactNumber(-Infinity)]).toEqual(['NaN', 'Infinity', '-Infinity']);
  });

  it('titles a cell only when the shown text rounds the value', () => {
    expect(exactTitle(0.0010000000000000002, '0.001')).toBe('0.0010000000000000002');
    expect(exactTitle(0.5, '0.5')).toBeUndefined();
    expect(exactTitle(null, '—')).toBeUndefined();
    expect(exactTitle('Infinity', '∞')).toBe('Infinity');
  });
});

describe('digitsForWidth(chars)', () => {
  it('leaves room for sign, point and exponent, and never goes below 3 or above 17', () => {
    expect(digitsForWidth(13)).toBe(6);
    expect(digitsForWidth(5)).toBe(3);
    expect(digitsForWidth(100)).toBe(MAX_DIGITS);
    expect(formatNumber(-1.23456789e-300, digitsForWidth(13)).length).toBeLessThanOrEqual(13);
  });
});

describe('digitsToTellApart(values, digits, tolerance)', () => {
  it('keeps six digits when they already tell the values apart', () => {
    expect(digitsToTellApart([0.1, 0.2, 0.30000000000000004])).toBe(6);
    expect(digitsToTellApart([])).toBe(6);
  });

  it('adds digits until values that differ read differently', () => {
    const digits = digitsToTellApart([123456.7, 123456.9, 5]);
    expect(digits).toBe(7);
    expect(formatNumber(123456.7, digits)).not.toBe(formatNumber(123456.9, digits));
    expect(digitsToTellApart([0.1, 0.1000000000000001])).toBe(16);
    expect(digitsToTellApart([0.1, 0.10000000000000002])).toBe(17);
  });

  it('lets values within the tolerance read alike', () => {
    expect(digitsToTellApart([1, 1 + 1e-9], 6, 1e-6)).toBe(6);
    expect(digitsToTellApart([1, 1 + 1e-5], 6, 1e-6)).toBe(6);
    expect(digitsToTellApart([1, 1 + 2e-6], 6, 1e-6)).toBe(7);
  });

  it('ignores NaN and the infinities, which always read apart', () => {
    expect(digitsToTellApart([NaN, Infinity, -Infinity, 1])).toBe(6);
  });
});

describe('formatSigned(n, digits)', () => {
  it('gives positive changes a plus sign and zero none', () => {
    expect(formatSigned(0.012345678, 4)).toBe('+0.01235');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(-0)).toBe('0');
    expect(formatSigned(1234.5, 2)).toBe('+1235');
  });
});

describe('fitNumber(n, chars, digits) and fitMetric(value, chars)', () => {
  it('shows the digits the width allows when the text fits', () => {
    expect(fitNumber(0.123456789, 13)).toBe('0.123457');
    expect(fitNumber(0.123456789, 17)).toBe('0.123456789');
    expect(fitNumber(2 / 3, 17)).toBe('0.6666666667');
  });

  it('drops digits until the text fits', () => {
    expect(fitNumber(-0.000123456789, 7)).toBe('-1.2e-4');
    expect(fitNumber(12345.6789, 6)).toBe('12346');
    expect(fitNumber(0.123456789, 5)).toBe('0.123');
  });

  it('writes a whole number too long for the cell with an exponent', () => {
    expect(fitNumber(123456789, 7)).toBe('1.23e+8');
    expect(fitNumber(123456789, 9)).toBe('123456789');
  });

  it('never goes below one digit, and spells what is not a number', () => {
    expect(fitNumber(-1.5e-300, 3)).toBe('-2e-300');
    expect(fitMetric('NaN', 2)).toBe('NaN');
    expect(fitMetric(null, 2)).toBe('—');
  });

  it('always fits values of every size in a cell of 8 characters or more', () => {
    for (const n of [Math.PI, -Math.PI * 1e-200, 6.02e23, -123456789012, 1 / 3, -0.000012345]) {
      for (const chars of [8, 10, 13, 20]) expect(fitNumber(n, chars).length).toBeLessThanOrEqual(chars);
    }
  });
});
