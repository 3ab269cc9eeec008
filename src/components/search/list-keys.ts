/**
 * Keyboard moves between a search box and the list of results under it (links or buttons, so
 * Enter and Space do what they always do): ↓ from the box to the first result, ↓ ↑ through the
 * results, ↑ from the first back to the box, Home and End to the ends of the list, Escape back
 * to the box. Focus really moves, so screen readers read each result as what it is.
 */
import { useCallback, useRef, type KeyboardEvent } from 'react';

/** Where focus goes for `key`: a result index, -1 for the box, undefined when the key is not ours. */
export function nextFocus(key: string, current: number, count: number): number | undefined {
  if (count === 0) return key === 'Escape' && current >= 0 ? -1 : undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current < 0 ? undefined : current - 1;
    case 'Home':
      return current < 0 ? undefined : 0;
    case 'End':
      return current < 0 ? undefined : count - 1;
    case 'Escape':
      return current < 0 ? undefined : -1;
    default:
      return undefined;
  }
}

const ITEM = '[data-result]';

/**
 * Refs for the box and the list, and a keydown handler for an element that holds both. Results
 * are the list's elements marked `data-result`.
 */
export function useListKeys() {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = useCallback((event: KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (current < 0 && document.activeElement !== input.current) return;
    const next = nextFocus(event.key, current, items.length);
    if (next === undefined) return;
    event.preventDefault();
    (next < 0 ? input.current : items[next])?.focus();
  }, []);
  return { input, list, onKeyDown };
}
