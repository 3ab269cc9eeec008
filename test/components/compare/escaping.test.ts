/**
 * Run ids, names, params and tags are untrusted text: rendered on the server (as Astro renders
 * islands at build time) they must come out as text, never as markup.
 */
import { load } from 'cheerio';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ComparePage from '../../../src/components/compare/ComparePage.tsx';
import { compareRuns } from '../../../src/components/compare/compare-diff.ts';
import DiffTable from '../../../src/components/compare/DiffTable.tsx';
import RunList from '../../../src/components/compare/RunList.tsx';
import type { SummaryLoad } from '../../../src/components/compare/use-run-summaries.ts';
import { summary } from '../../support/run-summary.ts';

const EVIL = '<img src=x onerror=alert(1)>';
const EVIL_ID = '"><script>alert(2)</script>';

const runs = [
  summary(EVIL_ID, { name: EVIL, experimentName: EVIL, params: [[EVIL, EVIL]], metrics: [[EVIL, 1]], tags: [[EVIL, EVIL], ['mlflow.x', EVIL]], user: EVIL }),
  summary('plain', { params: [[EVIL, 'other']], metrics: [[EVIL, 2]] }),
];

function expectNoMarkupFromData(html: string) {
  const $ = load(html);
  expect($('img, script').length).toBe(0);
  expect($('[onerror]').length).toBe(0);
  return $;
}

describe('DiffTable', () => {
  it('renders hostile run names, keys and values as text, and links ids to safe paths', () => {
    const html = renderToStaticMarkup(createElement(DiffTable, { base: '/repo/', runs, comparison: compareRuns(runs) }));
    const $ = expectNoMarkupFromData(html);
    expect($('thead th a').first().text()).toBe(EVIL);
    expect($('thead th a').first().attr('href')).toMatch(/^\/repo\/runs\/[A-Za-z0-9._-]+\/$/);
    // The param, the metric and the tag keyed EVIL (system tags start folded).
    expect($('tbody th[scope=row]').filter((_, el) => $(el).text() === EVIL)).toHaveLength(3);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('marks cells that differ with more than color: a ≠ sign and words for screen readers', () => {
    const html = renderToStaticMarkup(createElement(DiffTable, { base: '/', runs, comparison: compareRuns(runs) }));
    const $ = load(html);
    const row = $('tbody tr').filter((_, el) => $(el).find('th[scope=row]').text() === EVIL && $(el).text().includes('other'));
    const cells = row.find('td');
    expect(cells.eq(0).text()).not.toContain('≠');
    expect(cells.eq(1).text()).toContain('≠');
    expect(cells.eq(1).text()).toContain('differs from baseline');
  });
});

describe('RunList', () => {
  it('renders hostile ids and names as text, loaded or not', () => {
    const loads: Record<string, SummaryLoad> = {
      [EVIL_ID]: { state: 'ok', data: runs[0]! },
      [EVIL]: { state: 'error', message: `HTTP 404 ${EVIL}` },
    };
    const html = renderToStaticMarkup(
      createElement(RunList, { base: '/', ids: [EVIL_ID, EVIL], load: (id) => loads[id]!, index: new Map(), baseline: EVIL_ID, onBaseline: () => {}, onRemove: () => {} }),
    );
    const $ = expectNoMarkupFromData(html);
    expect($('li').eq(1).text()).toContain(`No run with id “${EVIL}”`);
  });

  it('names a run whose file failed by its name from the runs index, and calls an id missing from the index unknown', () => {
    const entry = { id: 'r1', name: 'bright-fox', experimentId: '1', experimentName: 'exp', status: 'FINISHED' as const };
    const failed: SummaryLoad = { state: 'error', message: 'HTTP 404' };
    const html = renderToStaticMarkup(
      createElement(RunList, { base: '/', ids: ['r1', 'r2'], load: () => failed, index: new Map([['r1', entry]]), baseline: undefined, onBaseline: () => {}, onRemove: () => {} }),
    );
    const $ = load(html);
    expect($('li').eq(0).find('[role=alert]').text()).toBe('Run “bright-fox” (r1) could not be loaded: HTTP 404');
    expect($('li').eq(1).find('[role=alert]').text()).toBe('No run with id “r2” is published on this site.');
    expect($('input[type=radio]:disabled')).toHaveLength(2);
    expect($('button').map((_, b) => $(b).text()).get()).toEqual(['Remove bright-fox', 'Remove r2']);
  });
});

describe('ComparePage', () => {
  it('renders on the server, where there is no URL yet, as the picker alone', () => {
    const $ = load(renderToStaticMarkup(createElement(ComparePage, { base: '/' })));
    expect($('input[type=search]').length).toBe(1);
    expect($('label').first().text()).toBe('Add a run');
    expect($('table').length).toBe(0);
  });
});
