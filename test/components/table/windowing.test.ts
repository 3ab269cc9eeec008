import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../src/components/table/windowing.ts';

const base = { viewport: 640, count: 10_000, rowHeight: 36, overscan: 12 };

describe('rowWindow({ scrollTop, viewport, count, rowHeight, overscan })', () => {
  it('renders the first screenful plus overscan at the top', () => {
    // 640 / 36 = 17.8 → rows 0..17 visible, 12 more below.
    expect(rowWindow({ ...base, scrollTop: 0 })).toEqual({ first: 0, last: 30, padTop: 0, padBottom: (10_000 - 30) * 36 });
  });

  it('renders the rows under a scroll offset, overscan on both sides', () => {
    // Offset 36,000 px = row 1000 at the top; 36,640 / 36 = 1017.8 → row 1017 is the last visible.
    expect(rowWindow({ ...base, scrollTop: 36_000 })).toEqual({ first: 988, last: 1030, padTop: 988 * 36, padBottom: (10_000 - 1030) * 36 });
    // Half a row further, the same rows stay on screen.
    const half = rowWindow({ ...base, scrollTop: 36_018 });
    expect([half.first, half.last]).toEqual([988, 1031]);
  });

  it('ends at the last row at the bottom', () => {
    const bottom = rowWindow({ ...base, scrollTop: 10_000 * 36 - 640 });
    expect(bottom.last).toBe(10_000);
    expect(bottom.padBottom).toBe(0);
    expect(bottom.first).toBe(Math.floor((10_000 * 36 - 640) / 36) - 12);
  });

  it('still renders the last screenful when the offset is past the end (rows just shrank)', () => {
    const past = rowWindow({ ...base, count: 100, scrollTop: 50_000 });
    expect(past).toEqual({ first: 100 - 18 - 12, last: 100, padTop: 70 * 36, padBottom: 0 });
  });

  it('renders every row of a short table without spacers', () => {
    expect(rowWindow({ ...base, count: 5, scrollTop: 0 })).toEqual({ first: 0, last: 5, padTop: 0, padBottom: 0 });
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ first: 0, last: 0, padTop: 0, padBottom: 0 });
  });

  it('treats a negative or unknown offset as the top', () => {
    expect(rowWindow({ ...base, scrollTop: -50 }).first).toBe(0);
    expect(rowWindow({ ...base, scrollTop: Number.NaN }).first).toBe(0);
  });

  it('always accounts for the full height: spacers plus rendered rows', () => {
    for (let top = 0; top < 10_000 * 36 + 2000; top += 7919) {
      const w = rowWindow({ ...base, scrollTop: top });
      expect(w.padTop + (w.last - w.first) * 36 + w.padBottom).toBe(10_000 * 36);
      expect(w.last - w.first).toBeLessThanOrEqual(18 + 1 + 2 * 12);
      const visibleFirst = Math.min(9_999, Math.floor(top / 36));
      expect(w.first).toBeLessThanOrEqual(visibleFirst);
      expect(w.last).toBeGreaterThan(Math.min(9_999, Math.floor((top + 639) / 36)));
    }
  });
});
