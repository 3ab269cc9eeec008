/**
 * Regenerates the bundled demo: `node scripts/generate-demo-store.ts [outDir]`.
 *
 * Removes `outDir` (default `content/mlruns`) and writes the demo store there as an MLflow 2.x
 * file store (scripts/lib/demo/). The demo reports beside it (`content/reports/`) are written by
 * hand and left alone: their numbers are embeds the build computes from the store. The output depends on
 * nothing but this code: no clock, no randomness, no machine paths (artifact URIs point at the
 * team's shared mount, as they would in a store copied off that mount).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoStore } from './lib/demo/index.ts';
import { writeMlruns } from './lib/write-mlruns.ts';

const ARTIFACT_ROOT = 'file:///mnt/team-share/mlruns';

export function generateDemo(outDir: string): { runs: number; experiments: number } {
  const spec = demoStore();
  rmSync(outDir, { recursive: true, force: true });
  writeMlruns(spec, outDir, { artifactRoot: ARTIFACT_ROOT });
  return { runs: spec.runs.length, experiments: spec.experiments.length };
}

function main(): void {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) {
    process.stderr.write('usage: node scripts/generate-demo-store.ts [outDir]\n');
    process.exit(2);
  }
  const outDir = resolve(positionals[0] ?? 'content/mlruns');
  const result = generateDemo(outDir);
  process.stdout.write(`wrote ${result.experiments} experiments and ${result.runs} runs to ${outDir}\n`);
}

// Run as a script, not when a test imports generateDemo (import.meta.main needs Node 24.2+).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
