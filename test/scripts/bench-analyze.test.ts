import { describe, expect, it } from 'vitest';
import { benchAnalyze } from '../../scripts/bench/analyze.ts';
import { tempDir } from '../support/tmp.ts';

describe('benchAnalyze(ctx)', () => {
  it('measures each case against its floor for every size, after checking both give the same answer', async () => {
    const lines: string[] = [];
    const rows = await benchAnalyze({ tmp: tempDir(), sizes: [120, 240], log: (line) => void lines.push(line), mlruns: () => { throw new Error('the analyze bench needs no store'); } });
    expect(rows.map((r) => r.size)).toEqual([120, 120, 120, 240, 240, 240]);
    expect(new Set(rows.map((r) => r.name)).size).toBe(3);
    for (const row of rows) {
      expect(row.section).toBe('analyze');
      expect(row.floorMs).toBeGreaterThan(0);
      expect(row.oursMs).toBeGreaterThan(0);
      expect(row.goal).toBe(row.name.startsWith('building') ? undefined : 2);
    }
    expect(lines).toEqual(['analyze: 120 runs', 'analyze: 240 runs']);
  });
});
