/**
 * The Astro integration: the bridge from a Runfolio build to Astro, owning Astro's lifecycle.
 * - `astro:config:setup`: hands the pages this build's configuration through the virtual module
 *   `virtual:runfolio/config` (no globals), and has the prerender bundle carry its dependencies
 *   (Node imports it from inside the build's temporary root, where bare imports would find only
 *   the direct dependencies linked there, not theirs).
 * - `astro:build:done`: moves the data files written before Astro ran into the site, gives the
 *   islands ids that do not depend on where the build ran, and for an archive makes every link
 *   relative and adds the manifest.
 * It computes nothing: the views were prepared before Astro started.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { relativizeHtml, writeManifest } from './lib/site/archive.ts';
import { rewriteHtmlPages } from './lib/site/html-pages.ts';
import { stableIslandIds } from './lib/site/island-ids.ts';
import type { SiteConfig } from './lib/site/config.ts';
import { dataFiles } from './lib/site/routes.ts';

const VIRTUAL_ID = 'virtual:runfolio/config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface IntegrationOptions {
  config: SiteConfig;
  /** Data files written before Astro ran (`data/…` of the site). */
  dataDir: string;
  archive: boolean;
}

export function runfolioIntegration(options: IntegrationOptions): AstroIntegration {
  return {
    name: 'runfolio',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            environments: { prerender: { resolve: { noExternal: true } } },
            plugins: [
              {
                name: 'runfolio:config',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(options.config)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        const site = fileURLToPath(dir);
        renameSync(options.dataDir, join(site, 'data'));
        rewriteHtmlPages(site, (html, page) => {
          const stable = stableIslandIds(html);
          return options.archive ? relativizeHtml(stable, page) : stable;
        });
        if (options.archive) writeManifest(site, dataFiles.manifest().slice(1));
      },
    },
  };
}
