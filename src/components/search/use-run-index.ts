/**
 * The runs index for an island, fetched the first time `request` is called (a focus, a
 * keystroke, a run that needs checking), not when the page loads. A failed fetch is reported
 * and not retried on every keystroke; reloading the page tries again.
 */
import { useCallback, useRef, useState } from 'react';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import { loadRunIndex } from './run-index.ts';

export interface RunIndexState {
  index?: RunIndexEntry[];
  error?: string;
  /** Starts fetching the index, once. */
  request: () => void;
}

export function useRunIndexOnDemand(base: string): RunIndexState {
  const [index, setIndex] = useState<RunIndexEntry[]>();
  const [error, setError] = useState<string>();
  const started = useRef(false);
  const request = useCallback(() => {
    if (started.current) return;
    started.current = true;
    loadRunIndex(base).then(setIndex, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [base]);
  return { ...(index ? { index } : {}), ...(error !== undefined ? { error } : {}), request };
}
