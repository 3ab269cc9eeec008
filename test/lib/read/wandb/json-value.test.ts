import { describe, expect, it } from 'vitest';
import { NOT_JSON, parseValueJson } from '../../../../src/lib/read/wandb/json-value.ts';

describe('parseValueJson(text)', () => {
  it.each([
    ['0', 0],
    ['-2.5', -2.5],
    ['1.768858078693063e+09', 1768858078.693063],
    ['5.9460689179254135e-05', 5.9460689179254135e-5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['"text"', 'text'],
    ['true', true],
    ['null', null],
    ['[1, 2]', [1, 2]],
  ])('reads %s', (text, value) => {
    expect(parseValueJson(text)).toEqual(value);
  });

  it('reads bare NaN and ±Infinity inside objects and lists, as Python json.dumps writes them, but not inside strings', () => {
    expect(parseValueJson('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN and Infinity"}')).toEqual({
      a: Number.NaN,
      b: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      c: 'NaN and Infinity',
    });
  });

  it('keeps the digits of integers too large for a double', () => {
    expect(parseValueJson('12345678901234567890')).toBe(12345678901234567890n);
    expect(parseValueJson('{"seed": 98765432109876543210}')).toEqual({ seed: 98765432109876543210n });
  });

  it.each(['', '{', 'nan', '1 2', "{'a': 1}"])('reads %j as not JSON', (text) => {
    expect(parseValueJson(text)).toBe(NOT_JSON);
  });
});
