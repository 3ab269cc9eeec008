/**
 * Each chosen run's summary (from its data file, run-summary.ts), fetched when the run is
 * chosen, as a load state per run id, so one missing file shows as an error on its run while the
 * others compare. A run removed after a failure is fetched again if it is chosen again.
 */
import { useEffect, useState } from 'react';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { loadRunSummary } from './run-summary.ts';

export type SummaryLoad = { state: 'loading' } | { state: 'ok'; data: RunSummaryData } | { state: 'error'; message: string };

const LOADING: SummaryLoad = { state: 'loading' };

export function useRunSummaries(ids: readonly string[], base: string): (id: string) => SummaryLoad {
  const [loads, setLoads] = useState<ReadonlyMap<string, SummaryLoad>>(new Map());
  const key = ids.join('\n');
  useEffect(() => {
    const chosen = new Set(ids);
    const failedElsewhere = [...loads].filter(([id, load]) => load.state === 'error' && !chosen.has(id)).map(([id]) => id);
    const missing = ids.filter((id) => !loads.has(id));
    if (failedElsewhere.length === 0 && missing.length === 0) return;
    setLoads((current) => {
      const next = new Map(current);
      for (const id of failedElsewhere) next.delete(id);
      for (const id of missing) next.set(id, LOADING);
      return next;
    });
    // Results land even if the selection changed meanwhile: a run that is chosen again needs no refetch.
    for (const id of missing) {
      loadRunSummary(id, base).then(
        (data) => setLoads((current) => new Map(current).set(id, { state: 'ok', data })),
        (e: unknown) => setLoads((current) => new Map(current).set(id, { state: 'error', message: e instanceof Error ? e.message : String(e) })),
      );
    }
    // `loads` is read, not followed: a run is fetched when it is chosen, not when another one arrives.
  }, [key, base]);
  return (id) => loads.get(id) ?? LOADING;
}
