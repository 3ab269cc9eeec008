/**
 * What a built page makes the browser download, read from the written site (Node only): the
 * HTML, its stylesheets, the JavaScript it loads at first (module scripts and island components
 * with their static imports) and what that JavaScript loads later through dynamic imports (the
 * Vega runtime chunk). Sizes are gzipped, as a server sends them. The build's budget check and
 * `npm run bench` both measure pages here.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export interface PageAssets {
  /** Linked stylesheets, as paths under the site root. */
  css: string[];
  /** JavaScript loaded when the page loads (the static import closure of its scripts). */
  initial: Set<string>;
  /** JavaScript loaded later through dynamic imports (and their static imports), not in `initial`. */
  lazy: Set<string>;
}

/** Gzipped size (level 9) of some bytes. */
export function gzBytes(bytes: Uint8Array | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function gzSize(file: string): number {
  return gzBytes(readFileSync(file));
}

/** Gzipped sizes of site files (paths under `out`), each file read once however often it is asked for. */
export class GzSizes {
  private readonly sizes = new Map<string, number>();
  private readonly out: string;
  constructor(out: string) {
    this.out = out;
  }
  of(file: string): number {
    let size = this.sizes.get(file);
    if (size === undefined) {
      size = gzSize(join(this.out, file));
      this.sizes.set(file, size);
    }
    return size;
  }
  total(files: Iterable<string>): number {
    let total = 0;
    for (const file of files) total += this.of(file);
    return total;
  }
}

/** Resolves once the module lexer is ready; `SiteAssets` needs it. */
export const ready: Promise<void> = init;

/**
 * The assets of a site's pages. Pages that load the same files (every run page) share one
 * import walk; `base` is the base path the pages' absolute URLs start with. Use after `ready`.
 */
export class SiteAssets {
  private readonly walked = new Map<string, PageAssets>();
  private readonly out: string;
  private readonly base: string;
  constructor(out: string, base = '/') {
    this.out = out;
    this.base = base;
  }

  /** The assets of the page at `page` (a path under the site root) whose HTML is `html`. */
  page(page: string, html: string): PageAssets {
    const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].flatMap((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1] ?? []).map((url) => toFile(url, page, this.base));
    const entries = new Set<string>();
    for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) entries.add(toFile(m[1] as string, page, this.base));
    for (const m of html.matchAll(/\s(?:component-url|renderer-url)="([^"]+)"/g)) entries.add(toFile(m[1] as string, page, this.base));
    for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
      for (const spec of moduleImports(m[1] as string).static) entries.add(toFile(spec, page, this.base));
    }
    const key = JSON.stringify([css, [...entries].sort()]);
    let assets = this.walked.get(key);
    if (!assets) {
      const initial = closure(this.out, [...entries]);
      const lazyEntries = [...initial].flatMap((file) => moduleImports(readFileSync(join(this.out, file), 'utf8')).dynamic.map((s) => posix.join(posix.dirname(file), s)));
      const lazy = closure(this.out, lazyEntries);
      for (const file of initial) lazy.delete(file);
      assets = { css, initial, lazy };
      this.walked.set(key, assets);
    }
    return assets;
  }
}

function closure(out: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    for (const spec of moduleImports(readFileSync(join(out, file), 'utf8')).static) queue.push(posix.join(posix.dirname(file), spec));
  }
  return seen;
}

/** Relative and root-relative imports of a module, static and dynamic (bare package names do not occur in built chunks). */
function moduleImports(code: string): { static: string[]; dynamic: string[] } {
  const [found] = parse(code);
  const out = { static: [] as string[], dynamic: [] as string[] };
  for (const i of found) {
    if (!i.n || !(i.n.startsWith('./') || i.n.startsWith('../') || i.n.startsWith('/'))) continue;
    (i.d === -1 ? out.static : out.dynamic).push(i.n);
  }
  return out;
}

/** A URL in a page → a path under the site root (absolute URLs start with the base; archive pages use relative ones). */
function toFile(url: string, page: string, base: string): string {
  const path = url.split(/[?#]/)[0] as string;
  if (path.startsWith('/')) return path.slice(base.length);
  return posix.normalize(posix.join(posix.dirname(page), path));
}
