/**
 * Benchmark of start-up (section `start`): the compiled bin as users run it (`dist/bin/runfolio.js`,
 * so `npm run bench` compiles first) for `--help` and for `inspect` of a small store (the demo
 * store), against a bare `node -e 0` on the same Node: each command is timed as a whole process,
 * alternated with the floor, median of many runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoStore } from '../../src/generate/demo/index.ts';
import type { BenchContext, BenchRow } from './types.ts';

const BIN = fileURLToPath(new URL('../../dist/bin/runfolio.js', import.meta.url));
const RUNS = 21;

function wall(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return performance.now() - started;
}

export async function benchStart(ctx: BenchContext): Promise<BenchRow[]> {
  const store = join(ctx.tmp, 'start-demo', 'mlruns');
  writeDemoStore(store);
  const cases: [string, string[]][] = [
    ['runfolio --help', [BIN, '--help']],
    ['runfolio inspect --store <demo store> (13 runs)', [BIN, 'inspect', '--store', store]],
  ];
  const rows: BenchRow[] = [];
  for (const [name, args] of cases) {
    ctx.log(`start: ${name}`);
    const floor: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(wall(['-e', '0']));
      ours.push(wall(args));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    rows.push({ section: 'start', name: `${name}, median of ${RUNS}`, size: 0, floor: '`node -e 0`', floorMs: median(floor), oursMs: median(ours), goal: 5 });
  }
  return rows;
}
