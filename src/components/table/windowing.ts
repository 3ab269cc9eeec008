/**
 * Virtual scrolling of the runs table: every row has the same height, so the rows a scroll
 * offset shows are plain arithmetic. The table renders the visible rows plus `overscan` on each
 * side, and two spacer rows stand in for the rest, so the scroll bar keeps its true size.
 */

/** Header rows above the body (groups, then columns): body rows start at `aria-rowindex` HEADER_ROWS + 1. */
export const HEADER_ROWS = 2;
/** Row height in CSS pixels; the stylesheet takes it from the `--row-height` property the island sets. */
export const ROW_HEIGHT = 36;
/** Rows rendered beyond each edge of the viewport: covers the sticky header and fast flings. */
export const OVERSCAN = 12;
/** Viewport height assumed before the container is measured (and on the server). */
export const DEFAULT_VIEWPORT = 640;

export interface WindowInput {
  /** Scroll offset of the container, in px, from the top of the first row. */
  scrollTop: number;
  /** Visible height of the container, in px. */
  viewport: number;
  /** Number of rows. */
  count: number;
  rowHeight?: number;
  overscan?: number;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  first: number;
  /** End of the rendered rows (exclusive). */
  last: number;
  /** Heights of the spacers above and below the rendered rows, in px. */
  padTop: number;
  padBottom: number;
}

export function rowWindow({ scrollTop, viewport, count, rowHeight = ROW_HEIGHT, overscan = OVERSCAN }: WindowInput): RowWindow {
  const top = Number.isFinite(scrollTop) ? Math.max(0, scrollTop) : 0;
  const height = Number.isFinite(viewport) ? Math.max(0, viewport) : 0;
  const clamp = (n: number) => Math.min(count, Math.max(0, n));
  const shown = Math.ceil(height / rowHeight);
  // An offset past the end (the rows just shrank, the browser has not clamped the scroll yet)
  // still renders the last screenful rather than nothing.
  const first = clamp(Math.min(Math.floor(top / rowHeight), count - shown) - overscan);
  const last = Math.max(first, clamp(Math.ceil((top + height) / rowHeight) + overscan));
  return { first, last, padTop: first * rowHeight, padBottom: (count - last) * rowHeight };
}
