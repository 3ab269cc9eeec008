/**
 * The site search in the header of every page (a React island, mounted on first use by
 * mount-site-search.ts): experiments and runs by name or id prefix, and runs by their params and
 * tags (`lr=0.1`, `optimizer adam`). Its data is fetched on the first focus or keystroke, never on
 * page load, so a visitor who does not search does not pay for it.
 *
 * Results drop down under the box as links (at most 20, then a note of how many more matched),
 * reached with ↓ and followed with Enter (list-keys.ts); Escape closes the list. The match is
 * highlighted with `<mark>`. Names and values are untrusted: they only ever become React text.
 */
import { useEffect, useId, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import Highlight from './Highlight.tsx';
import { useListKeys } from './list-keys.ts';
import { QueryInput } from './QueryInput.tsx';
import { SEARCH_LABEL, SEARCH_PLACEHOLDER } from './search-box.ts';
import { siteResults, type ExperimentEntry, type SiteResult } from './site-results.ts';
import styles from './SiteSearch.module.css';
import { useSearchData, type SearchData } from './use-search-data.ts';

export interface SiteSearchProps {
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
  /** What the reader typed before the island took over the box. */
  initialQuery?: string;
  /** Take the focus when mounted (the reader is in the box already). */
  autoFocus?: boolean;
}

const LIMIT = 20;

export default function SiteSearch({ base, initialQuery = '', autoFocus = false }: SiteSearchProps) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(initialQuery.trim() !== '');
  const data = useSearchData(base);
  const { input, list, onKeyDown } = useListKeys();
  useEffect(() => {
    if (initialQuery !== '') data.request();
    if (autoFocus && input.current) {
      input.current.focus();
      input.current.setSelectionRange(input.current.value.length, input.current.value.length);
    }
  }, []);
  const experiments = useMemo(() => data.terms?.experiments ?? experimentsOf(data.runs), [data.terms, data.runs]);
  const { results, total } = useMemo(() => siteResults(experiments, data.runs ?? [], query, base, LIMIT, data.terms), [experiments, data.runs, data.terms, query, base]);
  const searching = query.trim() !== '';
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && document.activeElement === input.current) setOpen(false);
    else if (event.key === 'ArrowDown') setOpen(true);
    onKeyDown(event);
  };
  const leave = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div role="search" className={styles.search} onKeyDown={keys} onBlur={leave} onFocus={() => setOpen(true)}>
      <QueryInput
        id={id}
        label={SEARCH_LABEL}
        placeholder={SEARCH_PLACEHOLDER}
        value={query}
        status={searching ? statusText(results.length, total, data) : ''}
        inputRef={input}
        onWant={data.request}
        onChange={(value) => {
          setQuery(value);
          setOpen(true);
        }}
        classes={{ label: 'visually-hidden', input: styles.input, status: 'visually-hidden' }}
      />
      {open && searching ? (
        <div className={styles.panel}>
          {data.error !== undefined ? <p className={styles.error}>Runs cannot be searched: {data.error}</p> : null}
          {results.length > 0 ? (
            <ul ref={list} className={styles.results} aria-label="Search results">
              {results.map((result) => (
                <li key={`${result.kind}:${result.id}`}>
                  <ResultLink result={result} />
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.more}>{loading(data) ? 'Loading…' : 'No matches.'}</p>
          )}
          {total > results.length ? <p className={styles.more}>{total - results.length} more — type more to narrow the list.</p> : null}
          {data.terms && data.terms.omitted.length > 0 ? <p className={styles.more}>Not searched (too many values): {data.terms.omitted.join(', ')}.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

export function ResultLink({ result }: { result: SiteResult }) {
  const onName = result.field === 'name';
  return (
    <a href={result.href} data-result="" className={styles.result}>
      <span className={styles.title}>
        <Highlight text={result.title} {...(onName ? { start: result.start, length: result.length } : {})} />
      </span>
      <span className={styles.detail}>
        {result.kind === 'experiment' ? 'Experiment' : `Run in ${result.experimentName ?? ''}`}
        {result.field === 'id' ? (
          <>
            {' · id '}
            <code>
              <Highlight text={result.id} start={result.start} length={result.length} />
            </code>
          </>
        ) : null}
        {result.term ? (
          <>
            {` · ${result.term.kind} `}
            <code>
              <Highlight text={`${result.term.key}=${result.term.value}`} start={result.start} length={result.length} />
            </code>
          </>
        ) : null}
      </span>
    </a>
  );
}

/** Experiments as the runs index knows them, when the params index (which lists them all) is missing. */
function experimentsOf(runs: SearchData['runs']): ExperimentEntry[] {
  const seen = new Map<string, string>();
  for (const run of runs ?? []) if (!seen.has(run.experimentId)) seen.set(run.experimentId, run.experimentName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function loading(data: SearchData): boolean {
  return (data.runs === undefined && data.error === undefined) || (data.terms === undefined && data.termsError === undefined);
}

function statusText(shown: number, total: number, data: SearchData): string {
  const found = total === 0 ? 'No matches' : `${total} match${total === 1 ? '' : 'es'}${total > shown ? `, ${shown} shown` : ''}`;
  const pending = loading(data) ? '; still loading' : '';
  return `${found}${pending}.${shown > 0 ? ' Press ↓ to reach the results.' : ''}`;
}
