/**
 * The written site against its budgets (budgets.ts), Node only: every file's size, and each
 * page's first view (HTML + stylesheets + the JavaScript it loads at first, + on experiment pages
 * the runs table's first data chunk), gzipped. `runfolio build` calls it at the end: a file over
 * the limit fails the build (exit 1, naming the file), a heavy page is a warning.
 *
 * Cheap on 10,000 pages: pages that load the same scripts share one import walk, and a page's
 * HTML is only gzipped when its raw size could pass the budget (gzip never grows text much), or
 * when it is among the largest of its kind (the heaviest first view is reported).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, RunfolioError } from '../errors.ts';
import { compareStrings as cmp } from '../order.ts';
import { budgetOf, CHART_RUNTIME_KB, MAX_FILE_BYTES, pageKind, WEIGHT_BUDGETS, type PageKind } from './budgets.ts';
import { formatBytes } from './format.ts';
import { gzBytes, GzSizes, ready, SiteAssets } from './page-weight.ts';
import { dataFiles } from './routes.ts';

export interface SizedFile {
  /** Path under the site root, `/`-separated. */
  path: string;
  bytes: number;
}

export interface KindWeight {
  kind: PageKind;
  /** The page with the heaviest first view of this kind. */
  heaviest: SizedFile;
  budgetBytes: number;
  /** Pages of this kind whose first view passes the budget. */
  over: SizedFile[];
}

export interface OutputCheck {
  files: number;
  largest?: SizedFile;
  /** Files over MAX_FILE_BYTES, largest first. */
  oversized: SizedFile[];
  /** One entry per page kind the site has, in WEIGHT_BUDGETS order. */
  pages: KindWeight[];
  /** The chart runtime run pages load when a chart shows, gzipped; undefined when no page loads one. */
  chartRuntime?: number;
}

/** How many of the largest pages of a kind get gzipped to find the heaviest first view. */
const HEAVIEST_CANDIDATES = 5;

export async function checkOutput(outDir: string, base = '/'): Promise<OutputCheck> {
  await ready;
  const files = listFiles(outDir);
  const oversized = files.filter((f) => f.bytes > MAX_FILE_BYTES).sort((a, b) => b.bytes - a.bytes || cmp(a.path, b.path));
  const largest = files.reduce<SizedFile | undefined>((top, f) => (!top || f.bytes > top.bytes ? f : top), undefined);
  const assets = new SiteAssets(outDir, base);
  const gz = new GzSizes(outDir);
  const byKind = new Map<PageKind, SizedFile[]>();
  for (const file of files) {
    const kind = pageKind(file.path);
    if (!kind) continue;
    const list = byKind.get(kind);
    if (list) list.push(file);
    else byKind.set(kind, [file]);
  }
  let chartRuntime: number | undefined;
  const pages: KindWeight[] = [];
  for (const { kind, kb } of WEIGHT_BUDGETS) {
    const list = byKind.get(kind);
    if (!list) continue;
    const budgetBytes = kb * 1024;
    const bySize = [...list].sort((a, b) => b.bytes - a.bytes || cmp(a.path, b.path));
    const over: SizedFile[] = [];
    let heaviest: SizedFile | undefined;
    bySize.forEach((file, i) => {
      const html = readFileSync(join(outDir, file.path));
      const page = assets.page(file.path, html.toString('utf8'));
      const extra = gz.total(page.css) + gz.total(page.initial) + firstData(outDir, kind, file.path, gz);
      if (kind === 'run' && chartRuntime === undefined && page.lazy.size > 0) chartRuntime = gz.total(page.lazy);
      if (i >= HEAVIEST_CANDIDATES && html.length + extra <= budgetBytes) return;
      const weight = { path: file.path, bytes: gzBytes(html) + extra };
      if (weight.bytes > budgetBytes) over.push(weight);
      if (!heaviest || weight.bytes > heaviest.bytes) heaviest = weight;
    });
    pages.push({ kind, heaviest: heaviest as SizedFile, budgetBytes, over: over.sort((a, b) => b.bytes - a.bytes || cmp(a.path, b.path)) });
  }
  return { files: files.length, ...(largest ? { largest } : {}), oversized, pages, ...(chartRuntime !== undefined ? { chartRuntime } : {}) };
}

/** Throws (exit 1) when a file passes the per-file limit, naming the largest. */
export function assertFileSizes(check: OutputCheck, outDir: string): void {
  const [first, ...more] = check.oversized;
  if (!first) return;
  throw new RunfolioError(
    `${join(outDir, first.path)} is ${formatBytes(first.bytes)}, over the ${formatBytes(MAX_FILE_BYTES)} a published file may have${more.length > 0 ? ` (and ${more.length} more file${more.length === 1 ? '' : 's'})` : ''}; hosts such as Cloudflare Pages refuse it`,
    EXIT.failOn,
  );
}

/** One warning line per page kind whose heaviest first view passes its budget, and for a heavy chart runtime. */
export function budgetWarnings(check: OutputCheck): string[] {
  const lines: string[] = [];
  for (const { kind, over, budgetBytes } of check.pages) {
    const [first, ...more] = over;
    if (!first) continue;
    lines.push(
      `${first.path}: first view ${formatBytes(first.bytes)} gzipped, over the ${formatBytes(budgetBytes)} budget of a ${budgetOf(kind).label}${more.length > 0 ? ` (and ${more.length} more page${more.length === 1 ? '' : 's'})` : ''}`,
    );
  }
  if (check.chartRuntime !== undefined && check.chartRuntime > CHART_RUNTIME_KB * 1024) {
    lines.push(`chart runtime: ${formatBytes(check.chartRuntime)} gzipped, over its ${CHART_RUNTIME_KB} KB budget`);
  }
  return lines;
}

/** On experiment pages the runs table fetches its first chunk at once: part of the first view. */
function firstData(outDir: string, kind: PageKind, page: string, gz: GzSizes): number {
  if (kind !== 'experiment') return 0;
  const chunk = dataFiles.runsTable(page.split('/')[1] as string, 0).slice(1);
  try {
    return lstatSync(join(outDir, chunk)).isFile() ? gz.of(chunk) : 0;
  } catch {
    return 0;
  }
}

/** Every regular file under the site, with its size; a `.git` folder (a gh-pages worktree) is not the site. */
function listFiles(root: string): SizedFile[] {
  const out: SizedFile[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(rel === '' && entry.name === '.git')) walk(join(dir, entry.name), path);
      } else if (entry.isFile()) out.push({ path, bytes: lstatSync(join(dir, entry.name)).size });
    }
  };
  walk(root, '');
  return out.sort((a, b) => cmp(a.path, b.path));
}
