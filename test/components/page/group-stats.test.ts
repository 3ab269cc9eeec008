import { describe, expect, it } from 'vitest';
import { metricStats } from '../../../src/lib/analyze/groups.ts';
import { statsDigits, statsText } from '../../../src/components/page/group-stats.ts';

describe('statsText(stats, digits)', () => {
  it('shows mean ± std over min – max in few digits, and everything in full in the title', () => {
    const text = statsText(metricStats([0.812345678, 0.9, null, 'NaN']));
    expect(text.mean).toBe('0.8562 ± 0.06198');
    expect(text.range).toBe('0.8123 – 0.9');
    expect(text.title).toBe('mean 0.856173 ± 0.061981 (sample std), min 0.812346, max 0.9; 2 of 4 runs, 1 without a value, 1 NaN left out');
  });

  it('shows a single value without a spread, and a dash without any', () => {
    expect(statsText(metricStats([3]))).toEqual({ mean: '3', range: '', title: 'mean 3, min 3, max 3; 1 of 1 run' });
    expect(statsText(metricStats([null, 'Infinity']))).toEqual({ mean: '—', range: '', title: 'no value to average; 0 of 2 runs, 1 without a value, 1 infinite left out' });
  });

  it('takes fewer digits when asked', () => {
    expect(statsText(metricStats([0.812345678, 0.9]), 2).mean).toBe('0.86 ± 0.062');
  });
});

describe('statsDigits(chars)', () => {
  it('fits mean ± std into the cell, 2 to 6 digits each', () => {
    expect(statsDigits(13)).toBe(3);
    expect(statsDigits(4)).toBe(2);
    expect(statsDigits(40)).toBe(6);
  });
});
