/**
 * The Astro step of a build, run in a child process: `node astro-child.js JOB.json`.
 *
 * Why a process of its own: Astro writes its prerender bundle inside the process's working folder
 * whenever outDir lies outside it (core/build/common.js `getOutDirWithinCwd`), keeps global state
 * between builds, and React picks its development or production build from NODE_ENV when first
 * imported. A child whose working folder is the build's temporary root and whose environment says
 * production gets all three right, while the caller's folder and environment stay untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import { runfolioIntegration } from '../integration.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import type { RenderJob, RenderMessage } from './render-job.ts';

// The parent went away (killed): nobody will publish what we make.
const orphaned = () => process.exit(1);
process.on('disconnect', orphaned);

const job = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as RenderJob;
try {
  const { build } = await import('astro');
  const settings = ((await import(pathToFileURL(join(PACKAGE_ROOT, 'astro.config.mjs')).href)) as { default: AstroInlineConfig }).default;
  await build({
    ...settings,
    configFile: false,
    root: job.root,
    outDir: job.outDir,
    cacheDir: job.cacheDir,
    ...(job.base ? { base: job.base } : {}),
    ...(job.site ? { site: job.site } : {}),
    logLevel: job.verbose ? 'info' : 'error',
    integrations: [
      ...(settings.integrations ?? []),
      runfolioIntegration({ config: job.config, dataDir: job.dataDir, archive: job.archive }),
    ],
  });
  send({ kind: 'done', peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  send({ kind: 'error', message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
  process.exitCode = 1;
}

function send(message: RenderMessage): void {
  process.removeListener('disconnect', orphaned);
  process.send?.(message);
  process.disconnect?.();
}
