/**
 * What the site search searches, fetched the first time `request` is called (a focus or a
 * keystroke in the box), never when the page loads: the runs index (names and ids) and the
 * params-and-tags index, in parallel. Runs are searchable as soon as their index arrives; a
 * failed params index only leaves params and tags out (and says so).
 */
import { useCallback, useRef, useState } from 'react';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import { loadRunIndex } from './run-index.ts';
import { loadTermIndex, type TermIndex } from './term-index.ts';

export interface SearchData {
  runs?: RunIndexEntry[];
  terms?: TermIndex;
  /** The runs index could not be loaded. */
  error?: string;
  /** The params-and-tags index could not be loaded. */
  termsError?: string;
  request: () => void;
}

export function useSearchData(base: string): SearchData {
  const [runs, setRuns] = useState<RunIndexEntry[]>();
  const [terms, setTerms] = useState<TermIndex>();
  const [error, setError] = useState<string>();
  const [termsError, setTermsError] = useState<string>();
  const started = useRef(false);
  const request = useCallback(() => {
    if (started.current) return;
    started.current = true;
    const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
    loadRunIndex(base).then(setRuns, (e: unknown) => setError(message(e)));
    loadTermIndex(base).then(setTerms, (e: unknown) => setTermsError(message(e)));
  }, [base]);
  return { ...(runs ? { runs } : {}), ...(terms ? { terms } : {}), ...(error !== undefined ? { error } : {}), ...(termsError !== undefined ? { termsError } : {}), request };
}
