/**
 * The chart theme that follows the reader's `prefers-color-scheme`, updated when it changes.
 * Before hydration (and without `matchMedia`) it is light.
 */
import { useEffect, useState } from 'react';
import type { Theme } from '../../lib/charts/theme.ts';

const QUERY = '(prefers-color-scheme: dark)';

export function usePreferredTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(() => (typeof matchMedia === 'function' && matchMedia(QUERY).matches ? 'dark' : 'light'));
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(QUERY);
    const update = () => setTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}
