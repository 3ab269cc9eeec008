import { describe, expect, it } from 'vitest';
import { matchesWords, queryWords } from '../../../src/components/page/key-filter.ts';

describe('queryWords(query)', () => {
  it('splits on white space and lower-cases', () => {
    expect(queryWords('  Box   LOSS ')).toEqual(['box', 'loss']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('matchesWords(text, words)', () => {
  it('needs every word somewhere in the text, in any order and case', () => {
    expect(matchesWords('train/box_loss 1.72854', ['loss', 'box'])).toBe(true);
    expect(matchesWords('train/box_loss', ['cls'])).toBe(false);
    expect(matchesWords('anything', [])).toBe(true);
  });
});
