import { describe, expect, it } from 'vitest';
import { relativeUrl, relativizeHtml } from '../../../src/lib/site/archive.ts';

describe('relativeUrl(url, page)', () => {
  it.each([
    ['/', 'index.html', 'index.html'],
    ['/runs/ab/', 'index.html', 'runs/ab/index.html'],
    ['/', 'runs/ab/index.html', '../../index.html'],
    ['/#models', 'runs/ab/index.html', '../../index.html#models'],
    ['/experiments/1/', 'runs/ab/index.html', '../../experiments/1/index.html'],
    ['/data/runs/ab.json', 'runs/ab/index.html', '../../data/runs/ab.json'],
    ['/_astro/a.css', '404.html', '_astro/a.css'],
    ['/compare/?runs=a,b', 'index.html', 'compare/index.html?runs=a,b'],
  ])('%s from %s is %s', (url, page, expected) => {
    expect(relativeUrl(url, page)).toBe(expected);
  });

  it.each(['https://example.com/', '//cdn.example.com/x.js', '#top', 'mailto:a@b.c', 'relative/already.html'])('leaves %s as it is', (url) => {
    expect(relativeUrl(url, 'runs/x/index.html')).toBe(url);
  });
});

describe('relativizeHtml(html, page)', () => {
  it('rewrites href, src and srcset and keeps entities', () => {
    const html = '<a href="/runs/a/">a</a><img src="/data/x.svg"><source srcset="/data/x.dark.svg"><a href="/compare/?runs=a&amp;b">c</a><a href="https://x.org/">x</a>';
    expect(relativizeHtml(html, 'experiments/1/index.html')).toBe(
      '<a href="../../runs/a/index.html">a</a><img src="../../data/x.svg"><source srcset="../../data/x.dark.svg"><a href="../../compare/index.html?runs=a&amp;b">c</a><a href="https://x.org/">x</a>',
    );
  });
});
