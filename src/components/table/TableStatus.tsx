/**
 * What the runs table says about its rows, politely announced: how many of the loaded runs it
 * shows (and in how many groups), that a filter with an error shows none, how loading goes; and,
 * as an alert, a chunk that failed to load, with a retry.
 */
import { formatCount } from '../../lib/site/format.ts';
import type { LoadFailure } from './load-chunks.ts';
import styles from './RunsTable.module.css';
import type { TableRows } from './state.ts';

export interface TableStatusProps {
  loaded: number;
  total: number;
  view: TableRows;
  filterFailed: boolean;
  failure: LoadFailure | undefined;
  loading: boolean;
  onRetry: () => void;
}

export function statusText(loaded: number, view: TableRows, filterFailed: boolean, failed: boolean): string {
  if (loaded === 0) return failed ? 'No runs loaded.' : 'Loading runs…';
  if (filterFailed) return `No runs shown: the filter has an error (see above). ${formatCount(loaded)} runs loaded.`;
  const groups = view.groups ? ` in ${formatCount(view.groups.length)} ${view.groups.length === 1 ? 'group' : 'groups'}` : '';
  return `${formatCount(view.matched)} of ${formatCount(loaded)} runs${groups}`;
}

export function TableStatus({ loaded, total, view, filterFailed, failure, loading, onRetry }: TableStatusProps) {
  return (
    <>
      <p className={styles.status} aria-live="polite">
        {statusText(loaded, view, filterFailed, failure !== undefined)}
        {loading && loaded > 0 ? ` · loading ${formatCount(loaded)} of ${formatCount(total)} runs…` : null}
      </p>
      {failure ? (
        <p role="alert" className={styles.error}>
          Could not load all runs ({failure.message}); the table shows {formatCount(loaded)} of {formatCount(total)}.{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </p>
      ) : null}
    </>
  );
}
