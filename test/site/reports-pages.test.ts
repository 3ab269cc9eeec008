/**
 * The demo's reports as published under a sub-path (the shared demoBase site, built once per run
 * with the real `runfolio build`): every embed kind is on a page as HTML tables and inline SVG,
 * every link resolves under the base, reports and runs link each other; then in Chromium, with
 * JavaScript the history charts become the interactive island with the embed's options, and
 * without it the SVGs are what shows, in either color scheme.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Snapshot } from '../../src/lib/model.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { TOC_MIN_HEADINGS } from '../../src/lib/site/reports/prepare.ts';
import { launchChromium } from '../support/browser.ts';
import { htmlPages, load, references, targetFile } from '../support/html.ts';
import { serveSite, type Served } from '../support/serve.ts';

const site = inject('sites').demoBase!;
const BASE = site.base;
const out = site.out;
let snapshot: Snapshot;

beforeAll(async () => {
  snapshot = await readStores(site.stores);
});

const REPORTS = ['churn-model-selection', 'sweep-lr-vs-batch-size', 'why-lr0.4-bs128-diverged'];
const page = (slug: string) => load(out, `reports/${slug}/index.html`);
const runId = (name: string) => snapshot.runs.find((r) => r.name === name && r.lifecycleStage === 'active')!.id;

describe('the demo reports, built', () => {
  it('publish every report but the draft, and an index newest first with summaries', () => {
    expect(htmlPages(out).filter((p) => p.startsWith('reports/')).sort()).toEqual(['reports/index.html', ...REPORTS.map((r) => `reports/${r}/index.html`)].sort());
    const $ = load(out, 'reports/index.html');
    const items = $('.report-index > li');
    expect(items.map((_, li) => $(li).find('h2 a').attr('href')).get()).toEqual(['churn-model-selection', 'sweep-lr-vs-batch-size', 'why-lr0.4-bs128-diverged'].map((s) => `${BASE}reports/${s}/`));
    expect(items.first().text()).toContain('2025-02-26');
    expect(items.first().text()).toContain('Both boosted models beat the logistic-regression baseline');
    expect($('.site-nav a').filter((_, a) => $(a).text() === 'Reports').attr('href')).toBe(`${BASE}reports/`);
  });

  it('show every kind of embed, as HTML tables and inline SVG', () => {
    const kinds = new Set<string>();
    for (const slug of REPORTS) {
      const $ = page(slug);
      if ($('table.leaderboard tbody tr').length > 0) kinds.add('leaderboard');
      if ($('.embed-diff table.compare tbody tr').length > 0) kinds.add('diff');
      for (const kind of ['history', 'parallel', 'scatter']) {
        const figures = $(`figure.report-chart.${kind}`);
        figures.each((_, figure) => {
          expect($(figure).find('.chart-light > svg').length).toBe(1);
          expect($(figure).find('.chart-dark > svg').length).toBe(1);
          expect($(figure).find('figcaption').text()).not.toBe('');
        });
        if (figures.length > 0) kinds.add(kind);
      }
      if ($('a.cited-value').length > 0) kinds.add('value');
      if ($('.cited-link').length > 0) kinds.add('link');
    }
    expect([...kinds].sort()).toEqual(['diff', 'history', 'leaderboard', 'link', 'parallel', 'scatter', 'value']);
  });

  it('show the values of the store where the report cites them', () => {
    const $ = page('sweep-lr-vs-batch-size');
    const run = snapshot.runs.find((r) => r.id === runId('lr0.4-bs512'))!;
    const cited = $(`a.cited-value[href="${BASE}runs/${run.id}/"]`).filter((_, a) => ($(a).attr('title') ?? '').startsWith('val/accuracy'));
    expect(cited.first().text()).toBe(`${((run.metrics['val/accuracy']!.latest.value as number) * 100).toFixed(1)}\u00a0%`);
    const leaderboard = $('table.leaderboard').first();
    expect(leaderboard.find('caption').text()).toBe("The sweep's trials by final validation accuracy");
    const names = leaderboard.find('tbody th a').map((_, a) => $(a).text()).get();
    const trials = snapshot.runs.filter((r) => r.parentId === runId('sweep-lr-bs') && r.lifecycleStage === 'active');
    expect(names).toEqual([...trials].sort((a, b) => (b.metrics['val/accuracy']!.latest.value as number) - (a.metrics['val/accuracy']!.latest.value as number)).map((r) => r.name));
  });

  it('resolve every link, image and script under the base path', () => {
    for (const slug of [...REPORTS.map((r) => `reports/${r}/index.html`), 'reports/index.html']) {
      const $ = load(out, slug);
      for (const url of references($)) {
        const file = targetFile(out, slug, url, BASE);
        if (file !== undefined) expect(() => readFileSync(file), `${slug}: ${url}`).not.toThrow();
      }
    }
  });

  it('anchor every heading, with a table of contents (when long enough) whose links all land', () => {
    for (const slug of REPORTS) {
      const $ = page(slug);
      const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
      expect(new Set(ids).size, slug).toBe(ids.length);
      $('.report-body h2, .report-body h3').each((_, h) => {
        expect($(h).attr('id'), slug).toBeTruthy();
        expect($(h).find('a.heading-anchor').attr('href')).toBe(`#${$(h).attr('id')}`);
      });
      const toc = $('nav.toc a').map((_, a) => $(a).attr('href')).get();
      const sections = $('.report-body h2, .report-body h3').length;
      expect(toc.length, slug).toBe(sections >= TOC_MIN_HEADINGS ? sections : 0);
      for (const href of toc) expect(ids, `${slug}: ${href}`).toContain(href.slice(1));
    }
  });

  it('highlight code blocks at build time, in both color schemes, with no script', () => {
    const $ = page('why-lr0.4-bs128-diverged');
    const code = $('pre.astro-code');
    expect(code.attr('data-language')).toBe('python');
    expect(code.find('span[style*="--shiki-dark"]').length).toBeGreaterThan(3);
    expect(code.text()).toContain('mlflow.set_tag("stopped_by", "nan_guard")');
  });

  it('list the runs they cite, and each run page lists the reports citing it', () => {
    const $ = page('why-lr0.4-bs128-diverged');
    const cited = $('#report-runs').parent().find('li a').map((_, a) => $(a).text()).get();
    expect(cited).toEqual(['lr0.4-bs128', 'lr0.1-bs128', 'lr0.4-bs512']);
    const run = load(out, `runs/${runId('lr0.4-bs128')}/index.html`);
    const back = run('dt').filter((_, dt) => run(dt).text() === 'Cited in reports').next('dd').find('a');
    expect(back.map((_, a) => run(a).attr('href')).get().sort()).toEqual([`${BASE}reports/sweep-lr-vs-batch-size/`, `${BASE}reports/why-lr0.4-bs128-diverged/`]);
    const uncited = load(out, `runs/${runId('resnet18-mixup')}/index.html`);
    expect(uncited('dt').filter((_, dt) => uncited(dt).text() === 'Cited in reports').length).toBe(0);
  });

  it('are listed on the page of each experiment they name in their front matter or whose runs they cite', () => {
    // Expected from the published report pages: the experiments their front matter names and
    // those of the runs in their "Runs cited" list.
    const about = new Map<string, string[]>();
    for (const slug of REPORTS) {
      const $ = page(slug);
      const named = $('.report-meta a[href*="/experiments/"]').map((_, a) => $(a).attr('href')!.split('/experiments/')[1]!.replace(/\/$/, '')).get();
      const cited = $('#report-runs').parent().find('li a').map((_, a) => $(a).attr('href')!.split('/runs/')[1]!.replace(/\/$/, '')).get();
      const fromRuns = cited.map((id) => snapshot.runs.find((r) => r.id === id)!.experimentId);
      for (const id of new Set([...named, ...fromRuns])) about.set(id, [...(about.get(id) ?? []), `${BASE}reports/${slug}/`]);
    }
    expect(about.size).toBeGreaterThan(1);
    for (const experiment of snapshot.experiments.filter((e) => e.lifecycleStage === 'active')) {
      const $ = load(out, `experiments/${experiment.id}/index.html`);
      const listed = $('p').filter((_, p) => $(p).text().startsWith('Reports: ')).find('a').map((_, a) => $(a).attr('href')).get();
      expect([experiment.name, listed.sort()]).toEqual([experiment.name, (about.get(experiment.id) ?? []).sort()]);
    }
  });
});

describe('the demo reports in Chromium', () => {
  let browser: Browser;
  let served: Served;
  beforeAll(async () => {
    [browser, served] = await Promise.all([launchChromium(), serveSite(out, BASE)]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(path: string, options: { javaScript: boolean; dark?: boolean }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ javaScriptEnabled: options.javaScript, colorScheme: options.dark ? 'dark' : 'light', viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    await page.goto(served.url + path);
    return { page, problems };
  }

  it('turns each history chart into the interactive island with the embed\'s options when scrolled to', async () => {
    const { page, problems } = await open('reports/why-lr0.4-bs128-diverged/', { javaScript: true });
    const chart = page.locator('figure.report-chart.history').first();
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('fieldset').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => chart.locator('.vega-embed, canvas, [class*="plot"] svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await chart.getByRole('checkbox', { name: 'Log scale' }).isChecked()).toBe(true);
    expect(await chart.locator('.chart-svgs').count()).toBe(0);
    expect(await chart.locator('figcaption').textContent()).toContain('log scale');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the static charts and tables without JavaScript, the SVG of the reader\'s color scheme', async () => {
    for (const dark of [false, true]) {
      const { page, problems } = await open('reports/sweep-lr-vs-batch-size/', { javaScript: false, dark });
      expect(await page.locator('table.leaderboard tbody tr').count()).toBeGreaterThan(2);
      const figure = page.locator('figure.report-chart.history').first();
      await figure.scrollIntoViewIfNeeded();
      expect(await figure.locator('fieldset').count()).toBe(0);
      const shown = figure.locator(dark ? '.chart-dark > svg' : '.chart-light > svg');
      const hidden = figure.locator(dark ? '.chart-light > svg' : '.chart-dark > svg');
      expect(await shown.isVisible()).toBe(true);
      expect(await hidden.isVisible()).toBe(false);
      expect((await shown.boundingBox())!.width).toBeGreaterThan(300);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('follows a cited value to its run, and the run page back to the report', async () => {
    const { page, problems } = await open('reports/churn-model-selection/', { javaScript: true });
    await page.locator('a.cited-value').first().click();
    await page.waitForURL((url) => new RegExp(`^${BASE}runs/[0-9a-f]{32}/$`).test(url.pathname));
    await page.getByRole('link', { name: 'Churn model: gradient boosting against the baseline' }).click();
    await page.waitForURL((url) => url.pathname === `${BASE}reports/churn-model-selection/`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
