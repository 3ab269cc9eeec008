/**
 * `runfolio compare --out`: the comparison site a pull request gets as an artifact. It must open
 * from disk in Chromium (no server, no JavaScript), work served under a sub-path, carry a true
 * manifest that `runfolio verify` checks, and show the verdict on its home page.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { IDS, writeCompareStores } from '../support/compare-stores.ts';
import { htmlPages, load } from '../support/html.ts';
import { serveSite } from '../support/serve.ts';
import { tempDir, writeTree } from '../support/tmp.ts';

let out: string;
let browser: Browser;

beforeAll(async () => {
  const dir = tempDir();
  const stores = writeCompareStores(dir);
  out = join(dir, 'compare-site');
  const result = runCli(['compare', '--store', `main=${stores.main}`, '--store', `pr=${stores.pr}`, 'main:models:/churn@champion', 'pr:churn/pr-run', '--out', out, '--fail-on', 'metrics.val_loss > baseline * 1.02']);
  expect(result.status, result.stderr).toBe(1);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the compare site (runfolio compare --out)', () => {
  it('has the comparison as its home page, with the verdict and each failed condition', () => {
    const $ = load(out, 'index.html');
    expect($('h1').text()).toBe('champion vs pr-run');
    expect($('.verdict h2').text()).toBe('compare: 1 failed condition');
    expect($('.verdict li').text()).toContain('metrics.val_loss > baseline * 1.02: val_loss: candidate 0.41 > 0.408');
    expect($('table.compare caption').first().text()).toMatch(/^Metrics/);
  });

  it('lists metrics most telling first and attributes by their labels, the status as the site\'s badge', () => {
    const $ = load(out, 'index.html');
    const table = (caption: string) => $('table.compare').filter((_, t) => $(t).find('caption').text().startsWith(caption));
    expect(table('Metrics').find('tbody th').map((_, th) => $(th).text()).get()).toEqual(['val_auc', 'val_loss', 'train/loss']);
    const attributes = table('Attributes');
    expect(attributes.find('tbody th').map((_, th) => $(th).text()).get()).toEqual(['Status', 'Start', 'Duration', 'User', 'Source', 'Git commit']);
    expect(attributes.find('tbody tr').first().find('td span.status').map((_, s) => `${$(s).attr('class')} ${$(s).text()}`).get()).toEqual(['status status-finished finished', 'status status-finished finished']);
  });

  it('holds only the compared runs, each with a page', () => {
    const runPages = htmlPages(out).filter((p) => p.startsWith('runs/'));
    expect(runPages.sort()).toEqual([`runs/${IDS.champion}/index.html`, `runs/${IDS.candidate}/index.html`].sort());
  });

  it('has no script: every page is complete without JavaScript', () => {
    for (const page of htmlPages(out)) expect(load(out, page)('script').length, page).toBe(0);
  });

  it('opens from file:// and reaches both run pages by clicking, charts drawn, nothing failing', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const problems: string[] = [];
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    await page.goto(`file://${join(out, 'index.html')}`);
    const charts = page.locator('figure.chart img');
    expect(await charts.count()).toBeGreaterThan(0);
    for (const img of await charts.all()) await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await page.getByRole('link', { name: 'pr-run' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(new RegExp(`runs/${IDS.candidate}/index\\.html$`));
    expect(await page.locator('.metric-charts figure img').count()).toBeGreaterThan(0);
    await page.goBack();
    await page.getByRole('link', { name: 'champion' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(new RegExp(`runs/${IDS.champion}/index\\.html$`));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works served under a sub-path: every link and image of every page resolves', async () => {
    const served = await serveSite(out, '/repo/pr-7/');
    try {
      let checked = 0;
      for (const page of htmlPages(out)) {
        const $ = load(out, page);
        const urls = [...$('a[href]').map((_, a) => $(a).attr('href')), ...$('img[src]').map((_, img) => $(img).attr('src'))] as string[];
        for (const url of urls) {
          const target = new URL(url, new URL(page, served.url));
          if (!target.href.startsWith(served.url)) continue;
          const response = await fetch(target);
          expect(response.status, `${page}: ${url}`).toBe(200);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    } finally {
      await served.close();
    }
  });

  it('keeps every compared run\'s full metric history as CSV', () => {
    const csv = readFileSync(join(out, `data/runs/${IDS.candidate}.history.csv`), 'utf8');
    expect(csv.split('\n')[0]).toBe('metric,step,timestamp,value');
    expect(csv.trim().split('\n')).toHaveLength(1 + 3 * 5);
  });

  it('passes runfolio verify, and fails it naming the file once one byte changed', () => {
    const ok = runCli(['verify', out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/OK, \d+ files match MANIFEST\.sha256/);
    const file = join(out, `data/runs/${IDS.candidate}.history.csv`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x31 ? 0x32 : 0x31;
    writeFileSync(file, bytes);
    appendFileSync(join(out, 'notes.txt'), 'added later');
    const changed = runCli(['verify', out]);
    expect(changed.status).toBe(1);
    expect(changed.stdout).toBe(`changed: data/runs/${IDS.candidate}.history.csv\nnot in the manifest: notes.txt\n`);
    expect(changed.stderr).toMatch(/2 files differ from MANIFEST\.sha256/);
  });
});

describe('the compare site with --content', () => {
  let withReports: string;
  beforeAll(() => {
    const dir = tempDir();
    const stores = writeCompareStores(dir);
    const value = (id: string) => `\`runfolio:value run=${id} metric=val_loss\``;
    writeTree(join(dir, 'content'), {
      'reports/pr-review.md': `---\ntitle: Review of the PR run\n---\nThe candidate ends at ${value(IDS.candidate)}, the champion at ${value(IDS.champion)}.\n`,
      'reports/tuning.md': `---\ntitle: Tuning\n---\nThe tuned run ends at ${value(IDS.tuned)}.\n`,
    });
    withReports = join(dir, 'compare-site');
    const result = runCli(['compare', '--store', `main=${stores.main}`, '--store', `pr=${stores.pr}`, 'main:models:/churn@champion', 'pr:churn/pr-run', '--out', withReports, '--content', join(dir, 'content')]);
    expect(result.status, result.stderr).toBe(0);
  });

  it('carries the reports whose every run it compares, and leaves out the others', () => {
    const reports = htmlPages(withReports).filter((p) => p.startsWith('reports/'));
    expect(reports).toContain('reports/pr-review/index.html');
    expect(reports).not.toContain('reports/tuning/index.html');
    const values = load(withReports, 'reports/pr-review/index.html')('a.cited-value').map((_, a) => load(withReports, 'reports/pr-review/index.html')(a).text()).get();
    expect(values).toEqual(['0.41', '0.4']);
  });

  it('refuses --content without --out', () => {
    const result = runCli(['compare', '--store', 'x', 'a', 'b', '--content', 'content']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--content puts reports on the comparison site, which --out writes/);
  });
});
