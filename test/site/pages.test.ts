/**
 * Built sites checked as files: every page present, every internal link and asset resolving
 * under the site's base path, tables that are tables, and two builds of the same input identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { safeSegment } from '../../src/lib/site/slugs.ts';
import type { Snapshot } from '../../src/lib/model.ts';
import { ROOT } from '../support/fixtures.ts';
import { htmlPages, load, references, targetFile } from '../support/html.ts';

const sites = inject('sites');

/** Data-file URLs inside island props (Astro serializes props as JSON in an attribute). */
function islandUrls(props: string, base: string): string[] {
  return [...props.matchAll(/"((?:\\\/|\/)[^"]*?data\\?\/[^"]+?)"/g)].map((m) => (m[1] as string).replaceAll('\\/', '/')).filter((u) => u.startsWith(base));
}

describe.each(Object.keys(sites))('site %s', (name) => {
  const site = sites[name]!;
  const pages = htmlPages(site.out);

  it('has a home page, a 404 page and .nojekyll for GitHub Pages', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(readFileSync(join(site.out, '.nojekyll'), 'utf8')).toBe('');
  });

  it('resolves every internal link, script, style, image and island data URL to a file', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const $ = load(site.out, page);
      const urls = references($);
      $('astro-island[props]').each((_, el) => void urls.push(...islandUrls($(el).attr('props') ?? '', site.base)));
      for (const url of urls) {
        const file = targetFile(site.out, page, url.split('?')[0]!.split('#')[0]!, site.base);
        if (file === undefined) continue;
        checked += 1;
        try {
          readFileSync(file);
        } catch {
          missing.push(`${page} → ${url}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });

  it('prefixes every root-relative URL with the base path', () => {
    for (const page of pages.slice(0, 40)) {
      const $ = load(site.out, page);
      for (const url of references($)) if (url.startsWith('/')) expect(url.startsWith(site.base), `${page}: ${url}`).toBe(true);
    }
  });

  it('uses real tables with column headers', () => {
    for (const page of pages.slice(0, 40)) {
      const $ = load(site.out, page);
      $('table').each((_, table) => void expect($(table).find('th').length, page).toBeGreaterThan(0));
    }
  });
});

describe('site demo: pages for what the store holds', () => {
  const site = sites.demo!;
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await readStores(site.stores);
  });

  it('has a page per active run of an active experiment, and none for deleted ones', () => {
    const active = new Set(snapshot.experiments.filter((e) => e.lifecycleStage === 'active').map((e) => e.id));
    const published = snapshot.runs.filter((r) => r.lifecycleStage === 'active' && active.has(r.experimentId));
    const pages = fg.sync('runs/*/index.html', { cwd: site.out }).map((p) => p.split('/')[1]).sort();
    expect(pages).toEqual(published.map((r) => safeSegment(r.id)).sort());
    expect(snapshot.runs.length).toBeGreaterThan(published.length);
  });

  it('has a page per active experiment, registered model and published report, and the reports index', () => {
    const experiments = fg.sync('experiments/*/index.html', { cwd: site.out }).length;
    expect(experiments).toBe(snapshot.experiments.filter((e) => e.lifecycleStage === 'active').length);
    for (const model of snapshot.models) expect(fg.sync(`models/${safeSegment(model.name)}/index.html`, { cwd: site.out })).toHaveLength(1);
    const published = fg.sync('reports/*.md', { cwd: join(ROOT, 'content') }).filter((file) => !/^draft: true$/m.test(readFileSync(join(ROOT, 'content', file), 'utf8')));
    expect(fg.sync('reports/*/index.html', { cwd: site.out })).toHaveLength(published.length);
    expect(fg.sync('reports/index.html', { cwd: site.out })).toHaveLength(1);
  });

  it('ranks the leaderboard by the primary metric, best first', () => {
    const experiment = snapshot.experiments.find((e) => e.name === 'cifar10-resnet')!;
    const $ = load(site.out, `experiments/${safeSegment(experiment.id)}/index.html`);
    const metric = $('#leaderboard code').first().text();
    expect(metric).toBe('val/accuracy');
    const runs = snapshot.runs.filter((r) => r.experimentId === experiment.id && r.lifecycleStage === 'active' && typeof r.metrics[metric]?.latest.value === 'number');
    const best = runs.sort((a, b) => (b.metrics[metric]!.latest.value as number) - (a.metrics[metric]!.latest.value as number))[0]!;
    const first = $('#leaderboard').parent().find('tbody tr').first();
    expect(first.find('a').first().text()).toBe(best.name);
    expect(first.find('a').first().attr('href')).toBe(`/runs/${best.id}/`);
  });

  it('shows a run page with its params, latest metrics, note and links to its parent and registered model', () => {
    const run = snapshot.runs.find((r) => r.parentId && Object.keys(r.params).length > 0 && r.lifecycleStage === 'active')!;
    const $ = load(site.out, `runs/${run.id}/index.html`);
    expect($('h1').text()).toContain(run.name);
    const params = $('#params').parent().find('tbody tr').map((_, tr) => $(tr).find('th').text()).get();
    expect(params).toEqual(Object.keys(run.params));
    expect($(`a[href="/runs/${run.parentId}/"]`).length).toBeGreaterThan(0);
    const metrics = $('#metrics').parent().find('tbody tr').map((_, tr) => $(tr).find('th').text()).get();
    expect(metrics.sort()).toEqual(Object.keys(run.metrics).sort());
  });

  it('publishes the static comparison asked for on the command line', () => {
    const pages = fg.sync('compare/*..*/index.html', { cwd: site.out });
    expect(pages).toHaveLength(1);
    const $ = load(site.out, pages[0]!);
    expect($('table.compare').length).toBeGreaterThanOrEqual(2);
    expect($('figure.chart img').length).toBeGreaterThan(0);
  });

  it('marks the current model version', () => {
    const model = snapshot.models.find((m) => m.aliases.champion)!;
    const $ = load(site.out, `models/${safeSegment(model.name)}/index.html`);
    expect($('tr[aria-current="true"] td').first().text()).toBe(model.aliases.champion);
  });
});

describe('reader warnings on the home page', () => {
  it('lists what reading the stores warned about, folded, and says nothing where there was nothing', async () => {
    const merged = sites.merged!;
    const { warnings } = await readStores(merged.stores);
    expect(warnings.length).toBeGreaterThan(0);
    const $ = load(merged.out, 'index.html');
    expect($('details.read-warnings summary').text()).toBe(`${warnings.length} warnings from reading the store: what was skipped or read with care`);
    expect($('details.read-warnings li').map((_, li) => $(li).text()).get()).toEqual(warnings.map((w) => `${w.path}: ${w.message}`));
    expect((await readStores(sites.demo!.stores)).warnings).toEqual([]);
    expect(load(sites.demo!.out, 'index.html')('details.read-warnings').length).toBe(0);
  });
});

describe('determinism', () => {
  it('gives byte-identical sites for the same input', () => {
    const a = sites.demo!;
    const b = sites.demoAgain!;
    const files = fg.sync('**/*', { cwd: a.out, dot: true }).sort();
    expect(fg.sync('**/*', { cwd: b.out, dot: true }).sort()).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(a.out, f)).equals(readFileSync(join(b.out, f))));
    expect(differing).toEqual([]);
  });
});
