/**
 * The compare page's state in its URL, so a comparison can be shared:
 * `/compare/?runs=a,b,c&baseline=b&diff=1&group=params.model`, read and written with the page's
 * shared helpers (src/components/page/url-state.ts). `runs` is a list parameter (the run ids in
 * the order shown, as routes.ts `routes.compare` writes them); `baseline` is given only when it
 * is not the first run; `diff=1` shows differences only; `group` names the key runs are grouped
 * by (`params.X` or `tags.Y`).
 *
 * Reading is tolerant, because people type and paste these URLs: spaces around ids, empty
 * entries, repeated ids (the first occurrence counts), `+` for a space, several `runs=`
 * parameters (joined), a malformed `%` escape (kept as typed), a baseline that is not among the
 * runs (ignored), a `group` that is neither `params.` nor `tags.` (ignored).
 */
import { listParam, readListParam, readParam } from '../page/url-state.ts';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import { parseGroupKey } from '../../lib/analyze/groups.ts';

export interface CompareSelection {
  /** Run ids, in the order shown, without repeats. */
  runs: string[];
  /** The run the others are compared with; absent means the first run. */
  baseline?: string;
}

export interface CompareView extends CompareSelection {
  /** Rows where every run equals the baseline are hidden. */
  differencesOnly: boolean;
  /** `params.X` / `tags.Y` the runs are grouped by. */
  groupBy?: string;
}

/** The selection a query string (`location.search`, with or without `?`) asks for. */
export function parseCompareSearch(search: string): CompareSelection {
  const unique = [...new Set((readListParam(search, 'runs') ?? []).map((id) => id.trim()).filter((id) => id !== ''))];
  const baseline = readParam(search, 'baseline')?.trim();
  return baseline !== undefined && unique.indexOf(baseline) > 0 ? { runs: unique, baseline } : { runs: unique };
}

/** The whole view a query string asks for: the selection, differences-only and group-by. */
export function parseCompareView(search: string): CompareView {
  const group = readParam(search, 'group');
  const groupBy = group !== undefined && parseGroupKey(group) ? group : undefined;
  return { ...parseCompareSearch(search), differencesOnly: readParam(search, 'diff') === '1', ...(groupBy ? { groupBy } : {}) };
}

/** The parameters of a view, for url-state.ts `replaceParams` (undefined removes one). */
export function compareParams(view: CompareView): Record<string, string | undefined> {
  const { runs, baseline } = view;
  return {
    runs: listParam(runs),
    baseline: baseline !== undefined && runs.indexOf(baseline) > 0 ? baseline : undefined,
    diff: view.differencesOnly ? '1' : undefined,
    group: view.groupBy,
  };
}

/** The page URL of a selection under the site's base path; `baseline` only when it is not the first run. */
export function compareUrl(selection: CompareSelection, base: string): string {
  const { runs, baseline } = selection;
  const url = withBase(routes.compare(runs), base);
  return baseline !== undefined && runs.indexOf(baseline) > 0 ? `${url}&baseline=${encodeURIComponent(baseline)}` : url;
}
