/**
 * The home page's search box (a React island): experiments by name or id prefix at once, and
 * runs as well once the runs index has arrived. The index is fetched on the first focus or
 * keystroke, never on page load, so a visitor who does not search does not pay for it.
 *
 * Results are links in a list (at most 20, then a note of how many more matched), reached with
 * ↓ and followed with Enter (list-keys.ts); the match is highlighted with `<mark>`. Names are
 * untrusted: they only ever become React text.
 */
import { QueryInput } from './QueryInput.tsx';
import { useId, useMemo, useState } from 'react';
import Highlight from './Highlight.tsx';
import { useListKeys } from './list-keys.ts';
import { siteResults, type ExperimentEntry, type SiteResult } from './site-results.ts';
import styles from './SiteSearch.module.css';
import { useRunIndexOnDemand, type RunIndexState } from './use-run-index.ts';

export interface SiteSearchProps {
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
  experiments: ExperimentEntry[];
}

const LIMIT = 20;

export default function SiteSearch({ base, experiments }: SiteSearchProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const runs = useRunIndexOnDemand(base);
  const { input, list, onKeyDown } = useListKeys();
  const { results, total } = useMemo(() => siteResults(experiments, runs.index ?? [], query, base, LIMIT), [experiments, runs.index, query, base]);
  const searching = query.trim() !== '';
  return (
    <div role="search" className={styles.search} onKeyDown={onKeyDown}>
      <QueryInput
        id={id}
        label="Search experiments and runs"
        placeholder="Name or id"
        value={query}
        status={searching ? statusText(results.length, total, runs) : ''}
        inputRef={input}
        onWant={runs.request}
        onChange={setQuery}
        classes={{ label: styles.label, input: styles.input, status: styles.status }}
      />
      {runs.error !== undefined ? <p className={styles.error}>Runs cannot be searched: {runs.error}</p> : null}
      {results.length > 0 ? (
        <ul ref={list} className={styles.results} aria-label="Search results">
          {results.map((result) => (
            <li key={`${result.kind}:${result.id}`}>
              <ResultLink result={result} />
            </li>
          ))}
        </ul>
      ) : null}
      {total > results.length ? <p className={styles.more}>{total - results.length} more — type more of the name to narrow the list.</p> : null}
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
      </span>
    </a>
  );
}

function statusText(shown: number, total: number, runs: RunIndexState): string {
  const found = total === 0 ? 'No matches' : `${total} match${total === 1 ? '' : 'es'}${total > shown ? `, ${shown} shown` : ''}`;
  const loading = runs.index === undefined && runs.error === undefined ? ' among experiments; loading runs…' : '.';
  return `${found}${loading}${shown > 0 ? ' Press ↓ to reach the results.' : ''}`;
}
