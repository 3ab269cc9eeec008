/**
 * Archive mode (`--archive`): the site opened from disk in real Chromium, where module scripts
 * and fetch() do not run, must be complete: every page reachable by its links, charts drawn as
 * SVG files, nothing failing to load; and the archive carries its Snapshot and a true manifest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SnapshotSchema } from '../../src/lib/model.ts';
import { launchChromium } from '../support/browser.ts';
import { htmlPages, load } from '../support/html.ts';

const site = inject('sites').archive!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openFromDisk(path: string, javaScript = true): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ javaScriptEnabled: javaScript });
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  await page.goto(`file://${join(site.out, path)}`);
  return { page, problems };
}

describe('an archive opened from disk', () => {
  it('has no script at all: every page is complete without JavaScript', () => {
    for (const page of htmlPages(site.out)) expect(load(site.out, page)('script').length, page).toBe(0);
  });

  it('links only to files of the archive, by relative paths ending in index.html', () => {
    for (const page of htmlPages(site.out)) {
      const $ = load(site.out, page);
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href') as string;
        if (/^(https?:|mailto:|#)/.test(href)) return;
        expect(href.startsWith('/'), `${page}: ${href}`).toBe(false);
        const path = href.split(/[?#]/)[0] as string;
        // Artifact copies keep their own names (artifact-kinds.ts); they must be in the archive.
        if (path.includes('data/artifacts/')) expect(existsSync(join(site.out, dirname(page), decodeURIComponent(path))), `${page}: ${href}`).toBe(true);
        else expect(path, `${page}: ${href}`).toMatch(/(\.html|\.json|\.csv|\.svg|\.sha256)$/);
      });
    }
  });

  it('navigates home → experiment → run → model by clicking, with charts drawn and nothing failing', async () => {
    const { page, problems } = await openFromDisk('index.html');
    await page.getByRole('link', { name: 'cifar10-resnet' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/experiments\/\d+\/index\.html$/);
    const images = page.locator('figure.chart img');
    expect(await images.count()).toBeGreaterThanOrEqual(2);
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    }
    await page.locator('#leaderboard').locator('..').getByRole('link').first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/runs\/[0-9a-f]+\/index\.html$/);
    const runCharts = page.locator('.metric-charts figure img');
    expect(await runCharts.count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'cifar10-classifier' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/models\/cifar10-classifier\/index\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows every run of an experiment in its static table', async () => {
    const { page } = await openFromDisk('index.html', false);
    await page.getByRole('link', { name: 'cifar10-resnet' }).first().click();
    await page.waitForLoadState();
    const rows = await page.locator('.runs-preview tbody tr').count();
    const runs = Number((await page.locator('.lede').textContent())?.match(/(\d+) runs?/)?.[1]);
    expect(rows).toBe(runs);
    await page.close();
  });

  it('carries the Snapshot it was built from, valid against the schema', () => {
    const snapshot = JSON.parse(readFileSync(join(site.out, 'data/snapshot.json'), 'utf8'));
    expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.runs.length).toBeGreaterThan(0);
  });

  it('lists every file in MANIFEST.sha256 with its true hash', () => {
    const lines = readFileSync(join(site.out, 'MANIFEST.sha256'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      const [hash, file] = line.split('  ') as [string, string];
      expect(createHash('sha256').update(readFileSync(join(site.out, file))).digest('hex'), file).toBe(hash);
    }
  });
});
