/**
 * A report written to attack the site (test/support/hostile-report.ts), published on the hostile
 * site over the hostile store: the built page shows all of it as text, in tables, values and SVG
 * alike, and runs nothing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { XSS } from '../support/hostile-store.ts';
import { load } from '../support/html.ts';
import { serveSite } from '../support/serve.ts';

const out = inject('sites').hostile!.out;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a hostile report over a hostile store', () => {
  it('has no element, attribute or URL that came from its text: no script of its own, no handlers', () => {
    const $ = load(out, 'reports/attack/index.html');
    $('script').each((_, el) => expect($(el).html() ?? '').not.toMatch(/alert/));
    expect($('img, iframe, b').length).toBe(0);
    $('*').each((_, el) => {
      for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
        expect(name.startsWith('on'), `<${(el as { name: string }).name} ${name}>`).toBe(false);
        if (['href', 'src', 'xlink:href'].includes(name)) expect(value.trim().toLowerCase().startsWith('javascript:'), `${name}=${value}`).toBe(false);
      }
    });
  });

  it('shows every hostile text as text: front matter, headings, captions, cells, values and links', () => {
    const $ = load(out, 'reports/attack/index.html');
    expect($('h1').text()).toBe('<script>alert("title")</script>');
    expect($('.report-meta .pill').text()).toBe('</span><script>alert("tag")</script>');
    expect($('.lede').text()).toContain('<b onmouseover=alert(1)>eve</b>');
    expect($('.report-body h2').first().text()).toContain('<img src=x onerror=alert("heading")> results');
    expect($('.report-body').text()).toContain('<script>alert("raw")</script>');
    expect($('table.leaderboard caption').text()).toBe('<img src=x onerror=alert("caption")>');
    expect($('table.leaderboard thead').text()).toContain(XSS.paramKey);
    expect($('table.leaderboard tbody').text()).toContain(XSS.paramValue);
    expect($('table.leaderboard tbody').text()).toContain(XSS.run);
    expect($('.embed-diff').text()).toContain(XSS.tagValue);
    expect($('figure.history figcaption').text()).toBe('</figcaption><script>alert("chart")</script>');
    expect($('a.cited-value').text()).toBe(XSS.paramValue);
    expect($('.cited-link a').first().text()).toBe("<script>alert('link')</script>");
    expect($('.cited-link a').last().text()).toBe(XSS.model);
  });

  it('draws hostile names into SVG as escaped text, never as markup', () => {
    const $ = load(out, 'reports/attack/index.html');
    const svgs = $('figure.report-chart svg');
    expect(svgs.length).toBe(4);
    expect(svgs.find('script, foreignObject, image, a').length).toBe(0);
    const texts = $('figure.history .chart-light svg text').map((_, t) => $(t).text()).get();
    expect(texts).toEqual(expect.arrayContaining([XSS.metric, XSS.run]));
  });

  it('runs nothing in Chromium, the interactive chart included', async () => {
    const served = await serveSite(out, '/');
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${served.url}reports/attack/`);
    const chart = page.locator('figure.report-chart.history');
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('fieldset').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => chart.locator('canvas, [class*="plot"] svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.mouse.move(300, 300);
    expect(dialogs).toEqual([]);
    await page.close();
    await served.close();
  });
});
