/**
 * Runs Astro's programmatic build over Runfolio's pages with this build's views. The views go to
 * a temporary JSON file that the pages read once (its path travels through the integration's
 * virtual module); Astro's caches go to a temporary folder too, so parallel builds of different
 * stores do not share state.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runfolioIntegration } from '../integration.ts';
import type { SiteViews } from '../lib/site/views/types.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteBuildOptions {
  outDir: string;
  title: string;
  base?: string;
  site?: string;
  verbose?: boolean;
}

export async function buildSite(views: SiteViews, options: SiteBuildOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'runfolio-build-'));
  try {
    const viewsFile = join(work, 'views.json');
    await writeFile(viewsFile, JSON.stringify(views));
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
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
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
