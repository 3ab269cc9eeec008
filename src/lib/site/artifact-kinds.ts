/**
 * What an artifact is, judged by its name, and how the site serves a copy of it. Browser-safe:
 * the build (artifacts.ts) and the compare island share these rules.
 *
 * Serving: a copied file keeps its name only when its extension is one a static host serves as
 * a passive type (images, plain text, CSV, JSON, YAML, Markdown). Everything else, HTML, SVG and
 * XML first among them, is stored under `<name>.bin`, which hosts serve as
 * `application/octet-stream` (a download, never a document that could run script on the site's
 * origin), and linked with `download="<name>"` so it is saved under its own name. SVG images are
 * shown through `<img>` only, from a `data:` URL (run pages) or a blob (compare page).
 */

import { compareStrings } from '../order.ts';

export type ArtifactKind = 'image' | 'svg' | 'csv' | 'json' | 'yaml' | 'text' | 'html' | 'other';

const BY_EXTENSION: Record<string, ArtifactKind> = {
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', avif: 'image', bmp: 'image',
  svg: 'svg',
  csv: 'csv', tsv: 'csv',
  json: 'json', jsonl: 'json', ndjson: 'json', ipynb: 'json',
  yaml: 'yaml', yml: 'yaml',
  txt: 'text', log: 'text', md: 'text', rst: 'text', py: 'text', r: 'text', sql: 'text', sh: 'text',
  toml: 'text', ini: 'text', cfg: 'text', conf: 'text', out: 'text', err: 'text', tex: 'text',
  html: 'html', htm: 'html', xhtml: 'html', xht: 'html', mht: 'html', mhtml: 'html', shtml: 'html',
};

/** MLflow's own files without an extension. */
const BY_NAME: Record<string, ArtifactKind> = { MLmodel: 'yaml', Dockerfile: 'text', LICENSE: 'text', README: 'text', Makefile: 'text' };

/** Extensions copied under their own name: a host serves them as images or plain data. */
const SERVED_AS_IS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'csv', 'tsv', 'json', 'jsonl', 'ndjson', 'yaml', 'yml', 'txt', 'log', 'md', 'toml', 'ini', 'cfg']);

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The lower-case extension of a path's file name, '' when it has none (`MLmodel`, `.env`). */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The kind by name alone; a file of unknown name may still turn out to be text once read (`artifacts.ts`). */
export function artifactKind(path: string): ArtifactKind {
  return BY_NAME[baseName(path)] ?? BY_EXTENSION[extensionOf(path)] ?? 'other';
}

/** Whether the file is text worth showing as code (not CSV, which becomes a table). */
export function isCodeKind(kind: ArtifactKind): kind is 'json' | 'yaml' | 'text' {
  return kind === 'json' || kind === 'yaml' || kind === 'text';
}

/** The path a copy is stored under (`/`-separated, before URL-safe segments): the path itself, or `<path>.bin`. */
export function storedPath(path: string): string {
  return SERVED_AS_IS.has(extensionOf(path)) ? path : `${path}.bin`;
}

/** The part of a text a preview shows: its first PREVIEW.lines lines, at most PREVIEW.chars characters (cut at a line end). */
export function firstLines(text: string): { shown: string; shownLines: number; lines: number; truncated: boolean } {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = body === '' ? 0 : body.split('\n').length;
  let shown = body.split('\n', PREVIEW.lines).join('\n');
  if (shown.length > PREVIEW.chars) {
    const cut = shown.lastIndexOf('\n', PREVIEW.chars);
    shown = shown.slice(0, cut > 0 ? cut : PREVIEW.chars);
  }
  return { shown, shownLines: shown === '' ? 0 : shown.split('\n').length, lines, truncated: shown.length < body.length };
}

/** Paths two or more of the runs have (path order), with each run's artifact or null: the compare pages' side-by-side rows. */
export function sharedArtifacts<T extends { path: string }>(perRun: readonly (readonly T[])[]): { path: string; runs: (T | null)[] }[] {
  const counts = new Map<string, number>();
  for (const list of perRun) for (const a of new Set(list.map((x) => x.path))) counts.set(a, (counts.get(a) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n >= 2).map(([path]) => path).sort(compareStrings);
  return shared.map((path) => ({ path, runs: perRun.map((list) => list.find((a) => a.path === path) ?? null) }));
}

/** Preview limits: enough to recognise a file, small enough for 10,000 run pages. */
export const PREVIEW = {
  /** Lines and characters of text shown. */
  lines: 200,
  chars: 20_000,
  /** CSV rows (after the header), columns and characters per cell. */
  rows: 20,
  columns: 20,
  cell: 200,
  /** SVGs up to this size are shown inline through a `data:` URL. */
  svgBytes: 256 * 1024,
  /** Previews per run page; the other artifacts are listed. */
  perRun: 24,
} as const;
