/**
 * Writes the demo store for a look at its files: `node scripts/generate-demo-store.ts [outDir]`.
 *
 * Removes `outDir` (default `content/mlruns`, which git ignores: the store is generated, never
 * committed) and writes the demo store there (src/generate/demo/), then the demo reports into the
 * `reports` folder beside it. `runfolio demo` builds the same store in a temporary folder. The
 * output depends on nothing but the generator: no clock, no randomness, no machine paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoStore, writeDemoStore } from '../src/generate/demo/index.ts';

export function generateDemo(outDir: string): { runs: number; experiments: number; reportsDir: string } {
  const written = writeDemoStore(outDir);
  const reportsDir = join(dirname(outDir), 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const report of demoStore().reports) writeFileSync(join(reportsDir, report.fileName), report.text, 'utf8');
  return { ...written, reportsDir };
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
