/**
 * The views: what each page of the site shows, prepared once by `runfolio build` from the
 * Snapshot and the analyses, and handed to the Astro pages as plain JSON. Pages only lay them
 * out. Maps are lists of [key, value] pairs: keys come from the store (untrusted, any spelling).
 * Metric values keep the Snapshot's spelling (numbers, or 'NaN'/'Infinity'/'-Infinity').
 */
import type { MetricValue, RunStatus } from '../../model.ts';
import type { ArtifactKind } from '../artifact-kinds.ts';
import type { ChartImage, ChartImages } from '../charts-static.ts';
import type { CsvPreview } from '../csv-preview.ts';
import type { CodeLanguage, Token } from '../highlight.ts';
import type { ReportView } from '../reports/view.ts';
import type { Attribute, UniformColumn } from '../table-data.ts';

export type Pairs = [string, string][];

export interface SiteViews {
  /** When the site was generated (SOURCE_DATE_EPOCH), epoch ms; absent keeps builds byte-identical. */
  generated?: number;
  /** Archive mode: pages complete without JavaScript (opened from disk), charts as SVG files. */
  archive: boolean;
  home: HomeView;
  experiments: ExperimentView[];
  runs: RunView[];
  models: ModelView[];
  reports: ReportView[];
  /** Static comparison pages asked for on the command line. */
  compares: CompareView[];
  /** `runfolio compare --out`: the home page is the first comparison, with this verdict. */
  compareHome?: CompareVerdict;
  warnings: { path: string; message: string }[];
  /** The trackers the published runs were logged with (views/trackers.ts), for the footer. */
  trackers: string[];
}

export interface RunLink {
  id: string;
  name: string;
  status: RunStatus;
}

export interface HomeView {
  experiments: {
    id: string;
    name: string;
    runs: number;
    lastActivity?: number;
    best?: { run: RunLink; metric: string; value: MetricValue };
  }[];
  /** Runs and experiments left out of the site because they are deleted. */
  hidden: { experiments: number; runs: number };
  models: { name: string; versions: number; current?: { version: string; label: string } }[];
  totals: { runs: number; metrics: number; params: number };
}

export interface LeaderboardRow extends RunLink {
  rank: number;
  value: MetricValue;
  startTime?: number;
}

/** One row of a runs table as the static HTML shows it before (or without) JavaScript. */
export interface RunsTableRow extends RunLink {
  depth: number;
  startTime?: number;
  durationMs?: number;
  user?: string;
  children: number;
  metrics: (MetricValue | null)[];
  params: (string | null)[];
}

export interface ExperimentView {
  id: string;
  name: string;
  noteHtml?: string;
  tags: Pairs;
  runCount: number;
  statusCounts: [RunStatus, number][];
  lastActivity?: number;
  /** The metric the page ranks by (analyze/relevance.ts: `--metric`, the `runfolio.metrics` tag, else the most telling one). */
  primaryMetric?: { key: string; direction: 'asc' | 'desc' };
  leaderboard: LeaderboardRow[];
  /** Leaderboards by other telling metrics, in relevance order, that the reader can switch to. */
  otherLeaderboards: { key: string; direction: 'asc' | 'desc'; rows: LeaderboardRow[] }[];
  /** Best child of each sweep (parent run) in the experiment. */
  sweeps: { parent: RunLink; children: number; best?: LeaderboardRow }[];
  /** Columns of the runs table. */
  columns: { metrics: string[]; params: string[] };
  /** The first rows, rendered into the page (the island loads the rest). */
  preview: RunsTableRow[];
  /** The columns shown at first (by the preview rows and the island): metric and param keys, attribute columns. */
  previewColumns: { metrics: string[]; params: string[]; attributes: Attribute[] };
  /** Columns the same in every run or empty in all, hidden at first (table-data.ts `uniformColumns`). */
  uniformColumns: UniformColumn[];
  /** Number of data chunks holding every row (dataFiles.runsTable). */
  tableChunks: number;
  /** The chart panels' choices. */
  panels: {
    /** Every metric in relevance order; `history` when some run logged it more than once (else drawn as bars). */
    metrics: { key: string; history: boolean }[];
    /** Metrics charted at first: the primary one and its train/val/test siblings, then telling ones. */
    defaults: string[];
    /** Run ids drawn until the runs table says which (the leaderboard's best first). */
    runs: string[];
  };
  charts: ChartImages;
  /** Reports about the experiment (naming it in their front matter, or citing one of its runs), in the reports index's order. */
  reports: ReportLink[];
}

