/** Debian's Chromium driven by playwright-core, with the flags this sandbox needs. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: import('playwright-core').Page;
  /** Console errors, uncaught errors and failed responses, as they happen. */
  problems: string[];
}

/** A new page at `url`, recording every console error, page error and HTTP error response. */
export async function openPage(browser: Browser, url: string, options: { javaScript?: boolean; dark?: boolean; width?: number } = {}): Promise<OpenedPage> {
  const page = await browser.newPage({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.dark ? 'dark' : 'light', viewport: { width: options.width ?? 1200, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  await page.goto(url);
  return { page, problems };
}
