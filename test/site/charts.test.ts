/**
 * Charts in real Chromium on the YOLO site (yolo-slash, served under /sub/): one colour and dash
 * per run on every page, the experiment chart panels (defaults, following the runs table's
 * announcements, choices kept in the URL, legend hover), the leaderboard's metric switch, and
 * the static charts without JavaScript.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runStyle, type Theme } from '../../src/lib/charts/theme.ts';
import { compareMlflowDefault } from '../../src/lib/analyze/tables.ts';
import { readStores } from '../../src/lib/read/index.ts';
import type { Run } from '../../src/lib/model.ts';
import { runStyles } from '../../src/lib/site/run-styles.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { serveSite, type Served } from '../support/serve.ts';

const site = inject('sites').yolo!;
const MAP = 'metrics/mAP50-95B';
let browser: Browser;
let served: Served;
let runs: Run[];
let experimentId: string;

beforeAll(async () => {
  const [b, s, snapshot] = await Promise.all([launchChromium(), serveSite(site.out, site.base), readStores([join(FIXTURES, 'real/yolo-slash/mlruns')])]);
  browser = b;
  served = s;
  runs = snapshot.runs.filter((r) => r.lifecycleStage === 'active');
  experimentId = runs[0]!.experimentId;
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const open = (path: string, options: { javaScript?: boolean; theme?: Theme } = {}) =>
  openPage(browser, served.url + path.replace(/^\//, ''), { ...(options.javaScript === false ? { javaScript: false } : {}), dark: options.theme === 'dark' });

const experimentPath = () => `experiments/${experimentId}/`;
const named = (name: string) => runs.find((r) => r.name === name)!;
/** The runs as the runs table shows them at first (MLflow's default order): the panels draw those. */
const inTableOrder = () => [...runs].sort(compareMlflowDefault).map((r) => r.name);

/** The panels, drawn: scrolled to and every chart mounted. */
async function panels(page: Page): Promise<void> {
  await page.locator('#charts').scrollIntoViewIfNeeded();
  await page.locator('[data-chart-panels]').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('[data-chart-panels] section svg').count(), { timeout: 15_000 }).toBe(4);
}

/** Stroke colour and dash of the line of run `label` in the chart `section`. */
async function lineLook(page: Page, section: string, label: string): Promise<[string | null, string | null]> {
  const line = page.locator(`${section} path[aria-roledescription="line mark"][aria-label="${label}"]`).first();
  await line.waitFor({ timeout: 15_000 });
  return [await line.getAttribute('stroke'), await line.getAttribute('stroke-dasharray')];
}

/** The run names of the panels' legend, in order. */
const legend = (page: Page) => page.locator('[data-legend-entry]').evaluateAll((items) => items.map((li) => li.getAttribute('data-legend-entry')));

describe('one style per run', () => {
  for (const theme of ['light', 'dark'] as Theme[]) {
    it(`draws a run in the same colour and dash on its run page, the experiment panels and the compare page (${theme})`, async () => {
      const styles = runStyles(runs);
      for (const name of ['sgdtest3', 'testrun1']) {
        const run = named(name);
        const expected = runStyle(styles.get(run.id)!, theme);
        const want: [string, string] = [expected.color, expected.dash.join(',')];

        const runPage = await open(`runs/${run.id}/`, { theme });
        const first = runPage.page.locator('.metric-chart').first();
        await first.scrollIntoViewIfNeeded();
        expect(await first.locator('h4').textContent()).toBe(MAP);
        expect(await lineLook(runPage.page, '.metric-chart', name)).toEqual(want);
        expect(runPage.problems).toEqual([]);
        await runPage.page.close();

        const experiment = await open(experimentPath(), { theme });
        await panels(experiment.page);
        expect(await lineLook(experiment.page, `section[aria-label="Chart of ${MAP}"]`, name)).toEqual(want);
        const swatch = experiment.page.locator(`[data-legend-entry="${name}"] line`);
        expect([await swatch.getAttribute('stroke'), (await swatch.getAttribute('stroke-dasharray'))!.replaceAll(' ', ',')]).toEqual(want);
        expect(experiment.problems).toEqual([]);
        await experiment.page.close();

        const others = runs.filter((r) => r.id !== run.id).map((r) => r.id);
        const compare = await open(`compare/?runs=${[others[0], run.id, others[1]].join(',')}`, { theme });
        await compare.page.getByRole('heading', { name: 'Charts' }).scrollIntoViewIfNeeded();
        expect(await lineLook(compare.page, `section[aria-label="History of ${MAP}"]`, name)).toEqual(want);
        expect(compare.problems).toEqual([]);
        await compare.page.close();
      }
    });
  }
});

