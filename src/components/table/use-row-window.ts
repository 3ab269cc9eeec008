/**
 * The rows of a virtual table that the scroll container shows (windowing.ts), kept up to date
 * from scroll events (at most once per animation frame) and from the container's size. A render
 * happens only when the first visible row or the viewport height changes, not on every pixel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_VIEWPORT, ROW_HEIGHT, rowWindow, type RowWindow } from './windowing.ts';

interface Viewport {
  scrollTop: number;
  viewport: number;
}

export interface RowWindowHook {
  /** Callback ref for the scroll container. */
  containerRef: (element: HTMLDivElement | null) => void;
  onScroll: () => void;
  window: RowWindow;
}

export function useRowWindow(count: number): RowWindowHook {
  const [view, setView] = useState<Viewport>({ scrollTop: 0, viewport: DEFAULT_VIEWPORT });
  const element = useRef<HTMLDivElement | null>(null);
  const frame = useRef(0);

  const measure = useCallback(() => {
    frame.current = 0;
    const el = element.current;
    if (!el) return;
    const next = { scrollTop: el.scrollTop, viewport: el.clientHeight || DEFAULT_VIEWPORT };
    setView((prev) =>
      Math.floor(prev.scrollTop / ROW_HEIGHT) === Math.floor(next.scrollTop / ROW_HEIGHT) && prev.viewport === next.viewport ? prev : next,
    );
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(measure);
  }, [measure]);

  const containerRef = useCallback(
    (el: HTMLDivElement | null) => {
      element.current = el;
      if (!el) return undefined;
      measure();
      if (typeof ResizeObserver !== 'function') return undefined;
      const observer = new ResizeObserver(() => measure());
      observer.observe(el);
      return () => observer.disconnect();
    },
    [measure],
  );

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return { containerRef, onScroll, window: rowWindow({ ...view, count }) };
}
