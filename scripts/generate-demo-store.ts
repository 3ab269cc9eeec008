/**
 * Regenerates the bundled demo: `node scripts/generate-demo-store.ts [outDir]`.
 *
 * Removes `outDir` (default `content/mlruns`) and writes the demo store there as an MLflow 2.x
 * file store (scripts/lib/demo/), then writes the demo reports into the `reports` folder beside
 * it (`content/reports/`), replacing only the report files it owns. The output depends on
 * nothing but this code: no clock, no randomness, no machine paths (artifact URIs point at the
 * team's shared mount, as they would in a store copied off that mount).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoStore } from './lib/demo/index.ts';
import { writeMlruns } from './lib/write-mlruns.ts';

const ARTIFACT_ROOT = 'file:///mnt/team-share/mlruns';

export function generateDemo(outDir: string): { runs: number; experiments: number; reportsDir: string } {
  const { spec, reports } = demoStore();
  rmSync(outDir, { recursive: true, force: true });
  writeMlruns(spec, outDir, { artifactRoot: ARTIFACT_ROOT });
  const reportsDir = join(dirname(outDir), 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const report of reports) writeFileSync(join(reportsDir, report.fileName), report.text, 'utf8');
  return { runs: spec.runs.length, experiments: spec.experiments.length, reportsDir };
}

function main(): void {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) {
    process.stderr.write('usage: node scripts/generate-demo-store.ts [outDir]\n');
    process.exit(2);
  }
  const outDir = resolve(positionals[0] ?? 'content/mlruns');
  const result = generateDemo(outDir);
  process.stdout.write(`wrote ${result.experiments} experiments and ${result.runs} runs to ${outDir}, reports to ${result.reportsDir}\n`);
}

// Run as a script, not when a test imports generateDemo (import.meta.main needs Node 24.2+).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
