/**
 * Archive mode's post-build pass: a site that opens from disk (`file://`) and still works in ten
 * years. Astro has no relative `base` (withastro/astro#5435), so every root-relative URL in the
 * HTML becomes page-relative and ends in `index.html` (a browser shows a folder listing, not its
 * index, on `file://`). Then the archive gets the Snapshot it was built from and a manifest of
 * every file with its SHA-256, so a reader years later can check nothing changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import fg from 'fast-glob';
import { compareStrings } from '../order.ts';

const URL_ATTRIBUTE = /\s(href|src|srcset|poster|action)="([^"]*)"/g;

/** `page` is the page's path from the site root (`runs/ab12/index.html`). */
export function relativizeHtml(html: string, page: string): string {
  return html.replace(URL_ATTRIBUTE, (match, name: string, value: string) => {
    const url = value.replace(/&amp;/g, '&');
    const rewritten = relativeUrl(url, page);
    return rewritten === url ? match : ` ${name}="${rewritten.replace(/&/g, '&amp;')}"`;
  });
}

/** A root-relative URL (`/runs/ab12/`, `/data/x.json`, `/#models`) as seen from `page`; others unchanged. */
export function relativeUrl(url: string, page: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  const target = path.endsWith('/') ? `${path}index.html` : path;
  const from = posix.dirname(`/${page}`);
  const relative = posix.relative(from, target) || 'index.html';
  return `${relative}${rest}`;
}

/** `MANIFEST.sha256` (the format `sha256sum -c` checks): every file but the manifest, sorted. */
export function writeManifest(outDir: string, manifestPath: string): number {
  const files = archiveFiles(outDir, manifestPath);
  const lines = files.map((f) => `${sha256File(join(outDir, f))}  ${f}`);
  writeFileSync(join(outDir, manifestPath), `${lines.join('\n')}\n`);
  return files.length;
}

/** The files a manifest lists: every file under `outDir` (hidden ones too) but the manifest, sorted. */
export function archiveFiles(outDir: string, manifestPath: string): string[] {
  return fg.sync('**/*', { cwd: outDir, dot: true, followSymbolicLinks: false }).filter((f) => f !== manifestPath).sort(compareStrings);
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

