/**
 * Page weights of a built site, gzipped as a server would send them: a page's HTML, the JavaScript
 * it loads at first (module scripts and islands, with their static imports), and what it loads
 * later (dynamic imports such as the Vega runtime chunk).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export function gzSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface PageJs {
  /** Files loaded when the page loads (static import closure). */
  initial: Set<string>;
  /** Files loaded later through dynamic imports (and their static imports). */
  lazy: Set<string>;
}

/** The JS files an HTML page loads, by path under `out`; `page` is the page's path under `out`. */
export async function pageJs(out: string, page: string, base = '/'): Promise<PageJs> {
  await init;
  const html = readFileSync(join(out, page), 'utf8');
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) entries.add(toFile(m[1] as string, page, base));
  for (const m of html.matchAll(/\s(?:component-url|renderer-url)="([^"]+)"/g)) entries.add(toFile(m[1] as string, page, base));
  for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const spec of imports(m[1] as string).static) entries.add(toFile(spec, page, base));
  }
  const initial = closure(out, [...entries], 'static');
  const lazyEntries = [...initial].flatMap((file) => imports(readFileSync(join(out, file), 'utf8')).dynamic.map((s) => posix.join(posix.dirname(file), s)));
  const lazy = closure(out, lazyEntries, 'static');
  for (const file of initial) lazy.delete(file);
  return { initial, lazy };
}

export function totalGz(out: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzSize(join(out, file));
  return total;
}

function closure(out: string, entries: string[], kind: 'static'): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const found = imports(readFileSync(join(out, file), 'utf8'));
    for (const spec of found[kind]) queue.push(posix.join(posix.dirname(file), spec));
  }
  return seen;
}

function imports(code: string): { static: string[]; dynamic: string[] } {
  const [found] = parse(code);
  const out = { static: [] as string[], dynamic: [] as string[] };
  for (const i of found) {
    if (!i.n || !(i.n.startsWith('./') || i.n.startsWith('../') || i.n.startsWith('/'))) continue;
    (i.d === -1 ? out.static : out.dynamic).push(i.n);
  }
  return out;
}

/** A URL of the page → a path under the site root. */
function toFile(url: string, page: string, base: string): string {
  if (url.startsWith('/')) return url.slice(base.length);
  return posix.normalize(posix.join(dirname(page), url));
}
