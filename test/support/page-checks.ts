/**
 * Checks of a served page in Chromium that every page kind must pass: at phone width nothing
 * scrolls sideways except inside a box of its own (a table's), and no date or number breaks across
 * lines; and axe-core finds no accessibility violation. Pages are loaded until the network is
 * quiet and scrolled to the end, so islands and lazy charts are drawn before anything is measured.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Opened {
  page: Page;
  problems: string[];
}

/** The page at `url`, drawn: network quiet, scrolled to the end and back. */
export async function openDrawn(browser: Browser, url: string, options: { viewport?: { width: number; height: number }; dark?: boolean } = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: options.viewport ?? DESKTOP, colorScheme: options.dark ? 'dark' : 'light' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  await page.goto(url, { waitUntil: 'networkidle' });
  // Scroll in steps: lazy sections load when they come near the viewport.
  await page.evaluate(async () => {
    for (let y = 0; y < document.scrollingElement!.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 60));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => scrollTo(0, 0));
  return { page, problems };
}

export interface PhoneLayout {
  scrollWidth: number;
  innerWidth: number;
  /**
   * The width a full-page screenshot would have (the widest of the document's and body's scroll,
   * offset and client widths, and Chromium's own content size): wider than the viewport when
   * anything sticks out sideways, even where `overflow` hides it from `scrollWidth`.
   */
  screenshotWidth: number;
  /** Dates and numbers drawn on more than one line, with the element they are in. */
  broken: string[];
}

/** The layout of an opened page (at phone width): what scrolls sideways, what wraps mid-token. */
export async function phoneLayout(page: Page): Promise<PhoneLayout> {
  const measured = await page.evaluate(() => {
    const broken: string[] = [];
    // Dates (<time>) and numeric cells (`num` classes, the islands' hashed ones included).
    for (const element of document.querySelectorAll<HTMLElement>('time, td[class*="num"], th[class*="num"]')) {
      if (element.closest('[hidden]') || element.offsetParent === null) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(`${element.tagName.toLowerCase()}.${element.className}: ${JSON.stringify(node.textContent)}`);
      }
    }
    const { body, documentElement: root } = document;
    const pageWidth = Math.max(body.scrollWidth, root.scrollWidth, body.offsetWidth, root.offsetWidth, body.clientWidth, root.clientWidth);
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, broken, pageWidth };
  });
  // Measured, not rasterized: a full-page screenshot of a 10,000 px run page on a loaded CI
  // machine outlived its 30 s timeout, and only its width was ever used.
  const cdp = await page.context().newCDPSession(page);
  const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
  await cdp.detach();
  const { pageWidth, ...rest } = measured;
  return { ...rest, screenshotWidth: Math.max(pageWidth, Math.ceil(cssContentSize.width)) };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's violations on the opened page (WCAG 2.x A and AA rules and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
