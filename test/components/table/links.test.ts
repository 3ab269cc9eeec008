import { describe, expect, it } from 'vitest';
import { parseCompareSearch } from '../../../src/components/compare/compare-url.ts';
import { chunkUrl, compareUrl, runUrl } from '../../../src/components/table/links.ts';

describe('chunkUrl(base, experimentId, chunk)', () => {
  it('prefixes the data file path with the base path', () => {
    expect(chunkUrl('/my-repo/', '12', 3)).toBe('/my-repo/data/experiments/12/runs-3.json');
    expect(chunkUrl('/my-repo', '12', 0)).toBe('/my-repo/data/experiments/12/runs-0.json');
    expect(chunkUrl('/', '0', 0)).toBe('/data/experiments/0/runs-0.json');
  });

  it('turns an id that is not a plain path segment into a safe one', () => {
    const url = chunkUrl('/my-repo/', 'b-mlruns:0', 1);
    expect(url).toMatch(/^\/my-repo\/data\/experiments\/b-mlruns-0-[0-9a-f]{8}\/runs-1\.json$/);
  });
});

describe('runUrl(base, runId)', () => {
  it('links the run page under the base path', () => {
    expect(runUrl('/my-repo/', '0a1b2c3d4e5f')).toBe('/my-repo/runs/0a1b2c3d4e5f/');
    expect(runUrl('/', 'abc')).toBe('/runs/abc/');
  });
});

describe('compareUrl(base, ids)', () => {
  it('lists the runs in the query, in the order given', () => {
    expect(compareUrl('/my-repo/', ['b', 'a'])).toBe('/my-repo/compare/?runs=b,a');
    expect(compareUrl('/', ['x', 'y', 'z'])).toBe('/compare/?runs=x,y,z');
  });

  it('percent-encodes ids that hold URL syntax, a comma inside an id escaped as a list item', () => {
    const url = compareUrl('/', ['a,b', 'c&d']);
    expect(url).toBe('/compare/?runs=a%252Cb,c%26d');
    expect(parseCompareSearch(new URL(url, 'https://example.org').search).runs).toEqual(['a,b', 'c&d']);
  });
});
