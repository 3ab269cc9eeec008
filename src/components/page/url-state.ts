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
 *
 * A list in one parameter (`runs=a,b`, `cols=…`) joins its items with `,`; an item escapes its own
 * `%` and `,` (`%25`, `%2C`), so any text can be an item and the list survives every rewrite of
 * the address by withParams (which re-encodes the whole query).
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
  // `,` `/` `:` `~` read the same encoded or not (URLSearchParams decodes both): left as typed, so
  // lists and keys read as they are (`cols=metrics.val/loss,params.lr`).
  const text = params.toString().replace(/%2C|%2F|%3A|%7E/g, (escape) => READABLE[escape] as string);
  return text ? `?${text}` : '';
}

/** The items of a list parameter (every occurrence of it, joined), or undefined when it is absent. */
export function readListParam(search: string, name: string): string[] | undefined {
  const values = new URLSearchParams(search).getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map(unescapeItem);
}

/** A list as one parameter's value (see the header); '' for an empty list, which removes the parameter. */
export function listParam(items: readonly string[]): string {
  return items.map((item) => item.replaceAll('%', '%25').replaceAll(',', '%2C')).join(',');
}

/** An item's text; an escape that is not one (`50%`, `a%2`, typed by hand) stays as typed. */
function unescapeItem(item: string): string {
  try {
    return decodeURIComponent(item);
  } catch {
    return item;
  }
}

const READABLE: Record<string, string> = { '%2C': ',', '%2F': '/', '%3A': ':', '%7E': '~' };

/** Rewrites the current address with `updates`, keeping the path, the other parameters and the hash. */
export function replaceParams(updates: Record<string, string | undefined>): void {
  const search = withParams(location.search, updates);
  if (search === location.search || (search === '' && location.search === '?')) return;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}
