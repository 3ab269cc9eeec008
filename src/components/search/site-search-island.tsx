/** The header search island, mounted over the static box by mount-site-search.ts (a chunk of its own, loaded on first use). */
import { createRoot } from 'react-dom/client';
import SiteSearch, { type SiteSearchProps } from './SiteSearch.tsx';

export function mountIsland(box: HTMLElement, props: SiteSearchProps): void {
  createRoot(box).render(<SiteSearch {...props} />);
}
