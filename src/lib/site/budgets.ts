/**
 * The site's size budgets, in one list: `runfolio build` checks the written site against them
 * (check-output.ts), `npm run bench` prints the figures beside them and README.md's page-weight
 * table states them (a test keeps the README equal to this list).
 *
 * - One file: at most 25 MB (MiB, as `formatBytes` counts). Hosts refuse larger files
 *   (Cloudflare Pages: 25 MiB per file; GitHub warns from 50 MB), so a larger one fails the build.
 * - A page's first view: everything the browser fetches before the page is usable (HTML, its
 *   stylesheets, the JavaScript it loads at first and, on experiment pages, the runs table's
 *   first data chunk), gzipped. Passing the budget of its kind is a warning: the site still works.
 */

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export type PageKind = 'home' | 'experiment' | 'run' | 'compare' | 'static-compare' | 'model' | 'report' | 'not-found';

export interface WeightBudget {
  kind: PageKind;
  /** How the README and warnings name the page. */
  label: string;
  /** First-view budget, gzipped, KB (1,024 bytes). */
  kb: number;
}

export const WEIGHT_BUDGETS: readonly WeightBudget[] = [
  { kind: 'home', label: 'home page', kb: 100 },
  { kind: 'experiment', label: 'experiment page, with the runs table’s first data chunk', kb: 500 },
  { kind: 'run', label: 'run page', kb: 150 },
  { kind: 'compare', label: 'compare page', kb: 150 },
  { kind: 'static-compare', label: 'static comparison page', kb: 100 },
  { kind: 'model', label: 'model page', kb: 100 },
  // A report with live charts loads the run page's chart script (React's client with it): 99 KB
  // for the demo's sweep report, so it gets the run page's budget, not a static page's.
  { kind: 'report', label: 'report page', kb: 150 },
  { kind: 'not-found', label: 'page-not-found page', kb: 100 },
];

/** The chart runtime a page loads when its first chart shows (not part of any first view), gzipped KB. */
export const CHART_RUNTIME_KB = 200;

/** The kind of the page at `page` (a path under the site root, `runs/abc/index.html`), or undefined for files that are not pages. */
export function pageKind(page: string): PageKind | undefined {
  if (!page.endsWith('.html')) return undefined;
  if (page === 'index.html') return 'home';
  if (page === '404.html') return 'not-found';
  if (page === 'compare/index.html') return 'compare';
  const [folder, , file, rest] = page.split('/');
  if (file !== 'index.html' || rest !== undefined) return undefined;
  switch (folder) {
    case 'experiments':
      return 'experiment';
    case 'runs':
      return 'run';
    case 'compare':
      return 'static-compare';
    case 'models':
      return 'model';
    case 'reports':
      return 'report';
    default:
      return undefined;
  }
}

export function budgetOf(kind: PageKind): WeightBudget {
  return WEIGHT_BUDGETS.find((b) => b.kind === kind) as WeightBudget;
}
