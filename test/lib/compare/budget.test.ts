import { describe, expect, it } from 'vitest';
import { fitBlocks, NOTE_MAX, type Block } from '../../../src/lib/compare/budget.ts';

const block = (priority: number, name: string, lines: number): Block => ({
  priority,
  head: `[${name}]\n`,
  lines: Array.from({ length: lines }, (_, i) => `${name}-${i}`),
  tail: `[/${name}]\n`,
  note: (left, whole) => `(${whole ? 'all' : left} ${name} left out)\n`,
});

describe('fitBlocks(blocks, limit)', () => {
  it('keeps everything in the given order when it fits', () => {
    const { text, leftOut } = fitBlocks([block(1, 'a', 2), block(0, 'b', 1)], 10_000);
    expect(text).toBe('[a]\na-0\na-1\n[/a]\n[b]\nb-0\n[/b]\n');
    expect(leftOut).toBe(0);
  });

  it('cuts the lowest priority first, from its last line, and says how many lines it left out', () => {
    const blocks = [block(0, 'keep', 3), block(1, 'cut', 500)];
    const limit = 2 * NOTE_MAX + 200;
    const { text, leftOut } = fitBlocks(blocks, limit);
    expect(text.length).toBeLessThanOrEqual(limit);
    expect(text).toContain('keep-2');
    const kept = text.match(/cut-\d+/g)?.length ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(text).toContain(`(${500 - kept} cut left out)`);
    expect(leftOut).toBe(1);
  });

  it('leaves every block after a cut one out whole, strictly in priority order', () => {
    const blocks = [block(2, 'late', 1), block(1, 'big', 1000), block(0, 'first', 1)];
    const { text } = fitBlocks(blocks, 3 * NOTE_MAX + 500);
    expect(text).toContain('(all late left out)');
    expect(text).not.toContain('late-0');
    expect(text.indexOf('(all late left out)')).toBeLessThan(text.indexOf('[big]'));
  });

  it('never passes the limit, whatever the blocks', () => {
    for (const limit of [1_000, 5_000, 60_000]) {
      const blocks = Array.from({ length: 3 }, (_, i) => block(i, `b${i}`, 20_000));
      expect(fitBlocks(blocks, limit).text.length).toBeLessThanOrEqual(limit);
    }
  });
});
