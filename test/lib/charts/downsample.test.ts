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

  it('picks, per bucket, the point forming the largest triangle with its neighbours', () => {
    // 8 points, budget 5: inner buckets {1,2} {3,4} {5,6}; the last holds the maximum (forced).
    // Bucket {1,2}: vertices (0,-1) and the next bucket's mean (3.5,-0.25); point 1 lies
    // 0.79 from that line, point 2 only 0.57. Bucket {3,4}: vertices (1,0) and (5.5,5); point 4
    // (y=-0.5) lies 3.83 below the line, point 3 only 2.22.
    const history = [-1, 0, 0, 0, -0.5, 0, 10, 0].map((value, step) => ({ step, timestamp: step, value }));
    expect(downsample(history, 5).points.map((p) => p.step)).toEqual([0, 1, 4, 6, 7]);
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

  it('measures triangles in time when asked', () => {
    // Steps are evenly spaced but one point was logged much later: by time it is an outlier.
    const history = Array.from({ length: 9 }, (_, i) => ({ step: i, timestamp: i === 4 ? 1000 : i, value: i }));
    const byStep = downsample(history, 5).points.map((p) => p.step);
    const byTime = downsample(history, 5, { x: 'timestamp' }).points.map((p) => p.step);
    expect(byTime).toContain(4);
    expect(byTime).not.toEqual(byStep);
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
