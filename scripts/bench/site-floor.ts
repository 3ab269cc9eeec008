/**
 * The floor of the site benchmark: a bare Astro build (no integration, no islands, no data) of N
 * trivial pages from one dynamic route, in a project of its own under the package's .astro
 * folder (so `astro` resolves), run from there as runfolio build runs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function buildFloor(pages: number, outDir: string): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const root = fileURLToPath(new URL(`../../.astro/bench-floor-${process.pid}/`, import.meta.url));
  mkdirSync(join(root, 'src/pages/p'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"type":"module","private":true}\n');
  writeFileSync(
    join(root, 'src/pages/p/[id].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\n---\n<html lang="en"><head><title>Page {id}</title></head><body><h1>Page {id}</h1></body></html>\n`,
  );
  writeFileSync(join(root, 'src/pages/index.astro'), '<html lang="en"><head><title>Home</title></head><body><h1>Home</h1></body></html>\n');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { build } = await import('astro');
    await build({ root, outDir, logLevel: 'error', configFile: false });
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
}