describe('experiment chart panels', () => {
  it('chart mAP50-95 and the next quality metrics for the best runs, on whole-step ticks', async () => {
    const { page, problems } = await open(experimentPath());
    await panels(page);
    const titles = await page.locator('[data-chart-panels] section h3 code').allTextContents();
    expect(titles).toEqual([MAP, 'metrics/mAP50B', 'metrics/precisionB', 'metrics/recallB']);
    expect(await legend(page)).toEqual(inTableOrder());
    const ticks = await page.locator(`section[aria-label="Chart of ${MAP}"] g[aria-label^="X-axis"] text`).allTextContents();
    expect(ticks.filter((t) => t !== 'step')).toEqual(['0', '1', '2', '3', '4']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follow the runs table: the runs it shows, then the ones ticked, then its groups as mean and band', async () => {
    const { page, problems } = await open(experimentPath());
    await panels(page);
    const announce = (detail: object) => page.evaluate((d) => window.dispatchEvent(new CustomEvent('runfolio:runs-view', { detail: d })), { experimentId, ...detail });
    const [a, b, c, d] = ['testrun1', 'adamtest', 'adamaxtest', 'sgdtest3'].map((n) => named(n).id);
    await announce({ shown: [a, b, c], selected: [] });
    await expect.poll(() => legend(page)).toEqual(['testrun1', 'adamtest', 'adamaxtest']);
    await expect.poll(() => page.locator(`section[aria-label="Chart of ${MAP}"] path[aria-roledescription="line mark"]`).count()).toBe(3);
    await announce({ shown: [a, b, c, d], selected: [d] });
    await expect.poll(() => legend(page)).toEqual(['sgdtest3']);
    expect(await page.getByText('The 1 run ticked in the table.').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Band' }).count()).toBe(0);
    await announce({ shown: [a, b, c, d], selected: [], groupBy: 'params.optimizer', groups: [{ label: 'Adam*', runIds: [b, c] }, { label: 'other', runIds: [a, d] }] });
    await expect.poll(() => legend(page)).toEqual(['Adam* (2 runs)', 'other (2 runs)']);
    await expect.poll(() => page.locator(`section[aria-label="Chart of ${MAP}"] .bands_marks path`).count()).toBe(2);
    // The band choice appears only for groups.
    await expect.poll(() => page.getByRole('combobox', { name: 'Band' }).inputValue()).toBe('std');
    // An announcement for another experiment changes nothing.
    await announce({ experimentId: 'other', shown: [a], selected: [] });
    await page.waitForTimeout(300);
    expect(await legend(page)).toEqual(['Adam* (2 runs)', 'other (2 runs)']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keep their choices in the address: set them, reload, and the same view comes back', async () => {
    const { page, problems } = await open(experimentPath());
    await panels(page);
    await page.getByText(/^Metrics charted/).click();
    await page.getByRole('checkbox', { name: 'metrics/mAP50B', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'val/box_loss', exact: true }).check();
    await page.getByLabel('X axis').selectOption('rel');
    await page.getByLabel('Y scale').selectOption('log');
    await page.getByLabel('Y range').selectOption('full');
    const slider = page.getByRole('slider', { name: 'Smoothing' });
    await slider.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('smooth')).toBe('0.3');
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(['charts', 'x', 'log', 'outliers'].map((k) => [k, params.get(k)]))).toEqual({
      charts: [MAP, 'metrics/precisionB', 'metrics/recallB', 'val/box_loss'].join(','),
      x: 'rel',
      log: '1',
      outliers: '0',
    });
    await page.reload();
    await page.locator('#charts').scrollIntoViewIfNeeded();
    await page.locator('[data-chart-panels]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-chart-panels] section h3 code').allTextContents()).toEqual([MAP, 'metrics/precisionB', 'metrics/recallB', 'val/box_loss']);
    expect(await page.getByLabel('X axis').inputValue()).toBe('rel');
    expect(await page.getByLabel('Y scale').inputValue()).toBe('log');
    expect(await page.getByLabel('Y range').inputValue()).toBe('full');
    expect(await page.getByRole('slider', { name: 'Smoothing' }).inputValue()).toBe('0.3');
    await expect.poll(() => page.locator(`section[aria-label="Chart of ${MAP}"] g[aria-label^="X-axis"]`).getAttribute('aria-label')).toContain('relative time');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('highlight a run in every panel while its legend entry, or its row in a table, is pointed at', async () => {
    const { page, problems } = await open(experimentPath());
    await panels(page);
    const opacities = (section: string) =>
      page.locator(`${section} path[aria-roledescription="line mark"]`).evaluateAll((paths) => paths.map((p) => [p.getAttribute('aria-label'), p.getAttribute('stroke-opacity')]));
    await page.locator('[data-legend-entry="adamtest"] a').hover();
    for (const metric of [MAP, 'metrics/recallB']) {
      await expect.poll(() => opacities(`section[aria-label="Chart of ${metric}"]`)).toEqual(
        inTableOrder().map((name) => [name, name === 'adamtest' ? '1' : '0.15']),
      );
    }
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await opacities(`section[aria-label="Chart of ${MAP}"]`)).every(([, o]) => o === '1')).toBe(true);
    // A run's row in a table of the page (here the leaderboard) does the same.
    await page.locator('[data-board] tr', { hasText: 'testrun1' }).first().hover();
    await expect.poll(() => opacities(`section[aria-label="Chart of ${MAP}"]`)).toEqual(
      inTableOrder().map((name) => [name, name === 'testrun1' ? '1' : '0.15']),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leave the full-width static charts in place without JavaScript', async () => {
    const { page } = await open(experimentPath(), { javaScript: false });
    const images = page.locator('section[aria-labelledby="charts"] figure.chart img');
    expect(await images.count()).toBeGreaterThanOrEqual(4);
    expect(await images.first().getAttribute('alt')).toContain(MAP);
    expect(await page.locator('[data-chart-panels]').count()).toBe(0);
    await page.close();
  });
});

describe('chart panels of a metric logged once (demo churn experiment)', () => {
  it('draw it as a bar per run in the run’s colour, best first', async () => {
    const demo = inject('sites').demoBase!;
    const demoServed = await serveSite(demo.out, demo.base);
    const snapshot = await readStores(inject('sites').demo!.stores);
    const churn = snapshot.experiments.find((e) => e.name === 'churn-prediction')!;
    const churnRuns = snapshot.runs.filter((r) => r.experimentId === churn.id);
    const styles = runStyles(churnRuns);
    const { page, problems } = await openPage(browser, `${demoServed.url}experiments/${churn.id}/`);
    await page.locator('#charts').scrollIntoViewIfNeeded();
    const chart = page.locator('section[aria-label="Chart of val_auc"]');
    await expect.poll(() => chart.locator('.bars_marks path').count(), { timeout: 15_000 }).toBe(3);
    expect(await chart.locator('h3').textContent()).toContain('logged once per run');
    const best = [...churnRuns].sort((a, b) => (b.metrics.val_auc!.latest.value as number) - (a.metrics.val_auc!.latest.value as number));
    const fills = await chart.locator('.bars_marks path').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    expect(fills).toEqual(best.map((r) => runStyle(styles.get(r.id)!, 'light').color));
    const widths = await chart.locator('.bars_marks path').evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().width));
    expect(widths.every((w) => w > 10)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
    await demoServed.close();
  });
});

