/** Names come from the store: the search results must render them as text, highlights included. */
import { load } from 'cheerio';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Highlight from '../../../src/components/search/Highlight.tsx';
import SiteSearch, { ResultLink } from '../../../src/components/search/SiteSearch.tsx';
import { siteResults } from '../../../src/components/search/site-results.ts';
import { decodeTermIndex } from '../../../src/components/search/term-index.ts';

const EVIL = '<img src=x onerror=alert(1)>';

describe('Highlight', () => {
  it('wraps the match in <mark> and keeps every character as text', () => {
    const $ = load(renderToStaticMarkup(createElement(Highlight, { text: EVIL, start: 1, length: 3 })), null, false);
    expect($('img').length).toBe(0);
    expect($('mark').text()).toBe('img');
    expect($.root().text()).toBe(EVIL);
  });
});

describe('ResultLink', () => {
  it('renders a run named like markup as text, with its match highlighted', () => {
    const [result] = siteResults([], [{ id: 'r1', name: EVIL, experimentId: '1', experimentName: EVIL, status: 'FINISHED' }], 'onerror', '/', 20).results;
    const $ = load(renderToStaticMarkup(createElement(ResultLink, { result: result! })), null, false);
    expect($('img, [onerror]').length).toBe(0);
    expect($('mark').text()).toBe('onerror');
    expect($('a').attr('href')).toBe('/runs/r1/');
    expect($('a').text()).toContain(EVIL);
  });

  it('highlights the id when the id matched', () => {
    const [result] = siteResults([{ id: 'abc123', name: 'exp' }], [], 'ABC', '/', 20).results;
    const $ = load(renderToStaticMarkup(createElement(ResultLink, { result: result! })), null, false);
    expect($('code mark').text()).toBe('abc');
  });
});

describe('ResultLink, for a run found by a param', () => {
  it('renders the param as text, with the match highlighted', () => {
    const terms = decodeTermIndex({ runs: 1, experiments: [], keys: [EVIL], values: ['<b>v</b>'], pairs: [[0, 0, 0, 0]], omitted: [] }, 'search-index.json');
    const [result] = siteResults([], [{ id: 'r1', name: 'plain', experimentId: '1', experimentName: 'exp', status: 'FINISHED' }], 'onerror', '/', 20, terms).results;
    const $ = load(renderToStaticMarkup(createElement(ResultLink, { result: result! })), null, false);
    expect($('img, b, [onerror]').length).toBe(0);
    expect($('code').text()).toBe(`${EVIL}=<b>v</b>`);
    expect($('mark').text()).toBe('onerror');
  });
});

describe('SiteSearch', () => {
  it('renders on the server as a labelled search box with no results, without fetching', () => {
    const $ = load(renderToStaticMarkup(createElement(SiteSearch, { base: '/', initialQuery: EVIL })), null, false);
    const input = $('input[type=search]');
    expect($(`label[for="${input.attr('id')}"]`).text()).toBe('Search experiments, runs, params and tags');
    expect(input.attr('value')).toBe(EVIL);
    expect($('img, [onerror]').length).toBe(0);
  });
});
