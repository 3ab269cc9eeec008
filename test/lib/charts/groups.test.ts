import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../src/lib/charts/groups.ts';
import { smoothEma } from '../../../src/lib/charts/series.ts';
import type { MetricValue } from '../../../src/lib/model.ts';

const T0 = 1_700_000_000_000;
const member = (values: MetricValue[], steps = values.map((_, i) => i)) => ({
  run: 'ignored',
  metric: 'm',
  style: 0,
  start: T0,
  points: values.map((value, i) => ({ step: steps[i]!, timestamp: T0 + steps[i]! * 1000, value })),
});

describe('groupRows(groups, metric, options)', () => {
  const group = { label: 'lr=0.1', style: 7, members: [member([1, 2, 3]), member([3, 4, 5]), member([2, 'NaN'], [0, 1])] };

  it("draws each step's mean over a band of ± one standard deviation, in the group's style", () => {
    const { rows, bands } = groupRows([group], 'm', { band: 'std' });
    expect(rows.map((r) => [r.run, r.step, r.value, r.style])).toEqual([
      ['lr=0.1', 0, 2, 7],
      ['lr=0.1', 1, 3, 7],
      ['lr=0.1', 2, 4, 7],
    ]);
    const std0 = Math.sqrt(((1 - 2) ** 2 + (3 - 2) ** 2 + 0) / 3);
    expect(bands[0]!.lo).toBeCloseTo(2 - std0, 12);
    expect(bands[0]!.hi).toBeCloseTo(2 + std0, 12);
    // Step 1: the third member's NaN is left out, so two members remain.
    expect(bands[1]!.hi - bands[1]!.lo).toBeCloseTo(2, 12);
    expect(rows[1]!.rel).toBe(1);
  });

  it('draws min…max when asked', () => {
    const { bands } = groupRows([group], 'm', { band: 'minmax' });
    expect(bands.map((b) => [b.lo, b.hi])).toEqual([
      [1, 3],
      [2, 4],
      [3, 5],
    ]);
  });

  it('smooths each member before aggregating', () => {
    const { rows } = groupRows([{ label: 'g', style: 0, members: [member([0, 10, 0, 10])] }], 'm', { band: 'std', smoothing: 0.5 });
    expect(rows.map((r) => r.value)).toEqual(smoothEma([0, 10, 0, 10], 0.5));
  });

  it('thins a long group to the budget, band and line at the same steps', () => {
    const long = member(Array.from({ length: 5000 }, (_, i) => Math.sin(i / 100)));
    const { rows, bands } = groupRows([{ label: 'g', style: 0, members: [long, long] }], 'm', { band: 'std', budget: 200 });
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(bands.map((b) => b.step)).toEqual(rows.map((r) => r.step));
  });
});
