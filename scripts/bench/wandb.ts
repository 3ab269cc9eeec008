/**
 * Benchmark of the W&B reader (section `wandb`): 1,000 synthetic run folders (synthetic-wandb.ts:
 * 10 config values, 5 metrics × 100 history rows, stats, output, summary, exit) read to a validated
 * Snapshot in a child process, against a plain read of every file of the same folders.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticWandb } from '../lib/synthetic-wandb.ts';
import type { BenchContext, BenchRow } from './types.ts';

const CHILD = fileURLToPath(new URL('./read-child.ts', import.meta.url));
const RUNS = 1000;

export async function benchWandb(ctx: BenchContext): Promise<BenchRow[]> {
  const wandb = join(ctx.tmp, `wandb-${RUNS}`, 'wandb');
  ctx.log(`wandb: writing ${RUNS.toLocaleString('en-US')} W&B run folders`);
  writeSyntheticWandb({ runs: RUNS }, wandb);
  ctx.log(`wandb: reading them (${availableParallelism()} cores)`);
  const out = execFileSync(process.execPath, ['--expose-gc', CHILD, 'wandb', wandb, '5'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const result = JSON.parse(out.trim().split('\n').pop() as string) as { floorMs: number; oursMs: number; runs: number; peakRssMb: number };
  if (result.runs !== RUNS) throw new Error(`read ${result.runs} runs of ${RUNS} from ${wandb}`);
  return [{ section: 'wandb', name: 'W&B run folders → validated Snapshot', size: RUNS, floor: 'plain read of every file', floorMs: result.floorMs, oursMs: result.oursMs, peakRssMb: result.peakRssMb }];
}
