/**
 * The runs table island in Chromium, on its own page: server-rendered, hydrated, fed 10,000
 * synthetic runs in 10 chunks from a static server under a base path. Covers what the pure-logic
 * tests cannot: loading progress, virtual scrolling in a real layout, debounced filtering with
 * errors, header sorting, tree folding, selection, downloads and a failing chunk.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunsTableProps } from '../../../src/components/table/RunsTable.tsx';
import { TABLE_CHUNK_ROWS, type RunsTableChunk } from '../../../src/lib/site/table-data.ts';
import { launchChromium } from '../../support/browser.ts';
import { serveSite, type Served } from '../../support/serve.ts';
import { syntheticRecords } from './records.ts';

const BASE = '/my-repo/';
const { records, metrics, params } = syntheticRecords(10_000);
const CHUNKS = Math.ceil(records.length / TABLE_CHUNK_ROWS);

let dir: string;
let server: Served;
let browser: Browser;
let render: (props: RunsTableProps) => string;

function writePage(name: string, props: RunsTableProps): void {
  const html = render(props);
  const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="${BASE}island-entry.css">
<style>:root{--fg:#111;--bg:#fff;--muted:#666;--line:#ddd;--accent:#0645ad;--panel:#f5f5f5} body{font-family:sans-serif;margin:1rem;width:900px}</style></head>
<body><div id="island" data-props="${JSON.stringify(props).replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">${html}</div>
<script type="module" src="${BASE}island-entry.js"></script></body></html>`;
  writeFileSync(join(dir, name), page);
}

const props = (experimentId: string): RunsTableProps => ({
  base: BASE,
  experimentId,
  chunks: CHUNKS,
  total: records.length,
  columns: { metrics, params },
  primaryMetric: { key: 'acc', direction: 'desc' },
  defaultColumns: { metrics: ['acc'], params: ['model'] },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'runfolio-'));
  await build({
    entryPoints: [join(import.meta.dirname, 'island-entry.tsx')],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: dir,
    logLevel: 'silent',
  });
  // The server render comes from an esbuild bundle too, so its CSS-module class names match the page's.
  const serverFile = join(dir, 'server', 'island-server.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'island-server.tsx')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    outfile: serverFile,
    logLevel: 'silent',
  });
  ({ render } = (await import(pathToFileURL(serverFile).href)) as typeof import('./island-server.tsx'));
  for (const experimentId of ['0', 'broken']) {
    mkdirSync(join(dir, 'data', 'experiments', experimentId), { recursive: true });
    for (let k = 0; k < CHUNKS; k++) {
      if (experimentId === 'broken' && k === 3) continue; // a missing data file
      const chunk: RunsTableChunk = { metrics, params, chunk: k, chunks: CHUNKS, total: records.length, rows: records.slice(k * TABLE_CHUNK_ROWS, (k + 1) * TABLE_CHUNK_ROWS) };
      writeFileSync(join(dir, 'data', 'experiments', experimentId, `runs-${k}.json`), JSON.stringify(chunk));
    }
  }
  writePage('index.html', props('0'));
  writePage('broken.html', props('broken'));
  writePage('uniform.html', {
    ...props('0'),
    defaultColumns: { metrics: ['acc'], params: ['model'], attributes: ['status', 'start', 'duration', 'user', 'source'] },
    uniformColumns: [
      { id: 'run:commit', value: null },
      { id: 'param:max depth', value: '3' },
    ],
  });
  server = await serveSite(dir, BASE);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  return { page, errors };
}

const status = (page: Page) => page.locator('p[aria-live]').first();
const headerLabels = (page: Page) => page.locator('thead th[scope="col"] button > span:first-child').allTextContents();
const bodyRows = (page: Page) => page.locator('tbody tr:not([aria-hidden])');

describe('RunsTable in Chromium (10,000 runs, base path /my-repo/)', () => {
  it('hydrates without errors, loads every chunk and shows the folded tree', async () => {
    const { page, errors } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    // Every 10th run parents the next 4: 10,000 − 4,000 children = 6,000 rows, a window of them rendered.
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe('6002');
    expect(await bodyRows(page).count()).toBeLessThan(60);
    expect(await bodyRows(page).first().locator('a').getAttribute('href')).toBe('/my-repo/runs/run00000/');
    const toggle = bodyRows(page).first().getByRole('button');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-label')).toBe('4 child runs of fox-0');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await bodyRows(page).nth(1).locator('a').textContent()).toBe('fox-1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the rows under the scroll position and keeps the header in view', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const scroller = page.getByRole('region', { name: 'Runs table (scrolls)' });
    await scroller.evaluate((el) => {
      el.scrollTop = 3000 * 36;
    });
    await expect.poll(() => page.locator('tbody tr[aria-rowindex="3003"]').count()).toBe(1);
    expect(await bodyRows(page).count()).toBeLessThan(60);
    const header = await page.locator('thead th').first().boundingBox();
    const box = await scroller.boundingBox();
    expect(Math.abs(header!.y - box!.y)).toBeLessThan(2);
    await page.close();
  });

  it('sorts by a header, flattening the tree, with aria-sort and MLflow NaN/missing order', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const accHeader = page.locator('th', { has: page.getByRole('button', { name: /^acc/ }) });
    await accHeader.getByRole('button').click();
    expect(await accHeader.getAttribute('aria-sort')).toBe('ascending');
    await accHeader.getByRole('button').press('Enter');
    expect(await accHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe('10002');
    // acc = (i mod 1000)/1000 peaks at 0.999 for i = 999, 1999, … (none a multiple of 97, so none NaN);
    // the ten-way tie keeps table order, so fox-999 leads.
    expect(await bodyRows(page).first().locator('a').textContent()).toBe('fox-999');
    // A child shown flat names its parent (fox-1 is the first child of fox-0).
    await page.getByLabel('Filter', { exact: true }).fill("run_name = 'fox-1'");
    await expect.poll(() => status(page).textContent()).toBe('1 of 10,000 runs');
    const name = bodyRows(page).first().locator('td').nth(1);
    expect(await name.getAttribute('title')).toBe('fox-1 (child of fox-0)');
    expect(await name.textContent()).toBe('fox-1in fox-0');
    await page.close();
  });

  it('filters as you type with MLflow syntax; an invalid filter shows its error with a caret and empties the table', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const filter = page.getByLabel('Filter', { exact: true });
    await filter.fill("metrics.acc > 0.99 AND params.model = 'rf'");
    // acc > 0.99 ⇔ i mod 1000 ≥ 991; even i → 991..999 has 4 evens (992, 994, 996, 998) per thousand, none a multiple of 97 → 40.
    await expect.poll(() => status(page).textContent()).toBe('40 of 10,000 runs');
    await filter.fill("metrics.acc > 0.99 AND params.model = 'rf' AND bad.x = 1");
    const error = page.locator('[aria-live="polite"] pre');
    await expect.poll(() => error.count()).toBe(1);
    expect(await filter.getAttribute('aria-invalid')).toBe('true');
    expect((await error.textContent())!.split('\n')[1]).toBe(`${' '.repeat("metrics.acc > 0.99 AND params.model = 'rf' AND ".length)}^`);
    expect(await page.getByText(/^Invalid entity type 'bad'/).count()).toBe(1);
    // No stale rows under the error: the last filter's rows are not the answer to this one.
    await expect.poll(() => status(page).textContent()).toBe('No runs shown: the filter has an error (see above). 10,000 runs loaded.');
    expect(await bodyRows(page).count()).toBe(0);
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe('2');
    expect(await page.getByRole('button', { name: 'Download CSV' }).isDisabled()).toBe(true);
    await filter.fill("metrics.acc > 0.99 AND params.model = 'rf'");
    await expect.poll(() => status(page).textContent()).toBe('40 of 10,000 runs');
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe('42');
    await filter.fill('metrics.`val/loss` < 0.0002');
    await expect.poll(() => status(page).textContent()).not.toBe('40 of 10,000 runs');
    await page.close();
  });

  it('selects runs and links the compare page; downloads the shown rows as CSV', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    await page.getByLabel('Filter', { exact: true }).fill("run_name LIKE 'fox-2_'");
    await expect.poll(() => status(page).textContent()).toBe('10 of 10,000 runs');
    expect(await page.getByText('Compare selected (0)').getAttribute('aria-disabled')).toBe('true');
    await page.getByLabel('Select all shown runs').check();
    const compare = page.getByRole('link', { name: 'Compare selected (10)' });
    expect(await compare.getAttribute('href')).toBe(`/my-repo/compare/?runs=${Array.from({ length: 10 }, (_, i) => `run000${20 + i}`).join(',')}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('runs-0.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('run_id,run_name,metrics.acc,params.model,status,start_time,duration_ms,user_id,source_name,git_commit');
    expect(csv.length).toBe(1 + 10 + 1);
    await page.close();
  });

  it('takes an MLflow ORDER BY that replaces the header sort, and a header click that empties it', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    await page.getByRole('button', { name: /^Name/ }).click();
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
    const orderBy = page.getByLabel('Order by');
    await orderBy.fill('params.model DESC, metrics.`val/loss`');
    await expect.poll(() => page.locator('th[aria-sort]').count()).toBe(0);
    // model 'rf' (even i) first; among them val/loss = 1/(i+1) ascending, missing (i multiple of 7) last: i = 9998 leads.
    expect(await bodyRows(page).first().locator('a').textContent()).toBe('fox-9998');
    await orderBy.fill('params.model sideways');
    await expect.poll(() => page.getByText(/^Invalid ordering key in order_by clause/).count()).toBe(1);
    expect(await bodyRows(page).first().locator('a').textContent()).toBe('fox-9998');
    await page.getByRole('button', { name: /^Status/ }).click();
    expect(await orderBy.inputValue()).toBe('');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Default order' }).click();
    expect(await page.locator('th[aria-sort]').count()).toBe(0);
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe('6002');
    await page.close();
  });

  it('adds and removes metric and param columns with the column picker, by keyboard', async () => {
    const { page } = await open();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const picker = page.getByRole('button', { name: /^Columns/ });
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    await picker.press('Enter');
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('checkbox', { name: 'val/loss' }).press('Space');
    await page.getByRole('checkbox', { name: 'max depth' }).check();
    await page.getByRole('checkbox', { name: 'model' }).uncheck();
    const labels = await page.locator('thead th button > span:first-child').allTextContents();
    expect(labels.slice(0, 4)).toEqual(['Name', 'acc', 'val/loss', 'max depth']);
    expect(await page.locator('thead th[scope="colgroup"]').allTextContents()).toEqual(['Metrics', 'Params', 'Attributes']);
    await page.keyboard.press('Escape');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('resizes a column by dragging its edge and from the keyboard, digits following the width, and keeps it over a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const handle = page.getByRole('separator', { name: 'Width of val/loss (Metrics), rem' });
    expect(await handle.count()).toBe(0);
    await page.getByRole('button', { name: /^Columns/ }).press('Enter');
    await page.getByRole('checkbox', { name: 'val/loss' }).press('Space');
    await page.keyboard.press('Escape');
    const header = page.locator('thead th[data-column="metric:val/loss"]');
    const before = (await header.boundingBox())!;
    const edge = (await handle.boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await header.boundingBox())!.width).toBeCloseTo(before.width + 80, -1);
    await handle.focus();
    const dragged = Number(await handle.getAttribute('aria-valuenow'));
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBe(dragged - 2.5);
    await page.keyboard.press('Home');
    expect(await handle.getAttribute('aria-valuenow')).toBe('3');
    // At the narrowest width 1/(i+1) still fits: fewer digits, the exact value in the title.
    const cell = page.locator('tbody tr:not([aria-hidden])').nth(1).locator('td').nth(3);
    expect(((await cell.textContent()) ?? '').length).toBeLessThanOrEqual(3);
    expect(Number(await cell.getAttribute('title'))).toBeGreaterThan(0);
    await page.keyboard.press('End');
    expect(await handle.getAttribute('aria-valuenow')).toBe('40');
    await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toBe('metrics.acc,metrics.val/loss~40,params.model,attributes.status,attributes.start,attributes.duration,attributes.user,attributes.source,attributes.commit');
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('separator', { name: 'Width of val/loss (Metrics), rem' }).getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('40');
    await context.close();
  });

  it('lists the hidden columns it was given and shows one in a click', async () => {
    const { page, errors } = await open('uniform.html');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    const strip = page.getByRole('group', { name: 'Hidden columns' });
    expect(await strip.getByRole('button').allTextContents()).toEqual(['+ Show Git commit (empty in every run)', '+ Show params.max depth (3 in every run)']);
    expect(await headerLabels(page)).not.toContain('Git commit');
    await strip.getByRole('button', { name: /^Show Git commit/ }).press('Enter');
    await expect.poll(() => headerLabels(page)).toContain('Git commit');
    await page.getByRole('button', { name: /^Columns/ }).click();
    expect(await page.getByRole('group', { name: /^Params/ }).getByText('(3 in every run)').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('announces the runs it shows, their selection and groups to the other islands, and answers late ones', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      window.addEventListener('runfolio:runs-view', (e) => seen.push((e as CustomEvent).detail));
    });
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('10,000 of 10,000 runs');
    type Detail = { experimentId: string; shown: string[]; selected: string[]; groupBy?: string; groups?: { label: string; runIds: string[] }[] };
    const last = () => page.evaluate(() => (window as unknown as { seen: Detail[] }).seen.at(-1));
    await expect.poll(async () => (await last())?.shown.length).toBe(6000);
    await page.getByLabel('Filter', { exact: true }).fill("run_name LIKE 'fox-2_'");
    await expect.poll(async () => (await last())?.shown).toEqual(Array.from({ length: 10 }, (_, i) => `run000${20 + i}`));
    await page.getByLabel('Select fox-25').check();
    await expect.poll(async () => (await last())?.selected).toEqual(['run00025']);
    await page.getByLabel('Group by').selectOption('params.model');
    await expect.poll(async () => (await last())?.groups?.map((g) => [g.label, g.runIds.length])).toEqual([
      ['model = cnn', 5],
      ['model = rf', 5],
    ]);
    const detail = (await last())!;
    expect(detail.groupBy).toBe('params.model');
    expect(detail.experimentId).toBe('0');
    const answered = await page.evaluate(() => {
      const seen = (window as unknown as { seen: unknown[] }).seen;
      const before = seen.length;
      window.dispatchEvent(new Event('runfolio:runs-view-request'));
      return seen.length - before;
    });
    expect(answered).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps what it has and says so when a chunk fails to load', async () => {
    const { page } = await open('broken.html');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
    expect(await alert.textContent()).toContain('/my-repo/data/experiments/broken/runs-3.json: HTTP 404');
    expect(await status(page).textContent()).toBe('3,000 of 3,000 runs');
    await page.close();
  });
});
