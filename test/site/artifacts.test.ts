/**
 * Artifacts on a site built by the real `runfolio build` from a store that logged every kind
 * (test/support/artifact-store.ts): run-page previews as HTML without JavaScript, the static
 * comparison side by side, and in Chromium: no artifact script runs, images draw, and the compare
 * page shows same-named artifacts side by side.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { ARTIFACT_SECRETS, CSV, HTML_REPORT, RUN_A, RUN_B, writeArtifactStore, XSS_NAME } from '../support/artifact-store.ts';
import { load } from '../support/html.ts';
import { axeViolations, openDrawn, PHONE, phoneLayout } from '../support/page-checks.ts';
import { serveSite, type Served } from '../support/serve.ts';
import { tempDir } from '../support/tmp.ts';

const dir = tempDir();
const out = join(dir, 'site');
const runPage = `runs/${RUN_A}/index.html`;
const comparePage = `compare/${RUN_A}..${RUN_B}/index.html`;

beforeAll(() => {
  const store = writeArtifactStore(join(dir, 'mlruns'));
  const result = runCli(['build', '--store', store, '--out', out, '--compare', `${RUN_A},${RUN_B}`]);
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
});

describe('a run page with artifacts, without JavaScript', () => {
  const $ = () => load(out, runPage);
  const row = (path: string) => $()('table.artifacts tbody tr').filter((_, tr) => $()(tr).find('td').first().text() === path);

  it('lists every artifact with its size', () => {
    const paths = $()('table.artifacts tbody tr td:first-child').map((_, td) => $()(td).text()).get();
    expect(paths).toEqual(['args.yaml', 'big/weights.bin', 'config.json', 'estimator.html', 'metrics.csv', 'model/MLmodel', 'model/model.pkl', 'model/requirements.txt', `notes/${XSS_NAME}`, 'notes/long log.txt', 'plots/confusion_matrix.png', 'plots/curve.svg']);
    expect(row('big/weights.bin').find('td.num').text()).toBe('3.0 MB');
  });

  it('lists an artifact over the budget with its size and why it was not copied, and no link', () => {
    expect(row('big/weights.bin').find('td').last().text()).toBe('larger than the 2.0 MB a copied file may have (--artifacts-budget)');
    expect(row('big/weights.bin').find('a')).toHaveLength(0);
    expect(existsSync(join(out, 'data/artifacts', RUN_A, 'big'))).toBe(false);
  });

  it('shows an image inline from its copy', () => {
    const img = $()('figure.preview-image img');
    expect(img.attr('src')).toBe(`/data/artifacts/${RUN_A}/plots/confusion_matrix.png`);
    expect(img.attr('alt')).toBe('Artifact plots/confusion_matrix.png');
  });

  it('shows an SVG only through <img> from a data: URL, never as markup of the page', () => {
    const img = $()('figure.preview-svg img');
    expect(img.attr('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect($()('main svg')).toHaveLength(0);
    expect(readFileSync(join(out, runPage), 'utf8')).not.toContain('__svgRan');
  });

  it('never inlines an HTML artifact: it is a download stored as .bin', () => {
    const link = row('estimator.html').find('a');
    expect(link.attr('href')).toBe(`/data/artifacts/${RUN_A}/estimator.html.bin`);
    expect(link.attr('download')).toBe('estimator.html');
    expect(row('estimator.html').find('td').last().text()).toBe('download only: HTML is never shown on the site');
    const html = readFileSync(join(out, runPage), 'utf8');
    expect(html).not.toContain('<h1>Estimator</h1>');
    expect(html).not.toContain('__htmlRan');
    expect($()('iframe, object, embed')).toHaveLength(0);
    expect(readFileSync(join(out, 'data/artifacts', RUN_A, 'estimator.html.bin'), 'utf8')).toBe(HTML_REPORT);
  });

  it('highlights YAML, JSON and MLmodel files at build time', () => {
    const figure = (path: string) => $()('figure.preview-code').filter((_, f) => $()(f).find('figcaption code').text() === path);
    const mlmodel = figure('model/MLmodel');
    expect(mlmodel.find('.tok-k').map((_, el) => $()(el).text()).get()).toEqual(['artifact_path', 'flavors', 'python_function', 'loader_module', 'python_version', 'mlflow_version', 'model_size_bytes']);
    expect(mlmodel.find('.tok-n').text()).toBe('1024');
    expect(figure('config.json').find('.tok-k').first().text()).toBe('"lr"');
    expect(figure('args.yaml').find('.tok-c').text()).toBe('# with momentum');
    expect(figure('model/requirements.txt').find('pre').text()).toBe('mlflow==2.9.2\nscikit-learn==1.4.0');
  });

  it('shows the first lines of a long text and says how many there are', () => {
    const figure = $()('figure.preview-code').filter((_, f) => $()(f).find('figcaption code').text() === 'notes/long log.txt');
    expect(figure.find('pre').text().split('\n')).toHaveLength(200);
    expect(figure.find('.artifact-note').text()).toBe('First 200 of 450 lines.');
  });

  it('shows a CSV file as a table of its first rows', () => {
    const table = $()('figure.preview-table table');
    expect(table.find('thead th').map((_, th) => $()(th).text()).get()).toEqual(['epoch', 'train/loss', 'val, loss']);
    expect(table.find('tbody tr').map((_, tr) => $()(tr).find('td').map((__, td) => $()(td).text()).get().join('|')).get()).toEqual(['1|0.9|0.95', '2|0.5|0.61', '3|0.3|0.42']);
    expect(readFileSync(join(out, 'data/artifacts', RUN_A, 'metrics.csv'), 'utf8')).toBe(CSV);
  });

  it('shows a file name that is markup as text, its content as text, and stores it under a safe name', () => {
    const link = row(`notes/${XSS_NAME}`).find('td').first().find('a');
    expect(link.text()).toBe(`notes/${XSS_NAME}`);
    expect(link.attr('href')).toMatch(new RegExp(`^/data/artifacts/${RUN_A}/notes/img-src-x-onerror-alert-1-[0-9a-f]{8}\\.txt$`));
    expect($()('img[onerror]')).toHaveLength(0);
    expect($()('script').filter((_, el) => $()(el).html()?.includes('alert') ?? false)).toHaveLength(0);
    const figure = $()('figure.preview-code').filter((_, f) => $()(f).find('figcaption code').text() === `notes/${XSS_NAME}`);
    expect(figure.find('pre').text()).toBe('<script>alert("content")</script>');
    expect(existsSync(join(out, link.attr('href')!))).toBe(true);
  });

  it('publishes no secret from an artifact, on the page or in the copies', () => {
    const html = readFileSync(join(out, runPage), 'utf8');
    const copies = ['config.json', 'args.yaml'].map((f) => readFileSync(join(out, 'data/artifacts', RUN_A, f), 'utf8')).join('');
    for (const secret of Object.values(ARTIFACT_SECRETS)) {
      expect(html).not.toContain(secret);
      expect(copies).not.toContain(secret);
    }
  });
});

describe('a static comparison of runs with same-named artifacts', () => {
  it('shows each shared path with one cell per run, side by side', () => {
    const $ = load(out, comparePage);
    const rows = $('.artifact-compare');
    expect(rows.map((_, r) => $(r).find('h3').text()).get()).toEqual(['metrics.csv', 'model/MLmodel', 'plots/confusion_matrix.png']);
    rows.each((_, r) => void expect($(r).find('figure.artifact')).toHaveLength(2));
    const images = $(rows.get(2)).find('img').map((_, img) => $(img).attr('src')).get();
    expect(images).toEqual([`/data/artifacts/${RUN_A}/plots/confusion_matrix.png`, `/data/artifacts/${RUN_B}/plots/confusion_matrix.png`]);
    expect($(rows.get(1)).find('.tok-n').map((_, n) => $(n).text()).get()).toEqual(['1024', '2048']);
  });
});

describe('artifacts in Chromium', () => {
  let browser: Browser;
  let served: Served;
  beforeAll(async () => {
    [browser, served] = await Promise.all([launchChromium(), serveSite(out)]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('draws the image and the SVG, and runs no script from an artifact', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}runs/${RUN_A}/`);
    const drawn = async (selector: string) => page.locator(selector).evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    await page.locator('figure.preview-svg img').scrollIntoViewIfNeeded();
    expect(await drawn('figure.preview-image img')).toBe(12);
    expect(await drawn('figure.preview-svg img')).toBe(40);
    expect(await page.evaluate(() => [(window as { __svgRan?: boolean }).__svgRan, (window as { __htmlRan?: boolean }).__htmlRan])).toEqual([undefined, undefined]);
    await page.close();
  });

  it('shows same-named artifacts side by side on the compare page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${served.url}compare/?runs=${RUN_A},${RUN_B}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Artifacts', exact: true }) });
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => section.locator('.artifact-compare h3').allTextContents()).toEqual(['metrics.csv', 'model/MLmodel', 'plots/confusion_matrix.png']);
    await expect.poll(() => section.locator('table.csv').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => section.locator('pre.code .tok-n').allTextContents()).toEqual(['1024', '2048']);
    expect(await section.locator('.artifact-compare').nth(2).locator('img').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([`runs/${RUN_A}/`, `compare/${RUN_A}..${RUN_B}/`, `compare/?runs=${RUN_A},${RUN_B}`])('%s: axe finds nothing in light or dark mode, and a phone does not scroll sideways', async (path) => {
    for (const dark of [false, true]) {
      const { page } = await openDrawn(browser, served.url + path, { dark });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
    const { page } = await openDrawn(browser, served.url + path, { viewport: PHONE });
    const layout = await phoneLayout(page);
    expect([layout.scrollWidth, layout.screenshotWidth, layout.broken]).toEqual([PHONE.width, PHONE.width, []]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
