/**
 * Runs Astro's programmatic build over Runfolio's pages with this build's views. The views arrive
 * serialized and go to a temporary JSON file that the pages read once (its path travels through
 * the integration's virtual module): the caller has let go of the Snapshot by then, so its
 * metric histories are not held while Astro renders. Astro's caches go to the temporary folder
 * too, so parallel builds of different stores do not share state.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runfolioIntegration } from '../integration.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteBuildOptions {
  outDir: string;
  title: string;
  base?: string;
  site?: string;
  verbose?: boolean;
}

export async function buildSite(viewsJson: string, options: SiteBuildOptions): Promise<void> {
  // Astro bundles the prerenderer into `<cwd>/.astro/` when outDir lies outside the cwd, and that
  // bundle imports packages by name: so each build runs from a folder of its own inside the
  // package (node_modules resolves from there), never writing into the user's folder or into a
  // parallel build's.
  await mkdir(join(PACKAGE_ROOT, '.astro', 'builds'), { recursive: true });
  const work = await mkdtemp(join(PACKAGE_ROOT, '.astro', 'builds', 'build-'));
  try {
    const viewsFile = join(work, 'views.json');
    await writeFile(viewsFile, viewsJson);
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const cwd = process.cwd();
    process.chdir(work);
    const { build } = await import('astro');
    await build({
      root: PACKAGE_ROOT,
      configFile: 'astro.config.mjs',
      outDir: options.outDir,
      cacheDir: join(work, 'cache'),
      ...(options.base ? { base: options.base } : {}),
      ...(options.site ? { site: options.site } : {}),
      logLevel: options.verbose ? 'info' : 'error',
      integrations: [runfolioIntegration({ title: options.title, viewsFile })],
    }).finally(() => process.chdir(cwd));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
