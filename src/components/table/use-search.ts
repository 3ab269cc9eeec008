/**
 * A search box's text, debounced and compiled: what the table applies is the last text that
 * compiled, so a typo shows its error while the table keeps its last good result.
 */
import { useMemo, useState } from 'react';
import type { Compiled, SearchProblem } from './search.ts';
import { useDebounced } from './use-debounced.ts';

/** Typing pauses this long before the table re-filters (10,000 runs filter in a few ms). */
export const SEARCH_DEBOUNCE_MS = 150;

export interface CompiledInput<T> {
  /** The last good compiled value; undefined for an empty box. */
  value: T | undefined;
  /** The error of the current text, if it does not compile. */
  error: SearchProblem | undefined;
}

export function useCompiledInput<T>(text: string, compile: (text: string) => Compiled<T | undefined>): CompiledInput<T> {
  const settled = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const compiled = useMemo(() => compile(settled), [compile, settled]);
  // "Adjusting state while rendering" (react.dev): remember the last result that compiled.
  const [good, setGood] = useState<Compiled<T | undefined>>(compiled);
  if (compiled.ok && compiled !== good) setGood(compiled);
  const last = compiled.ok ? compiled : good;
  return { value: last.ok ? last.value : undefined, error: compiled.ok ? undefined : compiled.error };
}
