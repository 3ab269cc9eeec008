/**
 * Benchmark of the readers (section `read`): synthetic stores of each size written as an
 * mlruns/ folder and as an mlflow.db holding the same runs (10 params, 5 metrics × 100 steps,
 * one run in ten nested), each read in a child process against its floor.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticSpec } from '../lib/synthetic.ts';
import { writeSqlite } from '../lib/write-sqlite.ts';
import type { BenchContext, BenchRow } from './types.ts';

const CHILD = fileURLToPath(new URL('./read-child.ts', import.meta.url));
const GOAL = 1.5;

export async function benchRead(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of ctx.sizes) {
    const mlruns = ctx.mlruns(size);
    const db = join(ctx.tmp, `read-${size}`, 'mlflow.db');
    ctx.log(`read: writing a ${size.toLocaleString('en-US')}-run mlflow.db`);
    mkdirSync(join(ctx.tmp, `read-${size}`), { recursive: true });
    writeSqlite(syntheticSpec({ runs: size }), db);
    for (const [kind, path, name, floor] of [
      ['mlruns', mlruns, 'mlruns/ → validated Snapshot', 'plain read of every file'],
      ['sqlite', db, 'mlflow.db → validated Snapshot', 'plain SELECT * of every table'],
    ] as const) {
      ctx.log(`read: ${kind}, ${size.toLocaleString('en-US')} runs`);
      const out = execFileSync(process.execPath, ['--expose-gc', CHILD, kind, path, size > 2000 ? '3' : '5'], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const result = JSON.parse(out.trim().split('\n').pop() as string) as { floorMs: number; oursMs: number; runs: number; peakRssMb: number };
      if (result.runs !== size) throw new Error(`read ${result.runs} runs of ${size} from ${path}`);
      rows.push({ section: 'read', name, size, floor, floorMs: result.floorMs, oursMs: result.oursMs, peakRssMb: result.peakRssMb, goal: GOAL });
    }
  }
  return rows;
}
