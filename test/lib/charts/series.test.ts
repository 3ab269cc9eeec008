import { describe, expect, it } from 'vitest';
import { chartRows, distinctStyles, runLabels, seriesRows, smoothEma } from '../../../src/lib/charts/series.ts';
import { runStyle, STYLE_COUNT } from '../../../src/lib/charts/theme.ts';
import type { Point } from '../../../src/lib/model.ts';

const T0 = 1_700_000_000_000;

describe('smoothEma(values, weight)', () => {
  it('matches the debiased EMA computed by hand', () => {
    // w = 0.5: biased 0.5, 1.25, 2.125; debias 1-0.5, 1-0.25, 1-0.125.
    const smoothed = smoothEma([1, 2, 3], 0.5);
    expect(smoothed[0]).toBeCloseTo(1, 12);
    expect(smoothed[1]).toBeCloseTo(1.25 / 0.75, 12);
    expect(smoothed[2]).toBeCloseTo(2.125 / 0.875, 12);
  });

  it('matches a second hand computation with a strong weight', () => {
    // w = 0.9 on [10, 0]: biased 1, 0.9; debias 0.1, 0.19.
    const [a, b] = smoothEma([10, 0], 0.9);
    expect(a).toBeCloseTo(10, 12);
    expect(b).toBeCloseTo(0.9 / 0.19, 12);
  });

  it('returns the values unchanged for weight 0 and for a constant series', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
    expect(smoothEma([0.1, 0.1, 0.1, 0.1], 0.99)).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('rejects a weight outside [0, 1)', () => {
    expect(() => smoothEma([1, 2], 1)).toThrow(/\[0, 1\), got 1/);
    expect(() => smoothEma([1, 2], -0.1)).toThrow(RangeError);
  });
});

describe('seriesRows(series, options)', () => {
  const points: Point[] = [
    { step: 0, timestamp: T0 + 1000, value: 4 },
    { step: 1, timestamp: T0 + 3000, value: 'NaN' },
    { step: 2, timestamp: T0 + 4500, value: 2 },
    { step: 3, timestamp: T0 + 6000, value: '-Infinity' },
  ];

  it("builds long rows with fixed fields, seconds since the run started and the run's style index", () => {
    const { rows } = seriesRows({ run: 'a.b/c d', metric: 'train/loss.x', style: 12, start: T0, points });
    expect(rows).toEqual([
      { run: 'a.b/c d', metric: 'train/loss.x', step: 0, time: T0 + 1000, rel: 1, value: 4, style: 12 },
      { run: 'a.b/c d', metric: 'train/loss.x', step: 2, time: T0 + 4500, rel: 4.5, value: 2, style: 12 },
    ]);
    expect(seriesRows({ run: 'r', metric: 'm', style: 12 + STYLE_COUNT, points }).rows[0]!.style).toBe(12);
  });

  it('counts relative time from the first timestamp when the run has no start', () => {
    const { rows, markers } = seriesRows({ run: 'r', metric: 'm', style: 0, points });
    expect(rows.map((r) => r.rel)).toEqual([0, 3.5]);
    expect(markers.map((m) => m.rel)).toEqual([2, 5]);
  });

  it('turns non-finite values into markers, never into rows', () => {
    const { rows, markers } = seriesRows({ run: 'r', metric: 'm', style: 12, start: T0, points });
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
    expect(markers).toEqual([
      { run: 'r', metric: 'm', step: 1, time: T0 + 3000, rel: 3, kind: 'nan', style: 12 },
      { run: 'r', metric: 'm', step: 3, time: T0 + 6000, rel: 6, kind: '-inf', style: 12 },
    ]);
  });

  it('smooths over the finite points in step order, skipping non-finite ones', () => {
    const { rows } = seriesRows({ run: 'r', metric: 'm', style: 0, points }, { smoothing: 0.5 });
    expect(rows.map((r) => r.value)).toEqual(smoothEma([4, 2], 0.5));
  });

  it('smooths before thinning, so the budget applies to the drawn line', () => {
    const long = Array.from({ length: 1000 }, (_, i) => ({ step: i, timestamp: T0 + i, value: i % 2 }));
    const { rows } = seriesRows({ run: 'r', metric: 'm', style: 0, points: long }, { smoothing: 0.9, budget: 50 });
    expect(rows.length).toBeLessThanOrEqual(50);
    const smoothed = smoothEma(long.map((p) => p.value), 0.9);
    for (const row of rows) expect(row.value).toBe(smoothed[row.step]);
  });
});

describe('chartRows(series, options)', () => {
  it('concatenates the rows of several runs in the order given', () => {
    const one = (run: string, value: number) => ({ run, metric: 'm', style: 0, points: [{ step: 0, timestamp: T0, value }] });
    const { rows } = chartRows([one('b', 2), one('a', 1)]);
    expect(rows.map((r) => [r.run, r.value])).toEqual([['b', 2], ['a', 1]]);
  });
});

describe('distinctStyles(styles)', () => {
  it('keeps each run its own style unless an earlier run of the chart has it, then takes the next free one', () => {
    expect(distinctStyles([4, 0, 7])).toEqual([4, 0, 7]);
    expect(distinctStyles([4, 4 + STYLE_COUNT, 5])).toEqual([4, 5 + STYLE_COUNT, 6]);
    expect(distinctStyles([undefined, 0, undefined])).toEqual([0, 1, 2]);
  });

  it('gives as many different looks as there are styles', () => {
    const styles = distinctStyles(Array.from({ length: STYLE_COUNT }, () => undefined));
    expect(new Set(styles.map((s) => JSON.stringify(runStyle(s, 'light')))).size).toBe(STYLE_COUNT);
  });
});

describe('runLabels(runs)', () => {
  it('uses the name when it is unique', () => {
    expect(runLabels([{ id: '1', name: 'fox' }, { id: '2', name: 'owl' }])).toEqual(new Map([['1', 'fox'], ['2', 'owl']]));
  });

  it('adds the id prefix to names shared by several runs and labels unnamed runs by id', () => {
    const labels = runLabels([
      { id: 'aaaaaaaa1111', name: 'fox' },
      { id: 'bbbbbbbb2222', name: 'fox' },
      { id: 'cccccccc3333', name: '' },
    ]);
    expect([...labels.values()]).toEqual(['fox (aaaaaaaa)', 'fox (bbbbbbbb)', 'cccccccc']);
  });

  it('falls back to the whole id when prefixes collide, so labels never merge runs', () => {
    const labels = runLabels([
      { id: 'aaaaaaaa1111', name: 'fox' },
      { id: 'aaaaaaaa2222', name: 'fox' },
      { id: 'zzzz', name: 'fox (aaaaaaaa1111)' },
    ]);
    expect(new Set(labels.values()).size).toBe(3);
    expect(labels.get('aaaaaaaa2222')).toBe('fox (aaaaaaaa2222)');
  });
});
