/**
 * Whether an element has come near the viewport (and stays "true" afterwards), so the charts,
 * and with them the Vega runtime, load only for readers who scroll to them. Without
 * IntersectionObserver, it is visible at once.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useVisible(element: RefObject<Element | null>, margin = '200px'): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (visible || !target) return;
    if (typeof IntersectionObserver !== 'function') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    }, { rootMargin: margin });
    observer.observe(target);
    return () => observer.disconnect();
  });
  return visible;
}
