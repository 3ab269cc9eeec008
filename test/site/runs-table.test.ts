/**
 * The runs table and the compare page on the test sites of the real stores in the repository
 * (augury, yolo-slash under a base path) and of the demo store (nested runs, a metric and a param
 * both named `lr`), in Chromium: the columns that read the same in every run start hidden and
 * come back in one click, Name stays pinned while the table scrolls
 * sideways, metrics and params of one name are told apart, a view set by hand comes back exactly
 * from the address and from "Copy link", columns are remembered per experiment, groups show
 * statistics equal to ones computed here from the Snapshot, and no page logs an error.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { groupItems, metricStats } from '../../src/lib/analyze/groups.ts';
import type { Run, Snapshot } from '../../src/lib/model.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { formatNumber } from '../../src/lib/site/format.ts';
import { launchChromium } from '../support/browser.ts';
import { serveSite, type Served } from '../support/serve.ts';

const SITES = ['augury', 'yolo', 'demo'] as const;
type Name = (typeof SITES)[number];
const sites = inject('sites');

let browser: Browser;
const served = {} as Record<Name, Served>;
const snapshots = {} as Record<Name, Snapshot>;

beforeAll(async () => {
  browser = await launchChromium();
  for (const name of SITES) {
    const site = sites[name]!;
    served[name] = await serveSite(site.out, site.base);
    snapshots[name] = await readStores(site.stores);
  }
});

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(served)) await s.close();
});

interface Opened {
  page: Page;
  problems: string[];
}

async function open(context: BrowserContext, site: Name, path: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void ((m.type() === 'error' || m.type() === 'warning') && problems.push(m.text())));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  await page.goto(served[site].url + path.replace(/^\//, ''));
  return { page, problems };
}

async function newContext(options: { width?: number; dark?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

const runsOf = (site: Name, experimentId: string): Run[] => snapshots[site].runs.filter((r) => r.experimentId === experimentId && r.lifecycleStage === 'active');
const status = (page: Page) => page.locator('section[aria-label="Runs"] p[aria-live]').first();
const headerLabels = (page: Page) => page.locator('section[aria-label="Runs"] thead th[scope="col"] button > span:first-child').allTextContents();
const loaded = (page: Page, runs: number) => expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${runs} of ${runs} runs`));

describe('runs table on augury (42 runs, 34 params)', () => {
  it('hides User, Git commit, Status and the params the same in every run, lists them and shows one in a click', async () => {
    const context = await newContext();
    const { page, problems } = await open(context, 'augury', 'experiments/0/');
    await loaded(page, 42);
    const headers = await headerLabels(page);
    expect(headers).not.toContain('User');
    expect(headers).not.toContain('Git commit');
    expect(headers).not.toContain('Status');
    expect(headers).toContain('Source');
    const strip = page.getByRole('group', { name: 'Hidden columns' });
    expect(await strip.getByRole('button').first().textContent()).toBe('+ Show Status (finished in every run)');
    await strip.getByRole('button', { name: 'Show User (root in every run)' }).click();
    await expect.poll(() => headerLabels(page)).toContain('User');
    const userCells = page.locator('section[aria-label="Runs"] tbody td:nth-child(' + String((await headerLabels(page)).indexOf('User') + 2) + ')');
    expect(new Set(await userCells.allTextContents())).toEqual(new Set(['root']));
    expect(await strip.getByRole('button', { name: /^Show User/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the checkbox and Name in place while the table scrolls sideways', async () => {
    const context = await newContext();
    const { page, problems } = await open(context, 'augury', 'experiments/0/');
    await loaded(page, 42);
    const scroller = page.getByRole('region', { name: 'Runs table (scrolls)' });
    const row = page.locator('section[aria-label="Runs"] tbody tr:not([aria-hidden])').first();
    const boxes = async () => ({
      check: await row.locator('td').nth(0).boundingBox(),
      name: await row.locator('td').nth(1).boundingBox(),
      third: await row.locator('td').nth(3).boundingBox(),
      header: await page.locator('section[aria-label="Runs"] thead th[data-column="run:name"]').boundingBox(),
    });
    await scroller.scrollIntoViewIfNeeded();
    const before = await boxes();
    const room = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(room).toBeGreaterThan(300);
    await scroller.evaluate((el) => {
      el.scrollLeft = 300;
    });
    await expect.poll(async () => (await row.locator('td').nth(3).boundingBox())!.x).toBeLessThan(before.third!.x - 250);
    const after = await boxes();
    expect(after.check!.x).toBeCloseTo(before.check!.x, 0);
    expect(after.name!.x).toBeCloseTo(before.name!.x, 0);
    expect(after.header!.x).toBeCloseTo(before.header!.x, 0);
    // The pinned Name cell covers what scrolls under it: what is at its centre is the name itself.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('td')?.cellIndex, { x: after.name!.x + after.name!.width / 2, y: after.name!.y + after.name!.height / 2 });
    expect(hit).toBe(1);
    // The group over the columns in view keeps its name readable beside the pinned ones.
    const group = page.locator('section[aria-label="Runs"] thead th[scope="colgroup"]', { hasText: 'Params' });
    // Scroll so the Params columns start 50 px under the pinned ones.
    await group.evaluate((th, pinned) => {
      const scroller = th.closest('[role="region"]') as HTMLElement;
      scroller.scrollLeft = (th as HTMLElement).offsetLeft - pinned + 50;
    }, after.name!.x + after.name!.width - (await scroller.boundingBox())!.x);
    await expect.poll(async () => (await group.boundingBox())!.x).toBeLessThan(after.name!.x + after.name!.width);
    const params = (await group.locator('span').boundingBox())!;
    expect(params.x).toBeGreaterThanOrEqual(after.name!.x + after.name!.width);
    expect(params.x).toBeLessThan(after.name!.x + after.name!.width + 20);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('groups by params.model with count, mean ± std and min – max equal to the Snapshot\'s', async () => {
    const context = await newContext();
    const { page, problems } = await open(context, 'augury', 'experiments/0/');
    await loaded(page, 42);
    await page.getByLabel('Group by').selectOption('params.model');
    const runs = runsOf('augury', '0');
    const expected = groupItems(runs, (r) => r.params.model ?? null);
    await expect.poll(() => status(page).textContent()).toBe(`42 of 42 runs in ${expected.length} groups`);
    const groupRows = page.locator('section[aria-label="Runs"] tbody tr[class*="groupRow"]');
    const column = (await headerLabels(page)).indexOf('match_accuracy') + 2;
    for (const [g, group] of expected.entries()) {
      const row = groupRows.nth(g);
      const values = group.members.map((r) => r.metrics.match_accuracy?.latest.value ?? null);
      const finite = values.filter((v): v is number => typeof v === 'number');
      const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
      const std = Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (finite.length - 1));
      const label = group.value === null ? 'model not set' : `model = ${group.value}`;
      expect(await row.locator('td').nth(1).textContent()).toBe(`▾${group.members.length}${label}`);
      const title = (await row.locator(`td:nth-child(${column})`).getAttribute('title'))!;
      expect(title).toContain(`mean ${formatNumber(mean, 6)}`);
      if (finite.length > 1) expect(title).toContain(`± ${formatNumber(std, 6)} (sample std)`);
      expect(title).toContain(`min ${formatNumber(Math.min(...finite), 6)}, max ${formatNumber(Math.max(...finite), 6)}`);
      expect(metricStats(values).count).toBe(finite.length);
      // Folding a group brings the next group's header row into the rendered window.
      await row.getByRole('button', { name: new RegExp(`of ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
      await expect.poll(() => row.getByRole('button').first().getAttribute('aria-expanded')).toBe('false');
    }
    expect(await groupRows.count()).toBe(expected.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('one status badge', () => {
  it("spells each run's status in the runs table as its run page does", async () => {
    const context = await newContext();
    const experiment = snapshots.demo.experiments.find((e) => e.name === 'cifar10-resnet')!;
    const runs = runsOf('demo', experiment.id).filter((r) => r.parentId === undefined);
    expect(new Set(runs.map((r) => r.status)).size).toBeGreaterThan(1);
    const { page, problems } = await open(context, 'demo', `experiments/${experiment.id}/`);
    await loaded(page, runsOf('demo', experiment.id).length);
    const badge = (element: Element) => `${element.className} ${element.textContent}`;
    const rows = page.locator('section[aria-label="Runs"] tbody tr:not([aria-hidden])');
    const table = new Map<string, string>();
    for (const row of await rows.all()) {
      const name = (await row.locator('td').nth(1).locator('a').first().textContent())!.trim();
      table.set(name, await row.locator('span.status').evaluate(badge));
    }
    for (const run of runs.slice(0, 6)) {
      expect(table.get(run.name)).toBe(`status status-${run.status.toLowerCase()} ${run.status.toLowerCase()}`);
      const { page: runPage } = await open(context, 'demo', `runs/${run.id}/`);
      expect(await runPage.locator('main span.status').first().evaluate(badge)).toBe(table.get(run.name));
      await runPage.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the runs table view in the address', () => {
  it('comes back exactly after a reload: filter, order, grouping, hidden and resized columns, expanded parents; Copy link gives the same view', async () => {
    const context = await newContext();
    const experiment = snapshots.demo.experiments.find((e) => e.name === 'cifar10-resnet')!;
    const runs = runsOf('demo', experiment.id);
    const parent = runs.find((r) => runs.some((c) => c.parentId === r.id))!;
    const { page, problems } = await open(context, 'demo', `experiments/${experiment.id}/`);
    await loaded(page, runs.length);
    const toggle = page.getByRole('button', { name: new RegExp(`child runs? of ${parent.name}$`) });
    await toggle.click();
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('checkbox', { name: /^Duration/ }).uncheck();
    await page.getByRole('checkbox', { name: /^epochs/ }).check();
    // The metric lr ranks low (a schedule, not a result): show it beside the param of the same name.
    await page.getByRole('group', { name: /^Metrics/ }).getByRole('checkbox', { name: /^lr$/ }).check();
    await page.keyboard.press('Escape');
    // A metric and a param both named lr, told apart by their group headers and titles.
    expect(await page.locator('section[aria-label="Runs"] thead th[data-column="metric:lr"] button').getAttribute('title')).toBe('metrics.lr');
    expect(await page.locator('section[aria-label="Runs"] thead th[data-column="param:lr"] button').getAttribute('title')).toBe('params.lr');
    const handle = page.getByRole('separator', { name: 'Width of val/loss (Metrics), rem' });
    await handle.focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBe(8.5 + 2);
    await page.getByRole('button', { name: /^val\/loss/ }).click();
    await page.getByRole('button', { name: /^val\/loss/ }).click();
    await expect.poll(() => page.url()).toContain('sort=-metrics.val/loss');
    await page.getByRole('searchbox', { name: 'Filter' }).fill("params.model LIKE 'resnet%'");
    await page.getByLabel('Group by').selectOption('params.model');
    await expect.poll(() => status(page).textContent()).toMatch(/ in \d+ groups?$/);
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('params.model');
    const view = async () => ({
      filter: await page.getByRole('searchbox', { name: 'Filter' }).inputValue(),
      group: await page.getByLabel('Group by').inputValue(),
      status: await status(page).textContent(),
      headers: await headerLabels(page),
      sorted: await page.locator('section[aria-label="Runs"] th[aria-sort]').getAttribute('aria-sort'),
      width: await page.getByRole('separator', { name: /^Width of val\/loss/ }).getAttribute('aria-valuenow'),
      names: await page.locator('section[aria-label="Runs"] tbody td:nth-child(2) a').allTextContents(),
    });
    const set = await view();
    expect(set.headers).toContain('epochs');
    expect(set.headers).not.toContain('Duration');
    expect(set.sorted).toBe('descending');
    await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toContain('metrics.val/loss~10.5');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByText('Link to this view copied.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    await page.reload();
    await expect.poll(() => view(), { timeout: 20_000 }).toEqual(set);

    await page.getByLabel('Group by').selectOption('');
    await page.getByRole('searchbox', { name: 'Filter' }).fill('');
    await page.getByRole('button', { name: 'Default order' }).click();
    await expect.poll(() => page.url()).not.toContain('sort=');
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`child runs? of ${parent.name}$`) }).getAttribute('aria-expanded')).toBe('true');

    // A fresh browser (no memory of this site) given the copied link sees the same view.
    const other = await newContext();
    const shared = await other.newPage();
    await shared.goto(copied);
    await expect.poll(() => status(shared).textContent(), { timeout: 20_000 }).toBe(set.status);
    expect(await headerLabels(shared)).toEqual(set.headers);
    expect(await shared.locator('section[aria-label="Runs"] tbody td:nth-child(2) a').allTextContents()).toEqual(set.names);
    expect(await shared.locator('section[aria-label="Runs"] th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await other.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('restores filter and grouping from a typed address under a base path, and writes back what it read', async () => {
    const context = await newContext();
    const experiment = snapshots.yolo.experiments.find((e) => runsOf('yolo', e.id).length > 1)!;
    const runs = runsOf('yolo', experiment.id);
    const filter = "params.optimizer != 'x'";
    const { page, problems } = await open(context, 'yolo', `experiments/${experiment.id}/?filter=${encodeURIComponent(filter)}&group=params.model`);
    await expect.poll(() => page.getByRole('searchbox', { name: 'Filter' }).inputValue(), { timeout: 20_000 }).toBe(filter);
    expect(await page.getByLabel('Group by').inputValue()).toBe('params.model');
    const groups = groupItems(runs, (r) => r.params.model ?? null);
    await expect.poll(() => status(page).textContent()).toBe(`${runs.length} of ${runs.length} runs in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`);
    expect(new URL(page.url()).pathname).toBe(`/sub/experiments/${experiment.id}/`);
    expect(new URL(page.url()).searchParams.get('filter')).toBe(filter);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('remembers column choices per experiment, and lets the address win over the memory', async () => {
    const context = await newContext();
    const [cifar, churn] = ['cifar10-resnet', 'churn-prediction'].map((name) => snapshots.demo.experiments.find((e) => e.name === name)!);
    const count = (e: typeof cifar) => runsOf('demo', e!.id).length;
    const { page, problems } = await open(context, 'demo', `experiments/${cifar!.id}/`);
    await loaded(page, count(cifar));
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('checkbox', { name: /^Start/ }).uncheck();
    await page.keyboard.press('Escape');
    const chosen = await headerLabels(page);
    expect(chosen).not.toContain('Start (UTC)');

    const again = await open(context, 'demo', `experiments/${cifar!.id}/`);
    await loaded(again.page, count(cifar));
    expect(await headerLabels(again.page)).toEqual(chosen);
    const otherExperiment = await open(context, 'demo', `experiments/${churn!.id}/`);
    await loaded(otherExperiment.page, count(churn));
    expect(await headerLabels(otherExperiment.page)).toContain('Start (UTC)');

    const linked = await open(context, 'demo', `experiments/${cifar!.id}/?cols=metrics.val/loss,attributes.start`);
    await loaded(linked.page, count(cifar));
    expect(await headerLabels(linked.page)).toEqual(['Name', 'val/loss', 'Start (UTC)']);
    // Opening a link does not overwrite one's own choice.
    const later = await open(context, 'demo', `experiments/${cifar!.id}/`);
    await loaded(later.page, count(cifar));
    expect(await headerLabels(later.page)).toEqual(chosen);
    expect([...problems, ...again.problems, ...otherExperiment.problems, ...linked.problems, ...later.problems]).toEqual([]);
    await context.close();
  });
});

describe('compare page view in the address', () => {
  it('restores differences-only and group-by, with group statistics equal to the Snapshot\'s', async () => {
    const context = await newContext();
    const runs = runsOf('augury', '0').slice(0, 6);
    const ids = runs.map((r) => r.id);
    const { page, problems } = await open(context, 'augury', `compare/?runs=${ids.join(',')}`);
    await expect.poll(() => page.locator('table').first().locator('thead').textContent(), { timeout: 15_000 }).toContain(runs[5]!.name);
    await page.getByLabel(/differences only/i).check();
    await page.getByLabel('Group by').selectOption('params.model');
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('params.model');
    await expect.poll(() => new URL(page.url()).searchParams.get('diff')).toBe('1');
    await page.reload();
    await expect.poll(() => page.getByLabel(/differences only/i).isChecked(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByLabel('Group by').inputValue()).toBe('params.model');
    const groups = groupItems(runs, (r) => r.params.model ?? null);
    const table = page.getByRole('table', { name: /grouped by params\.model/ });
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(groups.map((g) => `${g.value === null ? 'model not set' : `model = ${g.value}`}${g.members.length} ${g.members.length === 1 ? 'run' : 'runs'}`));
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: /^match_accuracy$/ }) });
    const titles = await row.locator('td').evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''));
    groups.forEach((g, i) => {
      const stats = metricStats(g.members.map((r) => r.metrics.match_accuracy?.latest.value ?? null));
      expect(titles[i]).toContain(`mean ${formatNumber(stats.mean!, 6)}`);
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('numbers on the compare page', () => {
  it('shows 28 runs\' 17-digit metrics on one line each, the exact value in the title and in the CSV download', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const runs = runsOf('augury', '0').slice(0, 28);
    const { page, problems } = await open(context, 'augury', `compare/?runs=${runs.map((r) => r.id).join(',')}`);
    const table = page.locator('table').first();
    await expect.poll(() => table.locator('thead th').count(), { timeout: 20_000 }).toBe(28);
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: /^match_accuracy$/ }) });
    const cells = await row.locator('td').evaluateAll((tds) =>
      tds.map((td) => {
        const text = [...td.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        const range = document.createRange();
        if (text) range.selectNodeContents(text);
        return { text: text?.textContent ?? '', lines: text ? range.getClientRects().length : 0, title: td.getAttribute('title') };
      }),
    );
    const values = runs.map((r) => r.metrics.match_accuracy?.latest.value);
    expect(values.some((v) => typeof v === 'number' && String(v).length >= 17)).toBe(true);
    cells.forEach((cell, i) => {
      const value = values[i];
      if (typeof value !== 'number') return;
      expect(cell.lines).toBe(1);
      expect(cell.text.replace(/\D/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(8);
      expect(cell.title ?? String(value)).toBe(String(value));
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n').map((line) => line.split(','));
    const exported = csv.find((r) => r[0] === 'metrics' && r[1] === 'match_accuracy')!;
    expect(exported.slice(2)).toEqual(values.map((v) => (v === undefined ? '' : String(v))));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('phone width and dark mode', () => {
  it('keeps the table inside its own box at 390 px, Name pinned, with no errors', async () => {
    const context = await newContext({ width: 390, dark: true });
    const { page, problems } = await open(context, 'augury', 'experiments/0/');
    await loaded(page, 42);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pinned = await page.locator('section[aria-label="Runs"] tbody td:nth-child(2)').first().evaluate((el) => getComputedStyle(el).position);
    expect(pinned).toBe('sticky');
    const background = await page.locator('section[aria-label="Runs"] tbody td:nth-child(2)').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
