/** The header search island, mounted over the static box by mount-site-search.ts (a chunk of its own, loaded on first use). */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import SiteSearch, { type SiteSearchProps } from './SiteSearch.tsx';

/**
 * Renders at once (flushSync), so no keystroke falls between reading what was typed in the static
 * box and the island's box replacing it.
 */
export function mountIsland(box: HTMLElement, props: SiteSearchProps): void {
  const root = createRoot(box);
  flushSync(() => root.render(<SiteSearch {...props} />));
}
