/**
 * The pages' access to this build's views: read once from the file the CLI wrote, whose path
 * arrives through the integration's virtual module.
 */
import { readFileSync } from 'node:fs';
import config from 'virtual:runfolio/config';
import type { SiteViews } from './views/types.ts';

let cached: SiteViews | undefined;

export function siteViews(): SiteViews {
  cached ??= JSON.parse(readFileSync(config.viewsFile, 'utf8')) as SiteViews;
  return cached;
}

export const siteTitle = config.title;
