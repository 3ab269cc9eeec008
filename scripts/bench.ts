/**
 * `npm run bench`: Runfolio's speed, each figure against a floor measured in the same run.
 * Sections: start (the compiled bin's --help and inspect against `node -e 0`), read (mlruns and
 * mlflow.db → Snapshot), analyze (search, best run per group), site (full build), compare (two
 * runs against inspect; the Markdown's length at 5,000 metrics). Prints a Markdown table (the one
 * in README.md) and the machine it ran on.
 *   node scripts/bench.ts [--sizes 1000,10000] [--only start,read,analyze,site,compare]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAnalyze } from './bench/analyze.ts';
import { benchCompare } from './bench/compare.ts';
import { benchRead } from './bench/read.ts';
import { benchSite } from './bench/site.ts';
import { benchStart } from './bench/start.ts';
import { syntheticSpec } from './lib/synthetic.ts';
import { writeMlruns } from '../src/generate/write-mlruns.ts';
import type { BenchContext, BenchRow } from './bench/types.ts';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<BenchRow[]>> = {
  start: benchStart,
  read: benchRead,
  analyze: benchAnalyze,
  site: benchSite,
  compare: benchCompare,
};

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, only: { type: 'string' } } });
const sizes = values.sizes.split(',').map(Number);
const only = values.only ? values.only.split(',') : Object.keys(SECTIONS);
const tmp = mkdtempSync(join(tmpdir(), 'runfolio-bench-'));
const stores = new Map<number, string>();
const ctx: BenchContext = {
  tmp,
  sizes,
  log: (line) => process.stderr.write(`${line}\n`),
  mlruns(runs) {
    let path = stores.get(runs);
    if (!path) {
      path = join(tmp, `store-${runs}`, 'mlruns');
      ctx.log(`writing a ${runs.toLocaleString('en-US')}-run mlruns store`);
      writeMlruns(syntheticSpec({ runs }), path);
      stores.set(runs, path);
    }
    return path;
  },
};

try {
  const rows: BenchRow[] = [];
  for (const name of only) {
    const section = SECTIONS[name];
    if (!section) throw new Error(`unknown section ${name}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    rows.push(...(await section(ctx)));
  }
  process.stdout.write(`${machine()}\n\n${table(rows)}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `Machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

function table(rows: BenchRow[]): string {
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
  const lines = ['| section | measured | runs | floor | floor time | ours | ratio | goal | peak RSS |', '|---|---|---:|---|---:|---:|---:|---:|---:|'];
  for (const r of rows.filter((r) => r.unit === undefined)) {
    const ratio = r.oursMs / r.floorMs;
    const goal = r.goal === undefined ? '' : `≤ ${r.goal}× ${ratio <= r.goal ? 'met' : 'missed'}`;
    const rss = r.peakRssMb === undefined ? '' : `${r.peakRssMb.toFixed(0)} MB`;
    lines.push(`| ${r.section} | ${r.name} | ${r.size ? r.size.toLocaleString('en-US') : ''} | ${r.floor} | ${fmt(r.floorMs)} | ${fmt(r.oursMs)} | ${ratio.toFixed(2)}× | ${goal} | ${rss} |`);
  }
  const weights = rows.filter((r) => r.unit === 'KB');
  if (weights.length > 0) {
    lines.push('', '| page weight (gzip -9) | runs | size | budget |', '|---|---:|---:|---:|');
    for (const r of weights) lines.push(`| ${r.name} | ${r.size.toLocaleString('en-US')} | ${r.oursMs.toFixed(1)} KB | ${r.floorMs} KB ${r.oursMs <= r.floorMs ? 'met' : 'missed'} |`);
  }
  const lengths = rows.filter((r) => r.unit === 'chars');
  if (lengths.length > 0) {
    lines.push('', '| text length | size | characters | limit |', '|---|---:|---:|---:|');
    for (const r of lengths) lines.push(`| ${r.name} | ${r.size.toLocaleString('en-US')} | ${r.oursMs.toLocaleString('en-US')} | ${r.floorMs.toLocaleString('en-US')} ${r.oursMs <= r.floorMs ? 'met' : 'missed'} |`);
  }
  return lines.join('\n');
}
