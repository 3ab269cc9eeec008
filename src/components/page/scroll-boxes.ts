/**
 * Boxes that scroll on their own (a wide table in `.table-wrap`, a Markdown table, a row of
 * artifacts, a code preview) take keyboard focus while they overflow, so they can be scrolled
 * without a mouse (WCAG 2.1.1; axe's `scrollable-region-focusable`). Only the ones that overflow
 * now, re-checked when the page's size changes (islands drawing, a narrower window); a box
 * focusable in the markup keeps its own `tabindex`.
 */
const BOXES = '.table-wrap, .prose table, .artifact-row, pre.code';
const MARK = 'scrollFocus';

export function focusScrollBoxes(): void {
  let pending = false;
  const update = () => {
    pending = false;
    for (const box of document.querySelectorAll<HTMLElement>(BOXES)) {
      const ours = box.dataset[MARK] !== undefined;
      if (!ours && box.hasAttribute('tabindex')) continue;
      const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (overflows && !ours) {
        box.tabIndex = 0;
        box.dataset[MARK] = '';
      } else if (!overflows && ours) {
        box.removeAttribute('tabindex');
        delete box.dataset[MARK];
      }
    }
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  };
  update();
  new ResizeObserver(schedule).observe(document.body);
  addEventListener('resize', schedule);
}
