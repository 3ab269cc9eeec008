/**
 * Benchmark of the TensorBoard reader (section `tensorboard`): a generated event file of about
 * 1 GB (write-tensorboard.ts `writeBenchEventFile`: scalars, histograms, images as in a long
 * training run) read to a validated Snapshot, in a child process of its own (its peak RSS is the
 * reader's), against two floors measured in the same process: a plain streaming read of the same
 * bytes (`fs.createReadStream`, the goal's floor) and a bare `readSync` loop in the reader's own
 * 4 MiB chunks (no decoding at all, for reference).
 *   [RUNFOLIO_BENCH_TB_MB=1024] node scripts/bench.ts --only tensorboard
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchEventFile } from '../lib/write-tensorboard.ts';
import type { BenchContext, BenchRow } from './types.ts';

const CHILD = fileURLToPath(new URL('./tensorboard-child.ts', import.meta.url));
const GOAL = 2;

export async function benchTensorboard(ctx: BenchContext, megabytes = Number(process.env.RUNFOLIO_BENCH_TB_MB ?? 1024)): Promise<BenchRow[]> {
  const file = join(ctx.tmp, 'tensorboard', 'run', 'events.out.tfevents.1700000000.bench.1.0');
  ctx.log(`tensorboard: writing a ${megabytes.toLocaleString('en-US')} MB event file`);
  const written = writeBenchEventFile(file, megabytes * 2 ** 20);
  ctx.log(`tensorboard: ${(written.bytes / 2 ** 20).toFixed(0)} MB, ${written.points.toLocaleString('en-US')} scalar points; reading on ${availableParallelism()} cores`);
  const out = execFileSync(process.execPath, ['--expose-gc', CHILD, file, '5'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const result = JSON.parse(out.trim().split('\n').pop() as string) as {
    streamMs: number; readSyncMs: number; oursMs: number; cpuMs: { stream: number; readSync: number; ours: number }; points: number; peakRssMb: number;
  };
  if (result.points !== written.points) throw new Error(`read ${result.points} scalar points of ${written.points} from ${file}`);
  const { cpuMs } = result;
  ctx.log(`tensorboard: CPU time ours ${cpuMs.ours.toFixed(0)} ms, createReadStream ${cpuMs.stream.toFixed(0)} ms (${(cpuMs.ours / cpuMs.stream).toFixed(2)}×), readSync loop ${cpuMs.readSync.toFixed(0)} ms`);
  const name = `${(written.bytes / 2 ** 30).toFixed(2)} GB event file → validated Snapshot`;
  return [
    { section: 'tensorboard', name, size: 1, floor: 'plain streaming read (createReadStream)', floorMs: result.streamMs, oursMs: result.oursMs, peakRssMb: result.peakRssMb, goal: GOAL },
    { section: 'tensorboard', name, size: 1, floor: 'bare readSync loop, 4 MiB chunks', floorMs: result.readSyncMs, oursMs: result.oursMs },
  ];
}