describe('compare page charts', () => {
  it('highlight a run while its entry in the chart legend is pointed at', async () => {
    const ids = ['sgdtest3', 'adamaxtest', 'testrun1'].map((n) => named(n).id);
    const { page, problems } = await open(`compare/?runs=${ids.join(',')}`);
    await page.getByRole('heading', { name: 'Charts' }).scrollIntoViewIfNeeded();
    const chart = page.locator(`section[aria-label="History of ${MAP}"]`);
    const label = chart.locator('g.role-legend-label text', { hasText: 'adamaxtest' });
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const opacities = () => chart.locator('path[aria-roledescription="line mark"]').evaluateAll((paths) => paths.map((p) => [p.getAttribute('aria-label'), p.getAttribute('stroke-opacity')]));
    await expect.poll(opacities).toEqual([
      ['sgdtest3', '0.15'],
      ['adamaxtest', '1'],
      ['testrun1', '0.15'],
    ]);
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await opacities()).every(([, o]) => o === '1')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('leaderboard switch', () => {
  it('ranks by mAP50-95 first, re-ranks by another metric on request and keeps the choice in the address', async () => {
    const { page, problems } = await open(experimentPath());
    const heading = page.locator('#leaderboard');
    expect(await heading.textContent()).toContain(MAP);
    const select = page.getByLabel('Rank by');
    await select.selectOption('val/box_loss');
    await expect.poll(() => heading.textContent()).toContain('val/box_loss');
    expect(await heading.textContent()).toContain('lower is better');
    expect(new URL(page.url()).searchParams.get('rank')).toBe('val/box_loss');
    const visible = page.locator('[data-board]:not([hidden])');
    expect(await visible.count()).toBe(1);
    expect(await visible.getAttribute('data-board')).toBe('val/box_loss');
    await page.reload();
    await expect.poll(() => page.locator('[data-board]:not([hidden])').getAttribute('data-board')).toBe('val/box_loss');
    expect(await page.getByLabel('Rank by').inputValue()).toBe('val/box_loss');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the primary board alone without JavaScript', async () => {
    const { page } = await open(experimentPath(), { javaScript: false });
    expect(await page.locator('[data-board]:not([hidden])').getAttribute('data-board')).toBe(MAP);
    expect(await page.getByLabel('Rank by').isVisible()).toBe(false);
    await page.close();
  });
});
