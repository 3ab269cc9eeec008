import { describe, expect, it } from 'vitest';
import { flattenParams, paramText } from '../../../src/lib/read/flatten.ts';

describe('flattenParams(config)', () => {
  it('joins nested keys with "." and keeps leaves as text', () => {
    expect(flattenParams({ lr: 0.001, optimizer: { name: 'adam', betas: [0.9, 0.999] }, deep: { a: { b: true } } })).toEqual({
      lr: '0.001',
      'optimizer.name': 'adam',
      'optimizer.betas': '[0.9,0.999]',
      'deep.a.b': 'true',
    });
  });

  it('keeps an empty object as one param and spells null and non-finite numbers', () => {
    expect(flattenParams({ extra: {}, seed: null, bad: Number.NaN, big: Infinity })).toEqual({ extra: '{}', seed: 'null', bad: 'NaN', big: 'Infinity' });
  });

  it('puts a prefix in front of every key', () => {
    expect(flattenParams({ a: 1, b: { c: 2 } }, 'model')).toEqual({ 'model.a': '1', 'model.b.c': '2' });
  });

  it('returns nothing for a scalar without a key', () => {
    expect(flattenParams(3)).toEqual({});
  });
});

describe('paramText(value)', () => {
  it('writes strings as they are and other values as JSON', () => {
    expect([paramText('x y'), paramText(false), paramText(-2.5), paramText(10n), paramText({ k: [1] })]).toEqual(['x y', 'false', '-2.5', '10', '{"k":[1]}']);
  });
});
