/**
 * A page's view state in its address, so a view can be shared and survives a reload
 * (`/experiments/1/?filter=…&cols=…&charts=…`). Several islands share one page, so each owns a few
 * parameter names and rewrites only those, keeping everyone else's:
 * - runs table: `filter`, `order`, `sort`, `cols`, `open`, `group`
 * - experiment chart panels: `charts`, `x`, `log`, `smooth`, `outliers`, `band`
 * - leaderboard: `rank`
 * - compare page: `runs`, `baseline`, `diff`, `group`
 * - run page key filter: `keys`
 * Pure functions over query strings, plus one browser call that writes the address without adding
 * a history entry per keystroke (`history.replaceState`). Browser-safe.
 */

/** The value of one parameter of a query string (`location.search`, with or without `?`). */
export function readParam(search: string, name: string): string | undefined {
  return new URLSearchParams(search).get(name) ?? undefined;
}

/** The query string with `updates` applied (undefined or '' removes a parameter), `?` included, or '' when empty. */
export function withParams(search: string, updates: Record<string, string | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(updates)) {
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Rewrites the current address with `updates`, keeping the path, the other parameters and the hash. */
export function replaceParams(updates: Record<string, string | undefined>): void {
  const search = withParams(location.search, updates);
  if (search === location.search || (search === '' && location.search === '?')) return;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}
