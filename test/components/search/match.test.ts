import { describe, expect, it } from 'vitest';
import { findIgnoreCase, highlightParts, matchItem, normalizeQuery, searchItems } from '../../../src/components/search/match.ts';

const item = (id: string, name: string, experimentName?: string) => ({ id, name, ...(experimentName !== undefined ? { experimentName } : {}) });

describe('matchItem(item, query)', () => {
  it('matches the name anywhere, ignoring case, and says where', () => {
    expect(matchItem(item('1', 'Bright-Fox'), 'fox')).toEqual({ rank: 3, field: 'name', start: 7, length: 3 });
    expect(matchItem(item('1', 'bigfoxes'), 'fox')).toEqual({ rank: 4, field: 'name', start: 3, length: 3 });
  });

  it('matches an id by its prefix only', () => {
    expect(matchItem(item('ab12cd', 'run'), 'AB1'.toLowerCase())).toEqual({ rank: 2, field: 'id', start: 0, length: 3 });
    expect(matchItem(item('ab12cd', 'run'), '12c')).toBeUndefined();
  });

  it('matches the experiment name only when asked', () => {
    expect(matchItem(item('1', 'run', 'Churn Model'), 'churn')).toBeUndefined();
    expect(matchItem(item('1', 'run', 'Churn Model'), 'model', true)).toEqual({ rank: 5, field: 'experimentName', start: 6, length: 5 });
  });

  it('prefers the word start over an earlier match inside a word', () => {
    expect(matchItem(item('1', 'xlr lr-sweep'), 'lr')).toMatchObject({ rank: 3, start: 4 });
  });

  it('matches nothing for an empty query', () => {
    expect(matchItem(item('1', 'a'), '')).toBeUndefined();
  });
});

describe('searchItems(items, query, options)', () => {
  const runs = [
    item('f00d', 'baseline-lr'),
    item('0042', 'lr'),
    item('lr99', 'other'),
    item('0001', 'sweep lr 0.1'),
    item('0002', 'clrs'),
    item('0003', 'LR-big'),
    item('0004', 'unrelated', 'lr experiments'),
  ];

  it('ranks exact name, name prefix, id prefix, word start, substring, experiment name', () => {
    const { hits } = searchItems(runs, '  LR ', { withExperiment: true });
    expect(hits.map((h) => h.item.id)).toEqual(['0042', '0003', 'lr99', 'f00d', '0001', '0002', '0004']);
    expect(hits.map((h) => h.rank)).toEqual([0, 1, 2, 3, 3, 4, 5]);
  });

  it('breaks ties by name, then id, in code-unit order', () => {
    const tied = [item('b', 'same'), item('10', 'same'), item('2', 'same'), item('z', 'Same')];
    expect(searchItems(tied, 'same').hits.map((h) => h.item.id)).toEqual(['z', '2', '10', 'b']);
  });

  it('returns the best `limit` hits and how many matched in all', () => {
    const many = Array.from({ length: 45 }, (_, i) => item(String(i), `run-${String(i).padStart(2, '0')}`));
    const { hits, total } = searchItems(many, 'run');
    expect(total).toBe(45);
    expect(hits).toHaveLength(20);
    expect(hits[0]!.item.name).toBe('run-00');
    expect(searchItems(many, 'run', { limit: 5 }).hits).toHaveLength(5);
  });

  it('finds nothing for a blank query', () => {
    expect(searchItems(runs, '   ')).toEqual({ hits: [], total: 0 });
  });
});

describe('normalizeQuery(query)', () => {
  it('trims and lower-cases', () => {
    expect(normalizeQuery('  Bright FOX ')).toBe('bright fox');
  });
});

describe('findIgnoreCase(text, query)', () => {
  it('finds the query in text of any case', () => {
    expect(findIgnoreCase('ValLoss', 'loss')).toBe(3);
    expect(findIgnoreCase('abc', 'x')).toBe(-1);
  });

  it('gives an index into the original text when lower-casing changes its length', () => {
    const text = 'İstanbul run';
    const at = findIgnoreCase(text, 'run');
    expect(text.slice(at, at + 3)).toBe('run');
  });
});

describe('highlightParts(text, start, length)', () => {
  it('cuts the text into the parts before, at and after the match', () => {
    expect(highlightParts('bright-fox', 7, 3)).toEqual([
      { text: 'bright-', mark: false },
      { text: 'fox', mark: true },
    ]);
    expect(highlightParts('a-fox-b', 2, 3)).toEqual([
      { text: 'a-', mark: false },
      { text: 'fox', mark: true },
      { text: '-b', mark: false },
    ]);
  });

  it('keeps every character exactly once, whatever the match bounds', () => {
    for (const [start, length] of [[0, 0], [0, 99], [-5, 3], [8, 5], [3, 0]] as const) {
      const parts = highlightParts('abcdefgh', start, length);
      expect(parts.map((p) => p.text).join('')).toBe('abcdefgh');
      expect(parts.every((p) => p.text !== '')).toBe(true);
    }
  });
});
