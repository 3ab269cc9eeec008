/**
 * The build core: stores (+ reports) → a static site in --out. The CLI parses arguments and calls
 * `build(options, effects)`; tests call it in-process with effects of their own.
 *
 * In order: check --out is safe to replace; make the build's temporary folder; read, redact and
 * analyse into views and data files (prepare.ts, on a worker thread whose heap is gone before
 * Astro starts); render the pages with Astro in a child process
 * rooted in the temporary folder (render.ts; the integration moves the data in and, for an
 * archive, makes links relative and writes the manifest); check the finished site against its
 * size budgets (a file over 25 MB fails the build, a heavy page warns); publish it in place of
 * --out (publish.ts). The temporary folder goes whatever happens; --out changes only in the last
 * step, so a failed or interrupted build leaves it exactly as it was.
 */
import { assertFileSizes, budgetWarnings, checkOutput } from '../lib/site/check-output.ts';
import { checkOutDir } from './out-dir.ts';
import type { BuildEffects, BuildOptions } from './options.ts';
import { PhaseClock } from './phase-clock.ts';
import type { BuildSummary } from './prepare.ts';
import { runPrepare } from './run-prepare.ts';
import { renderSite } from './render.ts';
import { createWorkspace } from './workspace.ts';

export type { BuildEffects, BuildEvent, BuildOptions } from './options.ts';
export type { BuildSummary } from './prepare.ts';
export { nodeBuildEffects } from './node-effects.ts';

export interface BuildResult extends BuildSummary {
  /** First views over their budget (check-output.ts), one line each. */
  budgetWarnings: string[];
}

export async function build(options: BuildOptions, effects: BuildEffects): Promise<BuildResult> {
  await checkOutDir(options.outDir, options.cwd, options.stores);
  effects.signal?.throwIfAborted();
  const workspace = createWorkspace(effects.tmpdir);
  try {
    const summary = await runPrepare(options, { root: workspace.root, views: workspace.views }, effects);
    // The worker timed its own phases; these are this thread's.
    const clock = new PhaseClock(effects);
    effects.signal?.throwIfAborted();
    await renderSite(
      {
        root: workspace.root,
        outDir: workspace.site,
        cacheDir: workspace.cache,
        dataDir: workspace.data,
        config: { title: options.title, viewsFile: workspace.views },
        ...(options.base ? { base: options.base } : {}),
        ...(options.site ? { site: options.site } : {}),
        archive: options.archive,
        verbose: options.verbose,
      },
      effects,
    );
    clock.end('pages');
    effects.signal?.throwIfAborted();
    // Checked before publishing, so an oversized file fails the build with --out untouched.
    const check = await checkOutput(workspace.site, options.base);
    assertFileSizes(check, options.outDir);
    clock.end('budgets');
    effects.signal?.throwIfAborted();
    effects.publish(workspace.site, options.outDir);
    return { ...summary, budgetWarnings: budgetWarnings(check) };
  } finally {
    workspace.remove();
  }
}
