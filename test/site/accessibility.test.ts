/**
 * axe-core in Chromium on every page kind of the demo site (home, experiment, run, compare,
 * static comparison, model, report, page not found) and of YOLO's store, in light and dark
 * mode: no violations.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/cli.ts';
import { axeViolations, openDrawn } from '../support/page-checks.ts';
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

const demoRuns = (await readStores([join(ROOT, 'content/mlruns')])).runs.filter((r) => r.lifecycleStage === 'active').slice(0, 3).map((r) => r.id);

describe.each([
  ['demo', sites.demo!, demoRuns],
  ['yolo', sites.yolo!, undefined],
])('axe-core on the %s site', (_, site, compareRuns) => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSite(site.out, site.base);
  });
  afterAll(async () => {
    await served?.close();
  });

  const pages = pagesByKind(site.out, { perKind: 1, compareRuns });
  it.each(pages.flatMap((p) => [{ ...p, theme: 'light' }, { ...p, theme: 'dark' }]))('$kind page $path, $theme: no violations', async ({ path, theme }) => {
    const { page } = await openDrawn(browser, served.url + path, { dark: theme === 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('covers every page kind', () => {
    expect(new Set(pages.map((p) => p.kind))).toEqual(new Set(site === sites.demo ? ['home', 'experiment', 'run', 'compare', 'static-compare', 'model', 'report', 'not-found'] : ['home', 'experiment', 'run', 'compare', 'not-found']));
  });
});
