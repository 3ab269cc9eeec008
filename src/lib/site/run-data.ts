/**
 * A run's data file (`dataFiles.run(id)`): its metric series in the charts' format (series-file.ts,
 * thinned to a point budget) plus the summary the compare page's diff table shows. One file per
 * run: a 10,000-run site is mostly files, and each costs a write. Shared by the writer and the
 * browser; no Node, no zod.
 */
import { historyVaries } from '../analyze/relevance.ts';
import type { SeriesFile } from '../charts/series-file.ts';
import type { MetricValue, Run } from '../model.ts';
import type { ArtifactKind } from './artifact-kinds.ts';
import { LONG_TAGS } from './table-data.ts';

/** Points per series in run files (downsample.ts: every bucket's min and max kept); longer histories also get a CSV. */
export const SERIES_BUDGET = 1000;

/** Whether every history fits the series budget, so the run file holds every point. */
export function historyComplete(run: Pick<Run, 'metrics'>): boolean {
  return Object.values(run.metrics).every((m) => m.history.length <= SERIES_BUDGET);
}

/** Whether a run gets a CSV of every point: when its run file thins a history, and always in an archive (which keeps the data, not only the pages). */
export function hasHistoryCsv(run: Pick<Run, 'metrics'>, archive: boolean): boolean {
  return archive || !historyComplete(run);
}

export interface RunDataFile extends SeriesFile {
  summary: RunSummaryData;
  /** False when some history was thinned: the full history is then in `dataFiles.runHistoryCsv`. */
  complete: boolean;
}

export interface RunSummaryData {
  id: string;
  name: string;
  experimentId: string;
  experimentName: string;
  status: Run['status'];
  startTime?: number;
  endTime?: number;
  user?: string;
  source?: string;
  commit?: string;
  params: [string, string][];
  /** Latest value of each metric. */
  metrics: [string, MetricValue][];
  /** The metrics whose history changes over the run (relevance.ts `historyVaries`): compare tables rank curves before single values. */
  curves: string[];
  tags: [string, string][];
  /** The run's artifacts (artifacts.ts): the compare page shows same-named ones side by side. */
  artifacts?: ArtifactSummary[];
}

/** An artifact as the compare page needs it: where its copy is (when copied) and what kind it is. */
export interface ArtifactSummary {
  path: string;
  size: number;
  kind: ArtifactKind;
  file?: string;
  download?: string;
}

export function runSummaryData(run: Run, experimentName: string, artifacts: readonly ArtifactSummary[] = []): RunSummaryData {
  const data: RunSummaryData = {
    id: run.id,
    name: run.name,
    experimentId: run.experimentId,
    experimentName,
    status: run.status,
    params: Object.entries(run.params),
    metrics: Object.entries(run.metrics).map(([key, m]) => [key, m.latest.value]),
    curves: Object.entries(run.metrics).flatMap(([key, m]) => (historyVaries(m.history) ? [key] : [])),
    tags: Object.entries(run.tags).filter(([key]) => !LONG_TAGS.has(key)),
  };
  if (run.startTime !== undefined) data.startTime = run.startTime;
  if (run.endTime !== undefined) data.endTime = run.endTime;
  if (run.user) data.user = run.user;
  if (run.tags['mlflow.source.name']) data.source = run.tags['mlflow.source.name'];
  if (run.tags['mlflow.source.git.commit']) data.commit = run.tags['mlflow.source.git.commit'];
  if (artifacts.length > 0) {
    data.artifacts = artifacts.map(({ path, size, kind, file, download }) => ({ path, size, kind, ...(file !== undefined ? { file } : {}), ...(download !== undefined ? { download } : {}) }));
  }
  return data;
}

/** The runs index (`dataFiles.runIndex()`): every published run, for the compare picker and the site search. */
export interface RunIndexEntry {
  id: string;
  name: string;
  experimentId: string;
  experimentName: string;
  status: Run['status'];
  startTime?: number;
}
