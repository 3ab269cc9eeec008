/**
 * Brings the header's search box to life. The page renders a plain box (HeaderSearch.astro),
 * hidden until this script runs; the React island behind it (SiteSearch.tsx, with React itself
 * on pages that have no other island) is loaded on the first focus or keystroke and takes the box
 * over with what was typed. `/` anywhere outside a text field jumps to the box.
 */
export function mountSiteSearch(): void {
  const box = document.querySelector<HTMLElement>('[data-site-search]');
  const input = box?.querySelector('input');
  if (!box || !input) return;
  box.hidden = false;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./site-search-island.tsx').then(({ mountIsland }) =>
      mountIsland(box, { base: box.dataset.base ?? '/', initialQuery: input.value, autoFocus: document.activeElement === input }),
    );
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
    event.preventDefault();
    box.querySelector('input')?.focus();
  });
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
