import { describe, expect, it } from 'vitest';
import { readParam, withParams } from '../../../src/components/page/url-state.ts';

describe('withParams(search, updates)', () => {
  it('sets, replaces and removes only the named parameters', () => {
    expect(withParams('?runs=a,b&filter=x', { filter: 'metrics.acc > 0.9', cols: undefined })).toBe('?runs=a%2Cb&filter=metrics.acc+%3E+0.9');
    expect(withParams('?filter=x&charts=loss', { filter: '' })).toBe('?charts=loss');
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
