import { describe, expect, it } from 'vitest';
import { compareParams, parseCompareView } from '../../../src/components/compare/compare-url.ts';
import { withParams } from '../../../src/components/page/url-state.ts';

describe('parseCompareView(search) and compareParams(view)', () => {
  it('reads differences-only and group-by beside the runs and baseline', () => {
    expect(parseCompareView('?runs=a,b&baseline=b&diff=1&group=params.model')).toEqual({ runs: ['a', 'b'], baseline: 'b', differencesOnly: true, groupBy: 'params.model' });
    expect(parseCompareView('?runs=a')).toEqual({ runs: ['a'], differencesOnly: false });
  });

  it('ignores a group key that is neither params. nor tags., and a diff value other than 1', () => {
    expect(parseCompareView('?runs=a&group=metrics.acc&diff=yes')).toEqual({ runs: ['a'], differencesOnly: false });
  });

  it('round-trips a whole view through the address, keeping other parameters', () => {
    const view = { runs: ['a,b', 'c d', '100%'], baseline: 'c d', differencesOnly: true, groupBy: 'tags.team name' };
    const search = withParams('?utm=x', compareParams(view));
    expect(parseCompareView(search)).toEqual(view);
    expect(search).toContain('utm=x');
  });

  it('leaves defaults out of the address', () => {
    expect(withParams('', compareParams({ runs: ['a', 'b'], baseline: 'a', differencesOnly: false }))).toBe('?runs=a,b');
  });
});
