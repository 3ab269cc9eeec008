/**
 * The compare page's run picker: a search box over the runs index (run name, id prefix or
 * experiment name; search/match.ts), with the best 20 runs not yet chosen as "add" buttons
 * under it. ↓ reaches the list, Enter or Space adds a run; focus then returns to the box, so
 * several runs are added in a row.
 */
import { QueryInput } from '../search/QueryInput.tsx';
import { useId, useMemo, useState } from 'react';
import { formatTime, runName } from '../../lib/site/format.ts';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import Highlight from '../search/Highlight.tsx';
import { useListKeys } from '../search/list-keys.ts';
import { searchItems } from '../search/match.ts';
import type { RunIndexState } from '../search/use-run-index.ts';
import styles from './Compare.module.css';

export interface RunPickerProps {
  runs: RunIndexState;
  chosen: readonly string[];
  onAdd: (id: string) => void;
}

const LIMIT = 20;

export default function RunPicker({ runs, chosen, onAdd }: RunPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const { input, list, onKeyDown } = useListKeys();
  const candidates = useMemo(() => {
    const taken = new Set(chosen);
    return (runs.index ?? []).filter((run) => !taken.has(run.id));
  }, [runs.index, chosen]);
  const { hits, total } = useMemo(() => searchItems(candidates, query, { limit: LIMIT, withExperiment: true }), [candidates, query]);
  const searching = query.trim() !== '';
  const add = (run: RunIndexEntry) => {
    onAdd(run.id);
    input.current?.focus();
  };
  return (
    <div className={styles.picker} onKeyDown={onKeyDown}>
      <QueryInput
        id={id}
        label="Add a run"
        placeholder="Run name, id or experiment"
        value={query}
        status={runs.error !== undefined ? `Runs cannot be searched: ${runs.error}` : searching ? statusText(hits.length, total, runs.index !== undefined) : ''}
        inputRef={input}
        onWant={runs.request}
        onChange={setQuery}
        classes={{ label: styles.label, input: styles.input, status: styles.status }}
      />
      {hits.length > 0 ? (
        <ul ref={list} className={styles.hits} aria-label="Runs to add">
          {hits.map((hit) => (
            <li key={hit.item.id}>
              <button type="button" data-result="" className={styles.hit} onClick={() => add(hit.item)}>
                <span className={styles.hitName}>
                  <Highlight text={runName(hit.item)} {...(hit.field === 'name' ? { start: hit.start, length: hit.length } : {})} />
                </span>
                <span className={styles.hitDetail}>
                  <Highlight text={hit.item.experimentName} {...(hit.field === 'experimentName' ? { start: hit.start, length: hit.length } : {})} />
                  {' · '}
                  <code>
                    <Highlight text={hit.item.id} {...(hit.field === 'id' ? { start: hit.start, length: hit.length } : {})} />
                  </code>
                  {' · '}
                  {hit.item.status.toLowerCase()}
                  {hit.item.startTime !== undefined ? ` · ${formatTime(hit.item.startTime)}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {total > hits.length ? <p className={styles.status}>{total - hits.length} more — type more to narrow the list.</p> : null}
    </div>
  );
}

function statusText(shown: number, total: number, loaded: boolean): string {
  if (!loaded) return 'Loading runs…';
  if (total === 0) return 'No runs match.';
  return `${total} run${total === 1 ? '' : 's'} match${total === 1 ? 'es' : ''}${total > shown ? `, ${shown} shown` : ''}. Press ↓ to reach them, Enter to add one.`;
}
