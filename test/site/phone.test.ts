/**
 * Every page kind at phone width (390 px) in Chromium, on the demo site and on YOLO's store (keys
 * with `/`, 105 params): no page scrolls sideways, except inside a table's own box; no date or
 * number breaks across lines; the full-page screenshot is as wide as the phone.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/cli.ts';
import { openDrawn, PHONE, phoneLayout } from '../support/page-checks.ts';
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

const demoRuns = (await readStores([join(ROOT, 'content/mlruns')])).runs.filter((r) => r.lifecycleStage === 'active').slice(0, 4).map((r) => r.id);

describe.each([
  ['demo', sites.demo!, demoRuns],
  ['yolo', sites.yolo!, undefined],
])('the %s site at phone width', (_, site, compareRuns) => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSite(site.out, site.base);
  });
  afterAll(async () => {
    await served?.close();
  });

  it.each(pagesByKind(site.out, { compareRuns }))('$kind page $path: no sideways scroll, no date or number broken', async ({ path }) => {
    const { page, problems } = await openDrawn(browser, served.url + path, { viewport: PHONE });
    const layout = await phoneLayout(page);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.screenshotWidth).toBe(PHONE.width);
    expect(layout.broken).toEqual([]);
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await page.close();
  });
});
