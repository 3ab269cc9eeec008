/**
 * One URL per page kind of a built site (home, experiment, run, compare, static comparison,
 * model, report, page not found), for the checks every kind must pass. Where a kind has many
 * pages, the largest ones stand in for it (the most rows, the longest names).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pageKind, type PageKind } from '../../src/lib/site/budgets.ts';
import { htmlPages } from './html.ts';

export interface KindPage {
  kind: PageKind;
  /** Path under the site's base, as a browser asks for it (`runs/ab12/`, `compare/?runs=a,b`). */
  path: string;
}

export function pagesByKind(out: string, options: { perKind?: number; compareRuns?: string[] } = {}): KindPage[] {
  const perKind = options.perKind ?? 2;
  const byKind = new Map<PageKind, string[]>();
  for (const page of htmlPages(out)) {
    const kind = pageKind(page);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), page]);
  }
  const size = (page: string) => statSync(join(out, page)).size;
  const pages: KindPage[] = [];
  for (const [kind, list] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const chosen = kind === 'not-found' ? ['no-such-page/index.html'] : [...list].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1)).slice(0, perKind);
    for (const page of chosen) {
      const path = page.replace(/index\.html$/, '');
      pages.push({ kind, path: kind === 'compare' && options.compareRuns ? `${path}?runs=${options.compareRuns.join(',')}` : path });
    }
  }
  return pages;
}
