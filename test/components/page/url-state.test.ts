import { describe, expect, it } from 'vitest';
import { listParam, readListParam, readParam, withParams } from '../../../src/components/page/url-state.ts';

describe('withParams(search, updates)', () => {
  it('sets, replaces and removes only the named parameters', () => {
    expect(withParams('?runs=a,b&filter=x', { filter: 'metrics.acc > 0.9', cols: undefined })).toBe('?runs=a,b&filter=metrics.acc+%3E+0.9');
    expect(withParams('?filter=x&charts=loss', { filter: '' })).toBe('?charts=loss');
  });

  it('leaves , / : and ~ readable, which read back the same', () => {
    const search = withParams('', { cols: 'metrics.val/loss~12,params.a:b' });
    expect(search).toBe('?cols=metrics.val/loss~12,params.a:b');
    expect(readParam(search, 'cols')).toBe('metrics.val/loss~12,params.a:b');
  });

  it('gives an empty string when nothing is left', () => {
    expect(withParams('?a=1', { a: undefined })).toBe('');
  });

  it('round-trips values through readParam, spaces and quotes included', () => {
    const value = "params.optimizer = 'adam' AND metrics.`val loss` < 0.5";
    expect(readParam(withParams('', { filter: value }), 'filter')).toBe(value);
    expect(readParam('?a=1', 'filter')).toBeUndefined();
  });
});

describe('listParam(items) and readListParam(search, name)', () => {
  const HOSTILE = ['a,b', 'x&baseline=y', '100%', '%2C', 'plus+sign', '  spaced  ', 'ünï/cödé', '__proto__', ''];

  it('round-trips any items through withParams, commas and percent signs included', () => {
    const search = withParams('?other=1', { cols: listParam(HOSTILE) });
    expect(readListParam(search, 'cols')).toEqual(HOSTILE);
    expect(readParam(search, 'other')).toBe('1');
  });

  it('survives another island rewriting the address', () => {
    const first = withParams('', { runs: listParam(['a,b', 'c']) });
    const rewritten = withParams(first, { filter: 'metrics.acc > 0.5' });
    expect(readListParam(rewritten, 'runs')).toEqual(['a,b', 'c']);
  });

  it('reads plain hand-typed lists, joins repeated parameters and keeps malformed escapes as typed', () => {
    expect(readListParam('?runs=a,b,c', 'runs')).toEqual(['a', 'b', 'c']);
    expect(readListParam('?runs=a&x=1&runs=b', 'runs')).toEqual(['a', 'b']);
    expect(readListParam('?runs=50%,a%2', 'runs')).toEqual(['50%', 'a%2']);
  });

  it('tells an absent parameter from an empty list', () => {
    expect(readListParam('?a=1', 'runs')).toBeUndefined();
    expect(readListParam('?runs=', 'runs')).toEqual(['']);
    expect(listParam([])).toBe('');
  });
});
