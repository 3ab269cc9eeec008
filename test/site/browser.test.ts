/**
 * The published site in real Chromium, served under its base path on localhost as GitHub Pages
 * would: islands hydrate and draw, controls respond, URLs stay shareable, no console errors;
 * and with JavaScript off the tables and pre-rendered charts are still there.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import type { Snapshot } from '../../src/lib/model.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type Served } from '../support/serve.ts';

const site = inject('sites').demoBase!;
let browser: Browser;
let served: Served;
let snapshot: Snapshot;

beforeAll(async () => {
  [browser, served, snapshot] = await Promise.all([launchChromium(), serveSite(site.out, site.base), readStores(site.stores)]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Opened {
  page: Page;
  problems: string[];
}

async function open(path: string, options: { javaScript?: boolean; dark?: boolean } = {}): Promise<Opened> {
  const page = await browser.newPage({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.dark ? 'dark' : 'light', viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  await page.goto(served.url + path.replace(/^\//, ''));
  return { page, problems };
}

/** Waits until every island on the page has hydrated (Astro drops their `ssr` attribute). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island').length > 0 && !document.querySelector('astro-island[ssr]'), undefined, { timeout: 15_000 });
}

function run(name: string) {
  const found = snapshot.runs.find((r) => r.name === name && r.lifecycleStage === 'active');
  if (!found) throw new Error(`no run ${name} in the demo store`);
  return found;
}

describe('run page', () => {
  it('hydrates the chart island and draws each metric history when scrolled to', async () => {
    const baseline = run('resnet18-baseline');
    const { page, problems } = await open(`runs/${baseline.id}/`);
    const charts = page.locator('.metric-chart');
    await expect.poll(() => charts.count()).toBe(Object.keys(baseline.metrics).length);
    const first = charts.first();
    await first.scrollIntoViewIfNeeded();
    await expect.poll(() => first.locator('svg, canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches the first chart to a log scale and back from the keyboard', async () => {
    const baseline = run('resnet18-baseline');
    const { page, problems } = await open(`runs/${baseline.id}/`);
    const chart = page.locator('.metric-chart').first();
    await chart.scrollIntoViewIfNeeded();
    const plot = chart.locator('svg, canvas').first();
    await expect.poll(() => plot.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await chart.locator('svg').first().innerHTML().catch(() => '');
    // By role: once redrawn, Vega's y axis is labelled "Y-axis for a log scale…" too.
    const log = chart.getByRole('checkbox', { name: 'Log scale' });
    await log.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => log.isChecked()).toBe(true);
    await expect.poll(async () => chart.locator('svg').first().innerHTML().catch(() => ''), { timeout: 10_000 }).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('compare page', () => {
  it('shows the runs of ?runs= side by side, filters to differences, and keeps the URL shareable', async () => {
    const a = run('resnet18-baseline');
    const b = run('resnet18-mixup');
    const c = run('resnet50-bs1024');
    const { page, problems } = await open(`compare/?runs=${a.id},${b.id}`);
    await hydrated(page);
    const table = page.locator('table').first();
    await expect.poll(() => table.locator('thead').textContent(), { timeout: 10_000 }).toContain(b.name);
    expect(await table.locator('thead').textContent()).toContain(a.name);
    // The status row wears the site's one status badge, as run pages and the runs table do.
    const badges = table.locator('tbody tr', { has: page.locator('th', { hasText: /^Status$/ }) }).locator('span.status');
    expect(await badges.evaluateAll((spans) => spans.map((s) => `${s.className} ${s.textContent}`))).toEqual([a, b].map((r) => `status status-${r.status.toLowerCase()} ${r.status.toLowerCase()}`));
    const rowsAll = await table.locator('tbody tr').count();
    await page.getByLabel(/differences only/i).check();
    await expect.poll(() => table.locator('tbody tr').count()).toBeLessThan(rowsAll);
    await page.getByRole('searchbox', { name: 'Add a run' }).fill(c.name);
    await page.getByRole('button', { name: new RegExp(c.name) }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('runs')).toBe([a.id, b.id, c.id].join(','));
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => page.locator('table').first().locator('thead').textContent(), { timeout: 10_000 }).toContain(c.name);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('home page', () => {
  it('finds a run with the search box and follows the result', async () => {
    const target = run('resnet50-bs1024');
    const { page, problems } = await open('');
    await page.getByRole('searchbox', { name: 'Search experiments, runs, params and tags' }).fill('resnet50');
    const result = page.getByRole('link', { name: /resnet50-bs1024/ }).first();
    await expect.poll(() => result.isVisible(), { timeout: 10_000 }).toBe(true);
    await result.click();
    await page.waitForURL(new RegExp(`runs/${target.id}/$`));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('still shows the experiment page tables and pre-rendered charts (in dark mode too)', async () => {
    const experiment = snapshot.experiments.find((e) => e.name === 'cifar10-resnet')!;
    for (const dark of [false, true]) {
      const { page, problems } = await open(`experiments/${experiment.id}/`, { javaScript: false, dark });
      expect(await page.locator('.runs-preview tbody tr').count()).toBeGreaterThan(3);
      const image = page.locator('figure.chart img').first();
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).currentSrc)).toContain(dark ? '.dark.svg' : '.light.svg');
      await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('experiment page runs table', () => {
  const experiment = () => snapshot.experiments.find((e) => e.name === 'cifar10-resnet')!;
  const tableRows = (page: Page) => page.locator('section:has(#runs) table tbody tr');
  const names = (page: Page) => tableRows(page).locator('td a[href*="/runs/"]').allTextContents();

  it('filters with MLflow search syntax, shows errors in MLflow words, and sorts by a column', async () => {
    const { page, problems } = await open(`experiments/${experiment().id}/`);
    await hydrated(page);
    const filter = page.getByRole('searchbox', { name: 'Filter' });
    await filter.fill("metrics.`val/accuracy` > 0.92 AND params.model = 'resnet18'");
    const expected = snapshot.runs
      .filter((r) => r.experimentId === experiment().id && r.lifecycleStage === 'active')
      .filter((r) => typeof r.metrics['val/accuracy']?.latest.value === 'number' && (r.metrics['val/accuracy'].latest.value as number) > 0.92 && r.params.model === 'resnet18')
      .map((r) => r.name)
      .sort();
    await expect.poll(async () => (await names(page)).sort(), { timeout: 10_000 }).toEqual(expected);
    await filter.fill('metrics.acc >');
    await expect.poll(() => page.locator('section:has(#runs)').textContent(), { timeout: 10_000 }).toMatch(/Invalid|Expected|offset/i);
    await filter.fill('');
    const header = page.getByRole('button', { name: /^Duration/ });
    await header.click();
    const durations = snapshot.runs
      .filter((r) => r.experimentId === experiment().id && r.lifecycleStage === 'active' && r.endTime !== undefined && r.startTime !== undefined)
      .sort((a, b) => (a.endTime! - a.startTime!) - (b.endTime! - b.startTime!))
      .map((r) => r.name);
    await expect.poll(async () => (await names(page)).filter((n) => durations.includes(n)), { timeout: 10_000 }).toEqual(durations);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('links the selected runs to the compare page', async () => {
    const { page, problems } = await open(`experiments/${experiment().id}/`);
    await hydrated(page);
    const boxes = tableRows(page).locator('input[type=checkbox]');
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    const compare = page.getByRole('link', { name: /compare selected/i });
    const href = (await compare.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^${site.base}compare/\\?runs=[0-9a-f]{32},[0-9a-f]{32}$`));
    expect(problems).toEqual([]);
    await page.close();
  });
});
