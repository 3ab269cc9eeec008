/**
 * Benchmark of the site (section `site`): a full `runfolio build` of the synthetic store of each
 * size against the floor of a bare Astro build of as many trivial pages, each in a process of
 * its own (wall time, peak RSS); then the page weights of the built site, gzipped.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetOf, CHART_RUNTIME_KB, MAX_FILE_BYTES } from '../../src/lib/site/budgets.ts';
import { checkOutput } from '../../src/lib/site/check-output.ts';
import type { BenchContext, BenchRow } from './types.ts';

const CHILD = fileURLToPath(new URL('./build-child.ts', import.meta.url));

interface ChildResult {
  ms: number;
  peakRssMb: number;
}

function child(args: string[]): ChildResult {
  const out = execFileSync(process.execPath, [CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop() as string) as ChildResult;
}

export async function benchSite(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of ctx.sizes) {
    const store = ctx.mlruns(size);
    const out = join(ctx.tmp, `site-${size}`);
    // File writes dominate both builds and this machine's disk speed drifts: alternate them and
    // keep the medians (each build into a fresh folder).
    const floors: ChildResult[] = [];
    const ours: ChildResult[] = [];
    const pairs = size >= 5000 ? 2 : 3;
    for (let i = 0; i < pairs; i++) {
      ctx.log(`site: floor, ${size.toLocaleString('en-US')} trivial pages (${i + 1}/${pairs})`);
      floors.push(child(['floor', String(size + 1), join(ctx.tmp, `floor-${size}-${i}`)]));
      rmSync(join(ctx.tmp, `floor-${size}-${i}`), { recursive: true, force: true });
      plainRead(store);
      ctx.log(`site: runfolio build, ${size.toLocaleString('en-US')} runs (${i + 1}/${pairs})`);
      rmSync(out, { recursive: true, force: true });
      ours.push(child(['runfolio', '--store', store, '--out', out]));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
    rows.push({
      section: 'site',
      name: `runfolio build (pages + data files), median of ${pairs}`,
      size,
      floor: 'bare Astro build of as many trivial pages',
      floorMs: median(floors.map((r) => r.ms)),
      oursMs: median(ours.map((r) => r.ms)),
      peakRssMb: Math.max(...ours.map((r) => r.peakRssMb)),
      goal: 2,
    });
    ctx.log(`site: page weights, ${size.toLocaleString('en-US')} runs`);
    rows.push(...(await weights(out, size)));
  }
  return rows;
}

/** Reads every file once, so both builds start with the store in the page cache. */
function plainRead(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) plainRead(join(dir, entry.name));
    else if (entry.isFile()) readFileSync(join(dir, entry.name));
  }
}

/**
 * Page weights of the built site, as the build's own budget check measures them (check-output.ts):
 * the largest file against the per-file limit, the heaviest first view of each page kind and the
 * chart runtime against their budgets (budgets.ts). Rows whose "ours" is a size in KB.
 */
async function weights(out: string, size: number): Promise<BenchRow[]> {
  const check = await checkOutput(out);
  const kb = (bytes: number) => bytes / 1024;
  const row = (name: string, bytes: number, budgetKb: number): BenchRow => ({ section: 'weight', name, size, floor: 'budget', floorMs: budgetKb, oursMs: kb(bytes), goal: 1, unit: 'KB' });
  const rows: BenchRow[] = [];
  if (check.largest) rows.push(row(`largest file (${check.largest.path})`, check.largest.bytes, MAX_FILE_BYTES / 1024));
  for (const page of check.pages) rows.push(row(`first view, ${budgetOf(page.kind).label} (heaviest: ${page.heaviest.path})`, page.heaviest.bytes, page.budgetBytes / 1024));
  if (check.chartRuntime !== undefined) rows.push(row('chart runtime, loaded when the first chart shows', check.chartRuntime, CHART_RUNTIME_KB));
  return rows;
}
