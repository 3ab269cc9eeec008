/**
 * How the experiment page's islands talk without knowing each other: the runs table announces
 * which runs it shows (after its filter, in its order), which are selected and how they are
 * grouped; the chart panels listen and draw those runs. An island that mounts later asks for the
 * current view and the table answers with a fresh announcement. Browser-safe, window events only.
 */
export const RUNS_VIEW_EVENT = 'runfolio:runs-view';
export const RUNS_VIEW_REQUEST_EVENT = 'runfolio:runs-view-request';

export interface RunsViewDetail {
  experimentId: string;
  /** Run ids the table shows, top to bottom (folded children left out). */
  shown: string[];
  /** Run ids ticked in the table, in table order. */
  selected: string[];
  /** `params.X` / `tags.Y` when the table groups its rows, with each group's runs. */
  groupBy?: string;
  groups?: { label: string; runIds: string[] }[];
}

export function announceRunsView(detail: RunsViewDetail): void {
  window.dispatchEvent(new CustomEvent<RunsViewDetail>(RUNS_VIEW_EVENT, { detail }));
}

/** Listens to the table's announcements; returns the function that stops listening. */
export function onRunsView(listener: (detail: RunsViewDetail) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<RunsViewDetail>).detail);
  window.addEventListener(RUNS_VIEW_EVENT, handler);
  return () => window.removeEventListener(RUNS_VIEW_EVENT, handler);
}

/** Asks the table to announce its current view (for an island that mounted after it). */
export function requestRunsView(): void {
  window.dispatchEvent(new Event(RUNS_VIEW_REQUEST_EVENT));
}

/** The table's side: answers every request; returns the function that stops answering. */
export function answerRunsViewRequests(current: () => RunsViewDetail | undefined): () => void {
  const handler = () => {
    const detail = current();
    if (detail) announceRunsView(detail);
  };
  window.addEventListener(RUNS_VIEW_REQUEST_EVENT, handler);
  return () => window.removeEventListener(RUNS_VIEW_REQUEST_EVENT, handler);
}
