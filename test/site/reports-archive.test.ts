/**
 * Reports in an archive (`--archive`, here with `--drafts`): opened from disk in Chromium, where
 * no script runs, the pages are complete: tables, inline SVG charts, relative links that land.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { htmlPages, load } from '../support/html.ts';

const out = inject('sites').archive!.out;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const reportPages = () => htmlPages(out).filter((p) => p.startsWith('reports/'));

describe('reports in an archive', () => {
  it('include drafts built with --drafts, marked as such', () => {
    expect(reportPages()).toContain('reports/warmup-plan/index.html');
    expect(load(out, 'reports/warmup-plan/index.html')('h1 .pill').text()).toBe('draft');
  });

  it('carry no script, keep inline SVG charts, and link by relative paths ending in index.html', () => {
    for (const page of reportPages()) {
      const $ = load(out, page);
      expect($('script').length, page).toBe(0);
      expect($('[data-report-chart]').length, page).toBe(0);
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href') as string;
        if (href.startsWith('#') || /^https?:/.test(href)) return;
        expect(href.split('#')[0], `${page}: ${href}`).toMatch(/(^|\/)index\.html$|\.(json|csv|svg|sha256)$/);
      });
    }
    expect(load(out, 'reports/sweep-lr-vs-batch-size/index.html')('figure.report-chart svg').length).toBeGreaterThanOrEqual(4);
  });

  it('open from disk with their charts drawn, and lead to the runs they cite and back', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const problems: string[] = [];
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    await page.goto(`file://${join(out, 'index.html')}`);
    await page.getByRole('link', { name: 'Sweep results: learning rate vs batch size' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/reports\/sweep-lr-vs-batch-size\/index\.html$/);
    const chart = page.locator('figure.report-chart.history .chart-light > svg').first();
    await chart.scrollIntoViewIfNeeded();
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    await page.locator('table.leaderboard tbody th a').first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/runs\/[0-9a-f]{32}\/index\.html$/);
    await page.getByRole('link', { name: 'Sweep results: learning rate vs batch size' }).click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/reports\/sweep-lr-vs-batch-size\/index\.html#?$/);
    await page.locator('nav.toc a').first().click();
    expect(page.url()).toMatch(/index\.html#results$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
