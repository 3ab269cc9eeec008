/**
 * Keeps an island's view in the page address (url-state.ts `replaceParams`): written a moment
 * after the view stops changing (dragging a column edge or typing must not rewrite the address
 * sixty times a second: browsers throttle that and warn), and at once when the page is left, so
 * a reload always finds the last view. `link()` gives the address of the current view at any
 * time, pending write or not, for "Copy link".
 */
import { useCallback, useEffect, useRef } from 'react';
import { replaceParams, withParams } from './url-state.ts';

export const ADDRESS_DELAY_MS = 250;

/** `params`: the island's parameters (undefined removes one); undefined while the view is not restored yet. */
export function useViewAddress(params: Record<string, string | undefined> | undefined): () => string {
  const latest = useRef(params);
  latest.current = params;
  // A parameter set to undefined (removed) must change the key too: JSON drops undefined members.
  const key = params === undefined ? undefined : JSON.stringify(Object.entries(params).map(([name, value]) => [name, value ?? null]));

  useEffect(() => {
    if (key === undefined) return undefined;
    const timer = setTimeout(() => {
      if (latest.current) replaceParams(latest.current);
    }, ADDRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);

  useEffect(() => {
    const flush = () => {
      if (latest.current) replaceParams(latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  return useCallback(() => {
    const search = latest.current ? withParams(location.search, latest.current) : location.search;
    return `${location.origin}${location.pathname}${search}${location.hash}`;
  }, []);
}
