/**
 * Restores the runs table's view once, after hydration (the server-rendered HTML has no address):
 * filter, order, sort, expanded parents and grouping from the address (view-url.ts), columns from
 * the address or else from the browser's memory of this experiment. Returns whether that is done:
 * until then the table neither writes the address nor announces its view, which would otherwise
 * replace a shared link's view with the defaults.
 */
import { useEffect, useState } from 'react';
import { browserStorage, recallColumns } from './column-memory.ts';
import { readTableView, type UrlTableView } from './view-url.ts';

export interface RestoreTargets {
  base: string;
  experimentId: string;
  restoreColumns: (entries: readonly string[]) => void;
  restoreView: (view: UrlTableView) => void;
}

export function useRestoredView({ base, experimentId, restoreColumns, restoreView }: RestoreTargets): boolean {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const url = readTableView(location.search);
    const columns = url.columns ?? recallColumns(browserStorage(), base, experimentId);
    if (columns) restoreColumns(columns);
    restoreView(url);
    setRestored(true);
  }, []);
  return restored;
}
