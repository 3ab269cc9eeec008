/**
 * Long pages in Chromium: the header search on pages other than the home page (data fetched only
 * on first use, params and tags searched), and the run page's filter box over a 105-param run
 * (shown by its script, kept in the URL; every row without JavaScript).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import type { Snapshot } from '../../src/lib/model.ts';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { serveSite, type Served } from '../support/serve.ts';

const sites = inject('sites');
let browser: Browser;
let demo: Served;
let yolo: Served;
let demoSnapshot: Snapshot;
let yoloSnapshot: Snapshot;

beforeAll(async () => {
  [browser, demo, yolo, demoSnapshot, yoloSnapshot] = await Promise.all([
    launchChromium(),
    serveSite(sites.demoBase!.out, sites.demoBase!.base),
    serveSite(sites.yolo!.out, sites.yolo!.base),
    readStores(sites.demoBase!.stores),
    readStores([join(FIXTURES, 'real/yolo-slash/mlruns')]),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await yolo?.close();
});

async function open(url: string, javaScript = true): Promise<{ page: Page; problems: string[]; fetched: string[] }> {
  const page = await browser.newPage({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const fetched: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('request', (r) => void (r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname)));
  await page.goto(url);
  return { page, problems, fetched };
}

describe('the header search, on a page that is not the home page', () => {
  const box = (page: Page) => page.getByRole('searchbox', { name: 'Search experiments, runs, params and tags' });

  it('fetches nothing until it is used, then finds runs by a param and follows the result', async () => {
    const model = demoSnapshot.models.find((m) => m.name === 'cifar10-classifier')!;
    const { page, problems, fetched } = await open(`${demo.url}models/${model.name}/`);
    await expect.poll(() => box(page).isVisible()).toBe(true);
    await page.waitForTimeout(300);
    expect(fetched).toEqual([]);
    await box(page).click();
    await page.keyboard.type('mixup_alpha');
    const withParam = demoSnapshot.runs.filter((r) => r.params.mixup_alpha !== undefined && r.lifecycleStage === 'active');
    expect(withParam).toHaveLength(1);
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await expect.poll(() => results.allInnerTexts(), { timeout: 10_000 }).toEqual([`${withParam[0]!.name}\nRun in cifar10-resnet · param mixup_alpha=${withParam[0]!.params.mixup_alpha}`]);
    expect(fetched.sort()).toEqual(['/runfolio-demo/data/runs-index.json', '/runfolio-demo/data/search-index.json']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/runs/${withParam[0]!.id}/$`));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is reached with / from anywhere on the page, and Escape closes its list', async () => {
    const run = demoSnapshot.runs.find((r) => r.name === 'resnet18-baseline')!;
    const { page, problems } = await open(`${demo.url}runs/${run.id}/`);
    await expect.poll(() => box(page).isVisible()).toBe(true);
    await page.keyboard.press('/');
    await page.keyboard.type('mixup');
    const list = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => list.getByRole('link').first().innerText(), { timeout: 10_000 }).toContain('resnet18-mixup');
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is not on the page without JavaScript', async () => {
    const { page } = await open(`${demo.url}reports/sweep-lr-vs-batch-size/`, false);
    expect(await page.locator('[data-site-search]').isHidden()).toBe(true);
    await page.close();
  });
});

describe("a run page's filter box", () => {
  const target = () => yoloSnapshot.runs.find((r) => Object.keys(r.params).length === 105)!;
  const rows = (page: Page, section: string) => page.locator(`section[aria-labelledby="${section}"] tbody tr:visible`);

  it('narrows 105 params and the metrics to the rows that match, and says how many', async () => {
    const run = target();
    const { page, problems } = await open(`${yolo.url}runs/${run.id}/`);
    const filter = page.getByRole('searchbox', { name: /^Filter 105 parameters, \d+ metrics and \d+ tags$/ });
    await filter.fill('box');
    const params = Object.keys(run.params).filter((k) => `${k} ${run.params[k]}`.toLowerCase().includes('box'));
    const metrics = Object.keys(run.metrics).filter((k) => k.includes('box'));
    await expect.poll(() => rows(page, 'params').count()).toBe(params.length);
    expect(await rows(page, 'metrics').count()).toBe(metrics.length);
    expect(await page.locator('#key-filter-status').innerText()).toMatch(new RegExp(`^Showing ${params.length} of 105 parameters, ${metrics.length} of ${Object.keys(run.metrics).length} metrics`));
    expect(new URL(page.url()).searchParams.get('keys')).toBe('box');
    await filter.fill('');
    await expect.poll(() => rows(page, 'params').count()).toBe(105);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('restores the filter from the address', async () => {
    const run = target();
    const { page } = await open(`${yolo.url}runs/${run.id}/?keys=lr0`);
    expect(Object.entries(target().params).filter(([k, v]) => `${k}\t${v}`.includes('lr0')).length).toBeGreaterThan(0);
    await expect.poll(() => rows(page, 'params').allInnerTexts()).toEqual(Object.entries(target().params).filter(([k, v]) => `${k}\t${v}`.includes('lr0')).map(([k, v]) => `${k}\t${v}`));
    expect(await page.getByRole('searchbox', { name: /^Filter/ }).inputValue()).toBe('lr0');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = await open(`${yolo.url}runs/${target().id}/?keys=no-such-key`);
    await expect.poll(() => page.getByText('No parameters match “no-such-key”.').isVisible()).toBe(true);
    await page.close();
  });

  it('is not there without JavaScript, and every row is', async () => {
    const { page } = await open(`${yolo.url}runs/${target().id}/?keys=box`, false);
    expect(await page.locator('[data-key-filter]').isHidden()).toBe(true);
    expect(await rows(page, 'params').count()).toBe(105);
    await page.close();
  });
});
