/**
 * A report page's view: its front matter, its body as parts in reading order, and the runs it
 * cites. Parts are sanitized HTML (from micromark), code to highlight (Shiki, through Astro's
 * `<Code>`), and resolved embeds: plain data the page's components lay out and escape, chart
 * SVGs rendered by Vega's writer (which escapes every text). Paths are site-root routes; the
 * page puts them through `withBase()`.
 */
import type { CompareRow, RunLink } from '../views/types.ts';
import type { MetricValue, RunStatus } from '../../model.ts';
import type { XAxis } from '../../charts/line-spec.ts';

export interface ReportView {
  slug: string;
  title: string;
  date?: string;
  summary?: string;
  authors: string[];
  tags: string[];
  /** A draft, published because the build asked for drafts. */
  draft: boolean;
  /** The experiments the front matter names. */
  experiments: { id: string; name: string }[];
  /** Headings of levels 2 and 3, when the report has enough of them to need a table of contents. */
  toc: TocEntry[];
  body: ReportPart[];
  /** Runs the report cites: its front matter's, then those its embeds show, in order of first mention. */
  runs: RunLink[];
}

export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

export type ReportPart = { kind: 'html'; html: string } | { kind: 'code'; code: string; lang: string } | EmbedView;

export type EmbedView = LeaderboardView | DiffView | HistoryView | ParamsChartView | ValueView | LinkView;

export interface LeaderboardView {
  kind: 'leaderboard';
  caption: string;
  columns: { label: string; numeric: boolean }[];
  rows: { rank: number; run: RunLink; cells: string[] }[];
}

export interface DiffView {
  kind: 'diff';
  caption: string;
  /** Baseline first. */
  runs: RunLink[];
  sections: { caption: string; metric: boolean; rows: (CompareRow<string> | (CompareRow<MetricValue> & { changes: ({ absolute: number; relative: number | null } | null)[] }))[] }[];
  /** Shown when no section has a row: what was compared and found equal. */
  empty?: string;
}

/** Light and dark renderings of one chart, inline SVG. */
export interface ChartSvgs {
  light: string;
  dark: string;
  alt: string;
  caption: string;
}

export interface HistoryView {
  kind: 'history';
  charts: (ChartSvgs & {
    metric: string;
    /** What the interactive chart island loads where JavaScript runs (run data files, options). */
    island: { runs: { id: string; name: string }[]; x: XAxis; log: boolean; smoothing: number };
  })[];
}

export interface ParamsChartView extends ChartSvgs {
  kind: 'parallel' | 'scatter';
}

export interface ValueView {
  kind: 'value';
  text: string;
  /** Where the value comes from, shown on hover: run, key, which value. */
  title: string;
  /** The run page the value links to. */
  href: string;
}

export interface LinkView {
  kind: 'link';
  text: string;
  href: string;
  status?: RunStatus;
  /** Short labels after the name: a version's stage and aliases. */
  pills: string[];
}
