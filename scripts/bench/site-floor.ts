/**
 * The floor of the site benchmark: a bare Astro build (no integration, no islands) of N trivial
 * pages from one dynamic route, in a project of its own under the package's .astro folder
 * (so `astro` resolves). Usage: node site-floor.ts <pages> <outDir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV ??= 'production';
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const [pages, outDir] = process.argv.slice(2) as [string, string];
const root = fileURLToPath(new URL(`../../.astro/bench-floor-${process.pid}/`, import.meta.url));
mkdirSync(join(root, 'src/pages/p'), { recursive: true });
writeFileSync(join(root, 'package.json'), '{"type":"module","private":true}\n');
writeFileSync(
  join(root, 'src/pages/p/[id].astro'),
  `---\nexport function getStaticPaths() { return Array.from({ length: ${Number(pages)} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\n---\n<html lang="en"><head><title>Page {id}</title></head><body><h1>Page {id}</h1></body></html>\n`,
);
writeFileSync(join(root, 'src/pages/index.astro'), '<html lang="en"><head><title>Home</title></head><body><h1>Home</h1></body></html>\n');
process.chdir(root);
const { build } = await import('astro');
await build({ root, outDir, logLevel: 'error', configFile: false });
const { rmSync } = await import('node:fs');
rmSync(root, { recursive: true, force: true });
