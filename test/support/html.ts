/** Reading built sites: every HTML page, its internal links, and where they point on disk. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';
import fg from 'fast-glob';

export function htmlPages(out: string): string[] {
  return fg.sync('**/*.html', { cwd: out }).sort();
}

export function load(out: string, page: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(out, page), 'utf8'));
}

/** Every URL a page refers to (links, scripts, styles, images, island component/props URLs). */
export function references($: cheerio.CheerioAPI): string[] {
  const urls: string[] = [];
  $('[href]').each((_, el) => void urls.push($(el).attr('href') as string));
  $('[src]').each((_, el) => void urls.push($(el).attr('src') as string));
  $('source[srcset]').each((_, el) => void urls.push($(el).attr('srcset') as string));
  $('astro-island').each((_, el) => {
    for (const attr of ['component-url', 'renderer-url']) {
      const value = $(el).attr(attr);
      if (value) urls.push(value);
    }
  });
  return urls;
}

/**
 * The file a site-internal URL resolves to, or undefined for external ones. `page` is the
 * page's path under `out`; `base` the site's base path. Throws for an internal URL outside base.
 */
export function targetFile(out: string, page: string, url: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return undefined;
  const pageUrl = new URL(`http://site${base}${page.replace(/index\.html$/, '')}`);
  const resolved = new URL(url, pageUrl);
  const path = decodeURIComponent(resolved.pathname);
  if (!path.startsWith(base)) throw new Error(`${page}: ${url} points outside the base path ${base}`);
  let file = join(out, path.slice(base.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return file;
}

export function relativeTo(out: string, file: string): string {
  return relative(out, file);
}
