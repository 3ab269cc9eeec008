import { describe, expect, it } from 'vitest';
import { autoLogScale, IGNORE_OUTLIERS, outlierDomain, quantile, spikeDomain } from '../../../src/lib/charts/outliers.ts';

describe('quantile(sorted, p)', () => {
  it('interpolates between order statistics as numpy does by default', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30], 0.25)).toBe(15);
    expect(quantile([7], 0.9)).toBe(7);
  });
});

describe('outlierDomain(values, percentiles, log)', () => {
  const steady = Array.from({ length: 100 }, (_, i) => 1 + (i % 10) / 10);

  it('cuts the range to the percentiles, widened by 5 % of their span', () => {
    const [lo, hi] = outlierDomain([...steady, 500, -300], IGNORE_OUTLIERS)!;
    expect(lo).toBeGreaterThan(0.9);
    expect(hi).toBeLessThan(2.1);
    expect(lo).toBeLessThan(1.1);
    expect(hi).toBeGreaterThan(1.8);
  });

  it('gives nothing when nothing would be cut, or too few values', () => {
    expect(outlierDomain([1, 2, 3, 4, 5], [0, 1])).toBeUndefined();
    expect(outlierDomain([1, 100], IGNORE_OUTLIERS)).toBeUndefined();
    expect(outlierDomain([3, 3, 3, 3], IGNORE_OUTLIERS)).toBeUndefined();
  });

  it('works in log space on a log scale, leaving out values ≤ 0', () => {
    const values = [...Array.from({ length: 98 }, (_, i) => 10 ** (i / 49)), 1e9, 0, -4];
    const [lo, hi] = outlierDomain(values, IGNORE_OUTLIERS, true)!;
    expect(lo).toBeGreaterThan(1);
    expect(hi).toBeLessThan(100);
  });
});

describe('spikeDomain(values, log)', () => {
  it('cuts isolated spikes that take most of the range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 211 === 100 ? 1e4 : Math.sin(i / 30)));
    const [lo, hi] = spikeDomain(values)!;
    expect(hi).toBeLessThan(2);
    expect(lo).toBeGreaterThan(-2);
  });

  it('leaves a range alone when no spike flattens it', () => {
    expect(spikeDomain(Array.from({ length: 1000 }, (_, i) => Math.sin(i / 30)))).toBeUndefined();
  });
});

describe('autoLogScale(values)', () => {
  it('asks for a log scale when positive values span two decades', () => {
    expect(autoLogScale([80, 20, 5, 1, 0.5, 0.2, 0.15, 0.12, 0.1])).toBe(true);
    expect(autoLogScale([2.3, 1.5, 0.9, 0.5, 0.3])).toBe(false);
    expect(autoLogScale([80, 20, 5, 0, 0.1])).toBe(false);
    expect(autoLogScale([100, 0.1])).toBe(false);
  });
});
