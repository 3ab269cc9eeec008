/**
 * The compare page's state in its URL, so a comparison can be shared:
 * `/compare/?runs=a,b,c&baseline=b`. `runs` lists the run ids in the order shown, each
 * percent-encoded as routes.ts `routes.compare` writes them (a `,` inside an id is `%2C`);
 * `baseline` is given only when it is not the first run.
 *
 * Reading is tolerant, because people type and paste these URLs: spaces around ids, empty
 * entries, repeated ids (the first occurrence counts), `+` for a space, several `runs=`
 * parameters (joined), a malformed `%` escape (kept as typed), a baseline that is not among the
 * runs (ignored).
 */
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';

export interface CompareSelection {
  /** Run ids, in the order shown, without repeats. */
  runs: string[];
  /** The run the others are compared with; absent means the first run. */
  baseline?: string;
}

/** The selection a query string (`location.search`, with or without `?`) asks for. */
export function parseCompareSearch(search: string): CompareSelection {
  const runs: string[] = [];
  let baseline: string | undefined;
  for (const part of search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    const name = decodePart(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    if (name === 'runs') runs.push(...raw.split(',').map((id) => decodePart(id).trim()));
    else if (name === 'baseline') baseline = decodePart(raw).trim();
  }
  const unique = [...new Set(runs.filter((id) => id !== ''))];
  return baseline !== undefined && unique.indexOf(baseline) > 0 ? { runs: unique, baseline } : { runs: unique };
}

/** The page URL of a selection under the site's base path; `baseline` only when it is not the first run. */
export function compareUrl(selection: CompareSelection, base: string): string {
  const { runs, baseline } = selection;
  const url = withBase(routes.compare(runs), base);
  return baseline !== undefined && runs.indexOf(baseline) > 0 ? `${url}&baseline=${encodeURIComponent(baseline)}` : url;
}

function decodePart(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
