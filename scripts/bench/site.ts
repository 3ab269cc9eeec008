/**
 * Benchmark of the site (section `site`): a full `runfolio build` of the synthetic store of each
 * size against the floor of a bare Astro build of as many trivial pages, each in a process of
 * its own (wall time, peak RSS); then the page weights of the built site, gzipped.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzSize, pageJs, totalGz } from './page-weight.ts';
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

/** Page weights, reported as rows whose "ours" is a size in KB (floor column: the budget). */
async function weights(out: string, size: number): Promise<BenchRow[]> {
  const runPages = readdirSync(join(out, 'runs')).slice(0, 50).map((id) => `runs/${id}/index.html`);
  const runHtml = runPages.map((p) => gzSize(join(out, p))).sort((a, b) => a - b)[Math.floor(runPages.length / 2)] as number;
  const experiment = readdirSync(join(out, 'experiments')).map((id) => `experiments/${id}/index.html`).sort((a, b) => gzSize(join(out, b)) - gzSize(join(out, a)))[0] as string;
  const expJs = await pageJs(out, experiment);
  const runJs = await pageJs(out, runPages[0] as string);
  const homeJs = await pageJs(out, 'index.html');
  const chartJs = totalGz(out, runJs.lazy);
  const homeLoadsCharts = [...homeJs.initial, ...homeJs.lazy].some((f) => runJs.lazy.has(f));
  const firstChunk = gzSize(join(out, 'data/experiments', experiment.split('/')[1] as string, 'runs-0.json'));
  const firstShow = gzSize(join(out, experiment)) + totalGz(out, expJs.initial) + firstChunk;
  const kb = (bytes: number) => bytes / 1024;
  const row = (name: string, bytes: number, budget: number, note: string): BenchRow => ({ section: 'weight', name, size, floor: note, floorMs: budget, oursMs: kb(bytes), goal: 1, unit: 'KB' });
  return [
    row('run page HTML (median)', runHtml, 30, 'run page HTML'),
    row(`chart JS, loaded when a chart shows (home page loads it: ${homeLoadsCharts ? 'yes' : 'no'})`, chartJs, 200, 'chart JS'),
    row('JS an experiment page loads first (React + runs table)', totalGz(out, expJs.initial), 500, 'first-show budget'),
    row('experiment page until its table shows: HTML + JS + first data chunk', firstShow, 500, 'first-show budget'),
  ];
}
