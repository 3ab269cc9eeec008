/** Names come from the store: the search results must render them as text, highlights included. */
import { load } from 'cheerio';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Highlight from '../../../src/components/search/Highlight.tsx';
import SiteSearch, { ResultLink } from '../../../src/components/search/SiteSearch.tsx';
import { siteResults } from '../../../src/components/search/site-results.ts';

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

describe('SiteSearch', () => {
  it('renders on the server as a labelled search box with no results, without fetching', () => {
    const $ = load(renderToStaticMarkup(createElement(SiteSearch, { base: '/', experiments: [{ id: '1', name: EVIL }] })), null, false);
    const input = $('input[type=search]');
    expect($(`label[for="${input.attr('id')}"]`).text()).toBe('Search experiments and runs');
    expect($('li').length).toBe(0);
  });
});
