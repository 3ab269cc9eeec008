/**
 * Benchmark of `runfolio compare` (section `compare`): two runs of the synthetic store of each
 * size compared, the store read included, against `runfolio inspect` of the same store (the
 * same read plus a summary), each a whole CLI process, alternated; medians. Then the size of the
 * Markdown for two runs sharing 5,000 metrics (every one changed, a glob gate holding on half),
 * against the 60,000-character limit it must stay under by construction.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildComparison } from '../../src/lib/compare/comparison.ts';
import { parseGate } from '../../src/lib/compare/gates.ts';
import { comparisonMarkdown, MARKDOWN_LIMIT } from '../../src/lib/compare/markdown.ts';
import type { Run } from '../../src/lib/model.ts';
import { syntheticSpec } from '../lib/synthetic.ts';
import type { BenchContext, BenchRow } from './types.ts';

const CLI = fileURLToPath(new URL('../runfolio.ts', import.meta.url));
const GOAL = 1.25;

/** Wall time of one CLI process; exit 1 is a held gate, anything else but 0 a failure. */
function timed(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`runfolio ${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  return performance.now() - start;
}

export async function benchCompare(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of ctx.sizes) {
    const store = ctx.mlruns(size);
    const [a, b] = syntheticSpec({ runs: size }).runs;
    const floors: number[] = [];
    const ours: number[] = [];
    const repeats = size >= 5000 ? 3 : 5;
    for (let i = 0; i < repeats; i++) {
      ctx.log(`compare: ${size.toLocaleString('en-US')} runs (${i + 1}/${repeats})`);
      floors.push(timed(['inspect', '--store', store, '--json']));
      ours.push(timed(['compare', '--store', store, a?.id as string, b?.id as string, '--fail-on', 'metrics.val/loss > baseline * 1.02', '--markdown', '/dev/null']));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
    rows.push({ section: 'compare', name: 'runfolio compare of two runs (read included)', size, floor: 'runfolio inspect of the same store', floorMs: median(floors), oursMs: median(ours), goal: GOAL });
  }
  ctx.log('compare: Markdown for two runs sharing 5,000 metrics');
  rows.push({ section: 'compare', name: 'compare Markdown, two runs sharing 5,000 metrics', size: 5000, floor: 'GitHub comment limit', floorMs: MARKDOWN_LIMIT, oursMs: wideMarkdown(5000).length, unit: 'chars' });
  return rows;
}

/** The Markdown of two runs sharing `count` metrics, every one changed. */
export function wideMarkdown(count: number): string {
  const run = (id: string, shift: number): Run => ({
    id,
    experimentId: '1',
    name: id,
    status: 'FINISHED',
    lifecycleStage: 'active',
    params: {},
    tags: {},
    inputs: [],
    artifacts: [],
    loggedModels: [],
    metrics: Object.fromEntries(
      Array.from({ length: count }, (_, i) => {
        const point = { step: 0, timestamp: 0, value: i + shift * (i % 2 === 0 ? 1 : -1) };
        return [`block_${String(i).padStart(5, '0')}/activation_mean`, { latest: point, history: [point] }];
      }),
    ),
  });
  const experiments = [{ id: '1', name: 'wide', lifecycleStage: 'active' as const, tags: {} }];
  const chosen = (r: Run) => ({ ref: r.id, store: 'bench', run: r, experimentName: 'wide' });
  const comparison = buildComparison(chosen(run('baseline', 0)), [chosen(run('candidate', 0.5))], { experiments, gates: [{ gate: parseGate('metrics.block_* > baseline'), level: 'fail' }] });
  return comparisonMarkdown(comparison, { link: 'https://example.org/compare/' });
}
