import { describe, expect, it } from 'vitest';
import { compareUrl, parseCompareSearch } from '../../../src/components/compare/compare-url.ts';

const HOSTILE = ['a,b', 'x&baseline=y', 'id with spaces', '<img src=x onerror=alert(1)>', '100%', 'plus+sign', 'q?#frag', 'ünï/cödé', '__proto__'];

describe('parseCompareSearch(search)', () => {
  it('reads the runs in order and the baseline', () => {
    expect(parseCompareSearch('?runs=a,b,c&baseline=b')).toEqual({ runs: ['a', 'b', 'c'], baseline: 'b' });
    expect(parseCompareSearch('runs=a,b')).toEqual({ runs: ['a', 'b'] });
  });

  it('tolerates spaces, empty entries and repeated ids, keeping the first occurrence', () => {
    expect(parseCompareSearch('?runs=%20a%20,,b,+c+,a,b')).toEqual({ runs: ['a', 'b', 'c'] });
    expect(parseCompareSearch('?runs=a, b')).toEqual({ runs: ['a', 'b'] });
  });

  it('joins several runs= parameters and ignores other parameters', () => {
    expect(parseCompareSearch('?runs=a&utm=x&runs=b,a')).toEqual({ runs: ['a', 'b'] });
  });

  it('keeps a malformed escape as typed rather than failing', () => {
    expect(parseCompareSearch('?runs=50%,a%2')).toEqual({ runs: ['50%', 'a%2'] });
  });

  it('drops a baseline that is the first run or not among the runs', () => {
    expect(parseCompareSearch('?runs=a,b&baseline=a')).toEqual({ runs: ['a', 'b'] });
    expect(parseCompareSearch('?runs=a,b&baseline=zzz')).toEqual({ runs: ['a', 'b'] });
    expect(parseCompareSearch('?baseline=a')).toEqual({ runs: [] });
  });

  it('reads nothing from an empty query', () => {
    expect(parseCompareSearch('')).toEqual({ runs: [] });
    expect(parseCompareSearch('?')).toEqual({ runs: [] });
  });
});

describe('compareUrl(selection, base)', () => {
  it('puts the page under the base path', () => {
    expect(compareUrl({ runs: ['a', 'b'] }, '/')).toBe('/compare/?runs=a,b');
    expect(compareUrl({ runs: ['a', 'b'] }, '/my-repo/')).toBe('/my-repo/compare/?runs=a,b');
    expect(compareUrl({ runs: ['a'] }, '/my-repo')).toBe('/my-repo/compare/?runs=a');
    expect(compareUrl({ runs: [] }, '/my-repo/')).toBe('/my-repo/compare/');
  });

  it('adds the baseline only when it is not the first run', () => {
    expect(compareUrl({ runs: ['a', 'b'], baseline: 'b' }, '/')).toBe('/compare/?runs=a,b&baseline=b');
    expect(compareUrl({ runs: ['a', 'b'], baseline: 'a' }, '/')).toBe('/compare/?runs=a,b');
    expect(compareUrl({ runs: ['a', 'b'], baseline: 'gone' }, '/')).toBe('/compare/?runs=a,b');
  });

  it('percent-encodes hostile ids so they cannot add parameters, fragments or markup', () => {
    const url = compareUrl({ runs: HOSTILE, baseline: HOSTILE[1]! }, '/base/');
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).not.toMatch(/[<>" #]/);
    expect(query.split('&')).toHaveLength(2);
    expect(query.split('&')[0]!.split(',')).toHaveLength(HOSTILE.length);
    expect(new URL(url, 'https://example.org').pathname).toBe('/base/compare/');
  });

  it('round-trips through parseCompareSearch, hostile ids and baseline included', () => {
    for (const selection of [{ runs: ['a', 'b', 'c'], baseline: 'c' }, { runs: HOSTILE, baseline: HOSTILE[3]! }, { runs: ['only'] }]) {
      const url = compareUrl(selection, '/sub/');
      expect(parseCompareSearch(new URL(url, 'https://example.org').search)).toEqual(selection);
    }
  });
});
