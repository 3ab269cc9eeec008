import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchTensorboard } from '../../scripts/bench/tensorboard.ts';
import { writeBenchEventFile } from '../../scripts/lib/write-tensorboard.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { tempDir } from '../support/tmp.ts';

describe('writeBenchEventFile(path, bytes)', () => {
  it('writes an event file of about that size whose every scalar point reads back', async () => {
    const file = join(tempDir(), 'run/events.out.tfevents.1');
    const written = writeBenchEventFile(file, 3 << 20);
    expect(written.bytes).toBeGreaterThanOrEqual(3 << 20);
    expect(written.bytes).toBeLessThan((3 << 20) + (1 << 20));
    const snapshot = await readStores([file]);
    const metrics = snapshot.runs[0]!.metrics;
    expect(Object.keys(metrics).sort()).toEqual(['grad_norm', 'lr', 'train/accuracy', 'train/loss', 'val/accuracy', 'val/loss']);
    expect(Object.values(metrics).reduce((n, m) => n + m.history.length, 0)).toBe(written.points);
    expect(snapshot.warnings).toEqual([]);
  });
});

describe('benchTensorboard(ctx, megabytes)', () => {
  it('measures the reader against both floors in a child process and reports its peak RSS', async () => {
    const lines: string[] = [];
    const rows = await benchTensorboard({ tmp: tempDir(), sizes: [], log: (line) => void lines.push(line), mlruns: () => { throw new Error('not needed'); } }, 2);
    expect(rows.map((r) => [r.section, r.floor, r.goal])).toEqual([
      ['tensorboard', 'plain streaming read (createReadStream)', 2],
      ['tensorboard', 'bare readSync loop, 4 MiB chunks', undefined],
    ]);
    for (const row of rows) {
      expect(row.floorMs).toBeGreaterThan(0);
      expect(row.oursMs).toBeGreaterThan(0);
    }
    expect(rows[0]?.peakRssMb).toBeGreaterThan(0);
    expect(lines[0]).toBe('tensorboard: writing a 2 MB event file');
    expect(lines[1]).toMatch(/^tensorboard: 2 MB, [\d,]+ scalar points; reading on \d+ cores$/);
    expect(lines[2]).toMatch(/^tensorboard: CPU time ours \d+ ms, createReadStream \d+ ms \([\d.]+×\), readSync loop \d+ ms$/);
  });
});
