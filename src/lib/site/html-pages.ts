/**
 * The post-build pass over the site's HTML pages (at `astro:build:done`): each page is read once,
 * rewritten by `transform`, and written back only when it changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

/** `transform(html, page)` gets each page with its path from the site root (`runs/ab12/index.html`). */
export function rewriteHtmlPages(siteDir: string, transform: (html: string, page: string) => string): number {
  let rewritten = 0;
  for (const page of fg.sync('**/*.html', { cwd: siteDir })) {
    const file = join(siteDir, page);
    const html = readFileSync(file, 'utf8');
    const next = transform(html, page);
    if (next !== html) {
      writeFileSync(file, next);
      rewritten += 1;
    }
  }
  return rewritten;
}
