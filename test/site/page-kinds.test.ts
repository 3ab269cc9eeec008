/**
 * Every page kind (home, experiment, run, compare, static comparison, model, report, page not
 * found) in Chromium, on the demo site and on YOLO's store (keys with `/`, 105 params):
 * - at phone width (390 px) no page scrolls sideways, except inside a table's own box (which
 *   then takes keyboard focus), no date or number breaks across lines, the full-page screenshot
 *   is as wide as the phone, and axe-core finds no violation;
 * - axe-core finds no violation, in light and in dark mode.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { launchChromium } from '../support/browser.ts';
import { axeViolations, openDrawn, PHONE, phoneLayout } from '../support/page-checks.ts';
import { pagesByKind } from '../support/page-kinds.ts';
import { serveSite, type Served } from '../support/serve.ts';

const sites = inject('sites');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const demoRuns = (await readStores(sites.demo!.stores)).runs.filter((r) => r.lifecycleStage === 'active').slice(0, 4).map((r) => r.id);

describe.each([
  { name: 'demo', site: sites.demo!, compareRuns: demoRuns, kinds: ['compare', 'experiment', 'home', 'model', 'not-found', 'report', 'run', 'static-compare'] },
  { name: 'yolo', site: sites.yolo!, compareRuns: undefined, kinds: ['compare', 'experiment', 'home', 'not-found', 'run'] },
])('the $name site', ({ site, compareRuns, kinds }) => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSite(site.out, site.base);
  });
  afterAll(async () => {
    await served?.close();
  });

  const pages = pagesByKind(site.out, { compareRuns });

  it('has the page kinds checked here', () => {
    expect([...new Set(pages.map((p) => p.kind))]).toEqual(kinds);
  });

  it.each(pages)('$kind page $path at phone width: no sideways scroll, no date or number broken, no axe violation', async ({ path }) => {
    const { page, problems } = await openDrawn(browser, served.url + path, { viewport: PHONE });
    const layout = await phoneLayout(page);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.screenshotWidth).toBe(PHONE.width);
    expect(layout.broken).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await page.close();
  });

  const firstOfKind = pages.filter((p, i) => pages.findIndex((q) => q.kind === p.kind) === i);
  it.each(firstOfKind.flatMap((p) => [{ ...p, theme: 'light' }, { ...p, theme: 'dark' }]))('$kind page $path, $theme: axe-core finds no violation', async ({ path, theme }) => {
    const { page } = await openDrawn(browser, served.url + path, { dark: theme === 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
