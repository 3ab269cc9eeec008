/**
 * The views: what each page of the site shows, prepared once by `runfolio build` from the
 * Snapshot and the analyses, and handed to the Astro pages as plain JSON. Pages only lay them
 * out. Maps are lists of [key, value] pairs: keys come from the store (untrusted, any spelling).
 * Metric values keep the Snapshot's spelling (numbers, or 'NaN'/'Infinity'/'-Infinity').
 */
import type { MetricValue, RunStatus } from '../../model.ts';
import type { ChartImage, ChartImages } from '../charts-static.ts';

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
  warnings: { path: string; message: string }[];
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
  /** The metric and param columns of the preview rows. */
  previewColumns: { metrics: string[]; params: string[] };
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
  artifacts: { path: string; size: number }[];
  /** Every history fits the run's data file; otherwise a CSV holds the full histories. */
  historyComplete: boolean;
  /** Archive mode: one rendered chart per metric. */
  charts?: ChartImage[];
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

export interface ReportView {
  slug: string;
  title: string;
  date?: string;
  summary?: string;
  html: string;
  runs: RunLink[];
}

/** A row of a comparison: one value per run (baseline first), and whether each differs from the baseline. */
export interface CompareRow<T> {
  key: string;
  values: (T | null)[];
  differs: boolean[];
}

export interface CompareView {
  /** Baseline first. */
  runs: RunLink[];
  attributes: CompareRow<string>[];
  params: CompareRow<string>[];
  metrics: (CompareRow<MetricValue> & { changes: ({ absolute: number; relative: number | null } | null)[] })[];
  systemMetrics: (CompareRow<MetricValue> & { changes: ({ absolute: number; relative: number | null } | null)[] })[];
  tags: CompareRow<string>[];
  charts: ChartImage[];
}
