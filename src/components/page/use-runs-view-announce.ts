/**
 * The runs table's side of runs-view-event.ts: announces the view whenever it changes (filter,
 * order, selection, grouping, rows arriving) and answers the requests of islands that mount
 * later. `detail` is undefined while there is nothing true to say yet (no rows loaded, the view
 * not restored from the address).
 */
import { useEffect, useRef } from 'react';
import { announceRunsView, answerRunsViewRequests, type RunsViewDetail } from './runs-view-event.ts';

export function useRunsViewAnnounce(detail: RunsViewDetail | undefined): void {
  const latest = useRef(detail);
  latest.current = detail;
  useEffect(() => {
    if (detail) announceRunsView(detail);
  }, [detail]);
  useEffect(() => answerRunsViewRequests(() => latest.current), []);
}
