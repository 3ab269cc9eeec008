import { describe, expect, it } from 'vitest';
import { nextFocus } from '../../../src/components/search/list-keys.ts';

const BOX = -1;

describe('nextFocus(key, current, count)', () => {
  it('goes from the box to the first result with ↓, and through the list, stopping at its end', () => {
    expect(nextFocus('ArrowDown', BOX, 3)).toBe(0);
    expect(nextFocus('ArrowDown', 1, 3)).toBe(2);
    expect(nextFocus('ArrowDown', 2, 3)).toBe(2);
  });

  it('goes up the list with ↑ and back to the box from the first result', () => {
    expect(nextFocus('ArrowUp', 2, 3)).toBe(1);
    expect(nextFocus('ArrowUp', 0, 3)).toBe(BOX);
    expect(nextFocus('ArrowUp', BOX, 3)).toBeUndefined();
  });

  it('jumps to the ends with Home and End inside the list, and leaves them to the box there', () => {
    expect(nextFocus('Home', 2, 3)).toBe(0);
    expect(nextFocus('End', 0, 3)).toBe(2);
    expect(nextFocus('Home', BOX, 3)).toBeUndefined();
    expect(nextFocus('End', BOX, 3)).toBeUndefined();
  });

  it('returns to the box with Escape', () => {
    expect(nextFocus('Escape', 1, 3)).toBe(BOX);
    expect(nextFocus('Escape', BOX, 3)).toBeUndefined();
  });

  it('ignores other keys, and ↓ when there are no results', () => {
    expect(nextFocus('Enter', 0, 3)).toBeUndefined();
    expect(nextFocus('a', BOX, 3)).toBeUndefined();
    expect(nextFocus('ArrowDown', BOX, 0)).toBeUndefined();
  });
});
