import { describe, expect, it } from 'vitest';
import { downsample, evenIndices, MIN_BUDGET } from '../../../src/lib/charts/downsample.ts';
import type { MetricValue, Point } from '../../../src/lib/model.ts';

/** A deterministic pseudo-random walk (no Math.random: failures must reproduce). */
function walk(n: number, seed = 1): Point[] {
  let state = seed;
  let value = 0;
  return Array.from({ length: n }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    value += state / 2147483648 - 0.5;
    return { step: i, timestamp: 1_700_000_000_000 + i * 10, value };
  });
}

const values = (points: Point[]) => points.map((p) => p.value as number);

describe('downsample(history, budget)', () => {
  it('returns the points unchanged when they fit the budget', () => {
    const history = walk(50);
    const result = downsample(history, 50);
    expect(result.points).toEqual(history);
    expect(result.points[10]).toBe(history[10]);
    expect(result.markers).toEqual([]);
  });

  it('keeps at most `budget` points, in history order, for every budget', () => {
    const history = walk(1000, 7);
    for (const budget of [MIN_BUDGET, 5, 10, 99, 500, 999]) {
      const { points } = downsample(history, budget);
      expect(points.length).toBeLessThanOrEqual(budget);
      expect(points.length).toBeGreaterThanOrEqual(budget - 1);
      for (let i = 1; i < points.length; i++) expect(points[i]!.step).toBeGreaterThan(points[i - 1]!.step);
    }
  });

  it('always keeps the first and last points and the minimum and maximum', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const history = walk(777, seed);
      for (const budget of [4, 6, 20, 100]) {
        const { points } = downsample(history, budget);
        const all = values(history);
        expect(points[0]).toBe(history[0]);
        expect(points.at(-1)).toBe(history.at(-1));
        expect(Math.min(...values(points))).toBe(Math.min(...all));
        expect(Math.max(...values(points))).toBe(Math.max(...all));
      }
    }
  });

  it('keeps a one-point spike that even sampling would miss', () => {
    const history = Array.from({ length: 10_000 }, (_, i) => ({ step: i, timestamp: i, value: i === 4321 ? 1e6 : Math.sin(i / 50) }));
    const { points } = downsample(history, 100);
    expect(points.some((p) => p.step === 4321)).toBe(true);
  });

  it('keeps both extremes when they fall into the same bucket, within the budget', () => {
    const history = Array.from({ length: 100 }, (_, i) => ({ step: i, timestamp: i, value: i === 50 ? -5 : i === 51 ? 5 : 0 }));
    const { points } = downsample(history, 4);
    expect(points.map((p) => p.step)).toEqual([0, 50, 51, 99]);
  });

  it('keeps each bucket\'s minimum and maximum, in history order', () => {
    // 12 points, budget 6: first, last, and buckets {1,2,3,4,5} {6,7,8,9,10} of the inner points.
    const history = [0, 3, -2, 1, 5, 0, 2, 2, -7, 4, 1, 9].map((value, step) => ({ step, timestamp: step, value }));
    expect(downsample(history, 6).points.map((p) => p.step)).toEqual([0, 2, 4, 8, 9, 11]);
  });

  it('keeps one point for a bucket whose values are all equal', () => {
    const history = Array.from({ length: 20 }, (_, step) => ({ step, timestamp: step, value: 1 }));
    expect(downsample(history, 6).points.map((p) => p.step)).toEqual([0, 1, 10, 19]);
  });

  it('keeps every isolated one-point spike of a 100,000-point history', () => {
    // A noisy decaying curve with 60 spikes up and 40 down at scattered steps, thinned to the
    // 1,000 points of a run data file (~200 points a bucket).
    const noise = walk(100_000, 5);
    const ups = Array.from({ length: 60 }, (_, k) => 977 + k * 1657);
    const downs = Array.from({ length: 40 }, (_, k) => 1234 + k * 2411);
    const spike = new Map<number, number>([...ups.map((s): [number, number] => [s, 50]), ...downs.map((s): [number, number] => [s, -50])]);
    const history = noise.map((p, i) => ({ ...p, value: spike.get(i) ?? Math.exp(-i / 30_000) + 0.01 * (p.value as number) }));
    const { points } = downsample(history, 1000);
    expect(points.length).toBeLessThanOrEqual(1000);
    const kept = new Set(points.map((p) => p.step));
    expect([...spike.keys()].filter((step) => !kept.has(step))).toEqual([]);
    expect(points[0]!.step).toBe(0);
    expect(points.at(-1)!.step).toBe(99_999);
  });

  it('returns non-finite values apart as markers and never emits them as points', () => {
    const raw: MetricValue[] = [1, 'NaN', 2, 'Infinity', 3, '-Infinity', 4];
    const history = raw.map((value, step) => ({ step, timestamp: 100 + step, value }));
    const result = downsample(history, 10);
    expect(values(result.points)).toEqual([1, 2, 3, 4]);
    expect(result.markers).toEqual([
      { step: 1, timestamp: 101, kind: 'nan' },
      { step: 3, timestamp: 103, kind: 'inf' },
      { step: 5, timestamp: 105, kind: '-inf' },
    ]);
  });

  it('never emits NaN when thinning a history full of non-finite values', () => {
    const history = walk(5000, 3).map((p, i) => (i % 3 === 0 ? { ...p, value: 'NaN' as const } : p));
    const { points, markers } = downsample(history, 200);
    expect(points.every((p) => typeof p.value === 'number' && Number.isFinite(p.value))).toBe(true);
    expect(markers.length).toBe(200);
    expect(markers[0]!.step).toBe(0);
    expect(markers.at(-1)!.step).toBe(4998);
  });

  it('is deterministic', () => {
    const history = walk(20_000, 9);
    expect(downsample(history, 300)).toEqual(downsample(history, 300));
  });

  it('thins a 1M-point history in well under a second', () => {
    const history = walk(1_000_000, 11);
    const started = performance.now();
    const { points } = downsample(history, 1000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(points.length).toBeLessThanOrEqual(1000);
  });

  it('rejects a budget too small to hold first, last, min and max', () => {
    expect(() => downsample(walk(10), 3)).toThrow(/budget must be an integer ≥ 4, got 3/);
  });
});

describe('evenIndices(n, count)', () => {
  it('spreads indices evenly and includes both ends', () => {
    expect([...evenIndices(11, 3)]).toEqual([0, 5, 10]);
    expect([...evenIndices(10, 4)]).toEqual([0, 3, 6, 9]);
  });
});
