/**
 * The Astro integration: a thin bridge from `runfolio build` to the pages. It validates nothing
 * and computes nothing; it hands the pages the site configuration through the virtual module
 * `virtual:runfolio/config` (no globals), where they find the file holding the prepared views.
 */
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from './lib/site/config.ts';

const VIRTUAL_ID = 'virtual:runfolio/config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function runfolioIntegration(config: SiteConfig): AstroIntegration {
  return {
    name: 'runfolio',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'runfolio:config',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(config)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
