import { describe, expect, it } from 'vitest';
import { withBase } from '../../../src/lib/site/paths.ts';
import { routes } from '../../../src/lib/site/routes.ts';
import { fnv1a, safeSegment } from '../../../src/lib/site/slugs.ts';

describe('withBase(path, base)', () => {
  it.each([
    ['/runs/a/', '/', '/runs/a/'],
    ['/runs/a/', '/repo/', '/repo/runs/a/'],
    ['/runs/a/', '/repo', '/repo/runs/a/'],
    ['runs/a/', '/repo/', '/repo/runs/a/'],
    ['/', '/repo/', '/repo/'],
  ])('%s under %s is %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  it('leaves absolute URLs and fragments alone', () => {
    expect(withBase('https://x.org/a', '/repo/')).toBe('https://x.org/a');
    expect(withBase('#top', '/repo/')).toBe('#top');
  });
});

describe('safeSegment(value)', () => {
  it('keeps plain ids as they are', () => {
    expect(safeSegment('0')).toBe('0');
    expect(safeSegment('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(safeSegment('churn-model_v2.1')).toBe('churn-model_v2.1');
  });

  it('turns other names into a readable slug with a hash, so names that slug alike stay apart', () => {
    expect(safeSegment('fraud/v2 ✓')).toMatch(/^fraud-v2-[0-9a-f]{8}$/);
    expect(safeSegment('a b')).not.toBe(safeSegment('a-b'));
    expect(safeSegment('..')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(safeSegment('<script>')).toMatch(/^script-[0-9a-f]{8}$/);
  });

  it('is stable (FNV-1a of the value)', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
  });
});

describe('routes', () => {
  it('encodes run ids in the compare URL', () => {
    expect(routes.compare(['a&b', 'c'])).toBe('/compare/?runs=a%26b,c');
  });
});
