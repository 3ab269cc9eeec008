/**
 * Which runs the chart panels draw, from what the runs table announces (runs-view-event.ts):
 * the runs ticked in the table (up to `SELECTED_RUNS`), else the first `SHOWN_RUNS` it shows
 * after its filter, in its order (MLflow's charts likewise draw the first runs of the table);
 * when the table groups its rows, each group (up to `GROUPS`, each over its first `GROUP_RUNS`
 * runs) as one line. Until the table speaks, the experiment's best runs by the primary metric.
 * Pure, browser-safe.
 */
import { DRAWN_RUNS } from '../../lib/charts/spec-frame.ts';
import type { RunsViewDetail } from '../page/runs-view-event.ts';

export const SHOWN_RUNS = DRAWN_RUNS;
export const SELECTED_RUNS = 50;
export const GROUPS = 10;
export const GROUP_RUNS = 30;

export type PanelRuns =
  | { kind: 'best'; ids: string[] }
  | { kind: 'shown' | 'selected'; ids: string[]; total: number }
  | { kind: 'groups'; groupBy: string; groups: { label: string; runIds: string[] }[]; total: number };

export function panelRuns(view: RunsViewDetail | undefined, best: readonly string[]): PanelRuns {
  if (!view) return { kind: 'best', ids: [...best] };
  if (view.groups && view.groups.length > 0) {
    return {
      kind: 'groups',
      groupBy: view.groupBy ?? '',
      groups: view.groups.slice(0, GROUPS).map((g) => ({ label: g.label, runIds: g.runIds.slice(0, GROUP_RUNS) })),
      total: view.groups.length,
    };
  }
  if (view.selected.length > 0) return { kind: 'selected', ids: view.selected.slice(0, SELECTED_RUNS), total: view.selected.length };
  return { kind: 'shown', ids: view.shown.slice(0, SHOWN_RUNS), total: view.shown.length };
}

/** Every run whose data file the panels need, once, in drawing order. */
export function runsToLoad(runs: PanelRuns): string[] {
  return runs.kind === 'groups' ? [...new Set(runs.groups.flatMap((g) => g.runIds))] : runs.ids;
}

/** What the panels draw, in a sentence. */
export function describeRuns(runs: PanelRuns, primary: string | undefined): string {
  const count = (n: number, what = 'run') => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  switch (runs.kind) {
    case 'best':
      return runs.ids.length === 0 ? 'No runs to draw.' : `The ${count(runs.ids.length, 'best run').replace(/^1 best run$/, 'best run')}${primary ? ` by ${primary}` : ''}; filter, order or tick runs in the table to choose others.`;
    case 'selected':
      return `The ${count(runs.ids.length)} ticked in the table${runs.total > runs.ids.length ? ` (of ${runs.total.toLocaleString('en-US')} ticked)` : ''}.`;
    case 'shown':
      return runs.total === 0
        ? 'The table shows no runs.'
        : runs.ids.length < runs.total
          ? `The first ${count(runs.ids.length)} of the ${count(runs.total)} the table shows; tick runs to choose others.`
          : `The ${count(runs.total)} the table shows.`;
    case 'groups':
      return `${count(runs.groups.length, 'group')} of runs by ${runs.groupBy || 'the table’s grouping'}${runs.total > runs.groups.length ? ` (the first of ${runs.total})` : ''}, each drawn as its mean with a band.`;
  }
}
