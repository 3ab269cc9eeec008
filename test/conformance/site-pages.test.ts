/**
 * Sites built from the real stores outside the repository, checked in Chromium on every page kind
 * they have: no sideways scroll at phone width and no date or number broken across lines, and no
 * axe-core violation in light or dark mode; artifacts of the stores that logged some are copied
 * and previewed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { load } from '../support/html.ts';
import { axeViolations, openDrawn, PHONE, phoneLayout } from '../support/page-checks.ts';
import { pagesByKind } from '../support/page-kinds.ts';
import { serveSite, type Served } from '../support/serve.ts';
import { tempDir } from '../support/tmp.ts';

const STORES = ['hydro-ml', 'pe-mi-ops', 'tfm1920', 'timeseries'];
const work = tempDir();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(STORES)('the site of %s', (name) => {
  const out = join(work, name);
  let served: Served;
  beforeAll(async () => {
    const result = runCli(['build', '--store', join(SHARED_FIXTURES, 'real', name, 'mlruns'), '--out', out]);
    if (result.status !== 0) throw new Error(`build of ${name} failed: ${result.stderr}`);
    served = await serveSite(out);
  });
  afterAll(async () => {
    await served?.close();
  });

  it('passes every page kind at phone width and through axe in light and dark mode', async () => {
    const failures: string[] = [];
    for (const { kind, path } of pagesByKind(out, { perKind: 1 })) {
      const phone = await openDrawn(browser, served.url + path, { viewport: PHONE });
      const layout = await phoneLayout(phone.page);
      const onPhone = await axeViolations(phone.page);
      await phone.page.close();
      if (layout.scrollWidth > layout.innerWidth || layout.screenshotWidth !== PHONE.width || layout.broken.length > 0) failures.push(`${kind} ${path}: ${JSON.stringify(layout)}`);
      if (onPhone.length > 0) failures.push(`${kind} ${path} (phone): ${JSON.stringify(onPhone)}`);
      for (const dark of [false, true]) {
        const { page } = await openDrawn(browser, served.url + path, { dark });
        const violations = await axeViolations(page);
        await page.close();
        if (violations.length > 0) failures.push(`${kind} ${path} (${dark ? 'dark' : 'light'}): ${JSON.stringify(violations)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('artifacts of real stores', () => {
  it('previews the MLmodel and conda files of tfm1920 and the CSV and JSON of timeseries', () => {
    const tfm = load(join(work, 'tfm1920'), 'runs/019c9d2de361415785f640060afab83c/index.html');
    const mlmodel = tfm('figure.preview-code').filter((_, f) => tfm(f).find('figcaption code').text() === 'RLmodel01/MLmodel');
    expect(mlmodel.find('.tok-k').length).toBeGreaterThan(3);
    const $ = load(join(work, 'timeseries'), 'runs/2ef810fa47af43ec98b2b231a625a2b0/index.html');
    expect($('figure.preview-table thead th').length).toBeGreaterThan(1);
    expect($('figure.preview-code figcaption').text()).toContain('data_stats.json');
    expect(existsSync(join(work, 'timeseries', 'data/artifacts/2ef810fa47af43ec98b2b231a625a2b0/feature_importance.csv'))).toBe(true);
  });
});
