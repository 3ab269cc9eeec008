/**
 * The chosen runs, in the order compared: each with its load state, a link to its page, a radio
 * making it the baseline and a button removing it. Runs that are not on the site, or whose
 * summary file could not be loaded, are listed with the reason, so the reader can remove them.
 */
import { useId } from 'react';
import { runName } from '../../lib/site/format.ts';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import styles from './Compare.module.css';
import type { SummaryLoad } from './use-run-summaries.ts';

export interface RunListProps {
  base: string;
  ids: readonly string[];
  load: (id: string) => SummaryLoad;
  /** The runs index by id, once loaded: names the runs that failed, and tells unknown ids apart. */
  index?: ReadonlyMap<string, RunIndexEntry>;
  baseline: string | undefined;
  onBaseline: (id: string) => void;
  onRemove: (id: string) => void;
}

export default function RunList({ base, ids, load, index, baseline, onBaseline, onRemove }: RunListProps) {
  const group = useId();
  return (
    <fieldset className={styles.runList}>
      <legend>
        {ids.length} run{ids.length === 1 ? '' : 's'} compared · choose the baseline
      </legend>
      <ol>
        {ids.map((id) => {
          const state = load(id);
          const known = state.state === 'ok' ? state.data : index?.get(id);
          const name = known ? runName(known) : id;
          const isBaseline = baseline === id;
          return (
            <li key={id} className={isBaseline ? styles.baselineRun : undefined}>
              <label className={styles.baselineChoice}>
                <input type="radio" name={group} checked={isBaseline} disabled={state.state !== 'ok'} onChange={() => onBaseline(id)} />
                <span className={styles.runName}>{name}</span>
                {isBaseline ? <span className={styles.badge}>baseline</span> : null}
              </label>
              {state.state === 'ok' ? (
                <span className={styles.runMeta}>
                  {state.data.experimentName} ·{' '}
                  <a href={withBase(routes.run(id), base)}>
                    run page<span className="visually-hidden"> of {name}</span>
                  </a>
                </span>
              ) : null}
              {state.state === 'loading' ? <span className={styles.runMeta}>loading…</span> : null}
              {state.state === 'error' ? (
                <span className={styles.runError} role="alert">
                  {index && !known ? `No run with id “${id}” is published on this site.` : `Run “${name}” (${id}) could not be loaded: ${state.message}`}
                </span>
              ) : null}
              <button type="button" className={styles.remove} onClick={() => onRemove(id)}>
                Remove<span className="visually-hidden"> {name}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