export interface MetricSummary {
  key: string;
  latest: MetricValue;
  latestStep: number;
  min: MetricValue | null;
  max: MetricValue | null;
  points: number;
  system: boolean;
}

export interface RunView extends RunLink {
  experimentId: string;
  experimentName: string;
  lifecycleStage: 'active' | 'deleted';
  startTime?: number;
  endTime?: number;
  durationMs?: number;
  user?: string;
  artifactUri?: string;
  /** For runs read from a tracker's own logs: the tracker's name (`TensorBoard`) and the file or folder, store-relative. */
  provenance?: { tracker: string; path: string };
  /** Where the run came from and what makes it reproducible. */
  facts: Pairs;
  parent?: RunLink;
  children: RunLink[];
  modelVersions: { model: string; version: string; stage: string; aliases: string[] }[];
  loggedModels: { id: string; name: string; status?: string }[];
  params: Pairs;
  metrics: MetricSummary[];
  tags: Pairs;
  systemTags: Pairs;
  noteHtml?: string;
  inputs: { name: string; digest: string; context?: string; sourceType?: string; source?: string; rows?: string }[];
  /** Every artifact of the run, by path: copied (with a preview) or listed with why not. */
  artifacts: ArtifactView[];
  /** Every history fits the run's data file; otherwise a CSV holds the full histories. */
  historyComplete: boolean;
  /** A CSV of every point is published (dataFiles.runHistoryCsv): when a history was thinned, and in archives. */
  historyCsv: boolean;
  /** Archive mode: one rendered chart per metric. */
  charts?: ChartImage[];
  /** Reports that cite the run, in the reports index's order. */
  reports: ReportLink[];
}

/** A report as the pages it is about link it. */
export interface ReportLink {
  slug: string;
  title: string;
  date?: string;
}

export interface ModelView {
  name: string;
  descriptionHtml?: string;
  tags: Pairs;
  aliases: Pairs;
  creationTime?: number;
  lastUpdatedTime?: number;
  /** The version that stands out: the `champion` alias, else the newest Production one. */
  current?: { version: string; label: string };
  versions: {
    version: string;
    stage: string;
    status: string;
    aliases: string[];
    run?: RunLink;
    runId?: string;
    source?: string;
    creationTime?: number;
    descriptionHtml?: string;
    tags: Pairs;
  }[];
  isPrompt: boolean;
}

export type { ReportView } from '../reports/view.ts';

/** A row of a comparison: one value per run (baseline first), and whether each differs from the baseline. */
export interface CompareRow<T> {
  key: string;
  values: (T | null)[];
  differs: boolean[];
}

/** What `runfolio compare` decided: a one-line verdict and each held condition with both values. */
export interface CompareVerdict {
  verdict: string;
  failed: boolean;
  conditions: { level: 'fail' | 'warn'; text: string }[];
}

export interface CompareView {
  /** `baseline vs candidate`, by run names. */
  title: string;
  /** Baseline first. */
  runs: RunLink[];
  attributes: CompareRow<string>[];
  params: CompareRow<string>[];
  metrics: (CompareRow<MetricValue> & { changes: ({ absolute: number; relative: number | null } | null)[] })[];
  systemMetrics: (CompareRow<MetricValue> & { changes: ({ absolute: number; relative: number | null } | null)[] })[];
  tags: CompareRow<string>[];
  charts: ChartImage[];
  /** Artifacts two or more of the runs have under the same path: one entry per run (null where a run has none). */
  artifacts: { path: string; runs: (ArtifactView | null)[] }[];
}

/** One artifact of a run as its page shows it (artifacts.ts). */
export interface ArtifactView {
  /** Path under the run's artifact root, `/`-separated. */
  path: string;
  size: number;
  kind: ArtifactKind;
  /** The copy in the site (a path from the site root), when it was copied. */
  file?: string;
  /** The file name a download should get, when the copy is stored under another (`.bin`). */
  download?: string;
  /** Why there is no copy: over a budget, not in a store folder, unreadable. */
  skipped?: string;
  preview?: ArtifactPreview;
}

export type ArtifactPreview =
  /** Shown with `<img src={file}>`. */
  | { type: 'image' }
  /** An SVG through `<img>` from a `data:` URL: the file itself is never served as an image. */
  | { type: 'svg'; dataUrl: string }
  /** The first lines, coloured; `lines` counts all of them; `truncated` when some text is left out. */
  | { type: 'code'; language: CodeLanguage; tokens: Token[]; shownLines: number; lines: number; truncated: boolean }
  | ({ type: 'table' } & CsvPreview);
