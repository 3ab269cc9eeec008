import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, RunfolioError } from '../../../src/lib/errors.ts';
import { MAX_FILE_BYTES } from '../../../src/lib/site/budgets.ts';
import { assertFileSizes, budgetWarnings, checkOutput } from '../../../src/lib/site/check-output.ts';
import { gzBytes } from '../../../src/lib/site/page-weight.ts';
import { tempDir, writeTree } from '../../support/tmp.ts';

/** Text that gzip cannot shrink much: `n` pseudo-random hex digits. */
function noise(n: number, seed = 1): string {
  let x = seed;
  let out = '';
  while (out.length < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += x.toString(16);
  }
  return out.slice(0, n);
}

const page = (body: string, head = '') => `<!doctype html><html><head>${head}<link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;

function site(files: Record<string, string>): string {
  return writeTree(tempDir(), {
    '_astro/site.css': 'body { margin: 0 }',
    '_astro/entry.js': 'import "./shared.js"; const later = () => import("./charts.js"); later;',
    '_astro/shared.js': `export const shared = "${noise(2000, 2)}";`,
    '_astro/charts.js': `import "./vega.js"; export const charts = 1;`,
    '_astro/vega.js': `export const vega = "${noise(4000, 3)}";`,
    ...files,
  });
}

describe('checkOutput(outDir)', () => {
  it('adds stylesheets and the static import closure of module scripts to each page, not what loads later', async () => {
    const html = page('<h1>Run</h1>', '<script type="module" src="/_astro/entry.js"></script>');
    const out = site({ 'runs/ab/index.html': html, 'index.html': page('<h1>Home</h1>') });
    const check = await checkOutput(out);
    const run = check.pages.find((p) => p.kind === 'run');
    const gz = (text: string) => gzBytes(text);
    const expected = gz(html) + gz('body { margin: 0 }') + gz('import "./shared.js"; const later = () => import("./charts.js"); later;') + gz(`export const shared = "${noise(2000, 2)}";`);
    expect(run?.heaviest).toEqual({ path: 'runs/ab/index.html', bytes: expected });
    expect(check.chartRuntime).toBe(gz('import "./vega.js"; export const charts = 1;') + gz(`export const vega = "${noise(4000, 3)}";`));
    expect(check.pages.map((p) => p.kind)).toEqual(['home', 'run']);
  });

  it('resolves the relative URLs of archive pages and a base path', async () => {
    const archived = page('<script type="module" src="../../_astro/entry.js"></script>').replace('/_astro/site.css', '../../_astro/site.css');
    const based = page('<script type="module" src="/repo/_astro/entry.js"></script>').replace('/_astro/site.css', '/repo/_astro/site.css');
    const root = page('<script type="module" src="/_astro/entry.js"></script>');
    const checks = await Promise.all([checkOutput(site({ 'runs/ab/index.html': archived })), checkOutput(site({ 'runs/ab/index.html': based }), '/repo/'), checkOutput(site({ 'runs/ab/index.html': root }))]);
    const assets = checks.map((check, i) => (check.pages[0]?.heaviest.bytes ?? 0) - gzBytes([archived, based, root][i] as string));
    expect(assets[0]).toBeGreaterThan(1000);
    expect(assets).toEqual([assets[0], assets[0], assets[0]]);
  });

  it("counts an experiment page's first runs-table chunk", async () => {
    const chunk = JSON.stringify({ rows: noise(30_000, 4) });
    const out = site({ 'experiments/7/index.html': page('<h1>Exp</h1>'), 'data/experiments/7/runs-0.json': chunk, 'data/experiments/7/runs-1.json': chunk });
    const check = await checkOutput(out);
    expect(check.pages[0]?.heaviest.bytes).toBe(gzBytes(page('<h1>Exp</h1>')) + gzBytes('body { margin: 0 }') + gzBytes(chunk));
  });

  it('warns once per page kind over its budget, naming the heaviest page and how many more', async () => {
    const heavy = (seed: number) => page(`<p>${noise(320 * 1024, seed)}</p>`);
    const out = site({ 'runs/a/index.html': heavy(5), 'runs/b/index.html': heavy(6), 'runs/c/index.html': page('<p>small</p>') });
    const check = await checkOutput(out);
    const warnings = budgetWarnings(check);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^runs\/[ab]\/index\.html: first view \d+ KB gzipped, over the 150 KB budget of a run page \(and 1 more page\)$/);
    expect(check.pages[0]?.over.map((p) => p.path).sort()).toEqual(['runs/a/index.html', 'runs/b/index.html']);
  });

  it('is quiet when every page is within its budget', async () => {
    const check = await checkOutput(site({ 'index.html': page('<h1>Home</h1>'), '404.html': page('<h1>Not found</h1>') }));
    expect(budgetWarnings(check)).toEqual([]);
  });

  it('finds files over the per-file limit, largest first, and leaves a .git folder alone', async () => {
    const out = site({ 'index.html': page('<h1>Home</h1>'), 'data/runs/big.json': '', 'data/runs/bigger.json': '', 'data/ok.json': '', '.git/objects/pack.pack': '' });
    truncateSync(join(out, 'data/runs/big.json'), MAX_FILE_BYTES + 1);
    truncateSync(join(out, 'data/runs/bigger.json'), MAX_FILE_BYTES + 2048);
    truncateSync(join(out, 'data/ok.json'), MAX_FILE_BYTES);
    truncateSync(join(out, '.git/objects/pack.pack'), MAX_FILE_BYTES * 2);
    const check = await checkOutput(out);
    expect(check.oversized).toEqual([
      { path: 'data/runs/bigger.json', bytes: MAX_FILE_BYTES + 2048 },
      { path: 'data/runs/big.json', bytes: MAX_FILE_BYTES + 1 },
    ]);
    expect(check.largest).toEqual({ path: 'data/runs/bigger.json', bytes: MAX_FILE_BYTES + 2048 });
  });
});

describe('assertFileSizes(check, outDir)', () => {
  it('fails with exit code 1, naming the largest file over the limit and counting the others', async () => {
    const out = site({ 'a.json': '', 'b.json': '' });
    truncateSync(join(out, 'a.json'), MAX_FILE_BYTES + 1);
    truncateSync(join(out, 'b.json'), MAX_FILE_BYTES + 5 * 1024 * 1024);
    const check = await checkOutput(out);
    let error: unknown;
    try {
      assertFileSizes(check, out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunfolioError);
    expect((error as RunfolioError).exitCode).toBe(EXIT.failOn);
    expect((error as Error).message).toBe(`${join(out, 'b.json')} is 30 MB, over the 25 MB a published file may have (and 1 more file); hosts such as Cloudflare Pages refuse it`);
  });

  it('passes a site whose files are all within the limit', async () => {
    const out = site({ 'a.json': '' });
    truncateSync(join(out, 'a.json'), MAX_FILE_BYTES);
    expect(() => assertFileSizes({ files: 1, oversized: [], pages: [] }, out)).not.toThrow();
    const check = await checkOutput(out);
    expect(() => assertFileSizes(check, out)).not.toThrow();
  });
});
