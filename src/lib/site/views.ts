/**
 * Snapshot → the views the pages render: plain, serializable data prepared once by the CLI, so
 * pages only lay it out. (The full set of pages grows here: one view type per page kind.)
 */
import { latestVersionPerStage, summarizeSnapshot, type ExperimentSummary } from '../analyze/summary.ts';
import type { Snapshot, RunStatus } from '../model.ts';
import type { Report } from './reports.ts';

export interface IndexRun {
  id: string;
  name: string;
  status: RunStatus;
  startTime?: number;
  parentId?: string;
}

export interface SiteViews {
  /** When the site was generated (SOURCE_DATE_EPOCH), epoch ms; absent keeps builds byte-identical. */
  generated?: number;
  experiments: (ExperimentSummary & { runList: IndexRun[] })[];
  models: { name: string; versions: number; aliases: Record<string, string>; stages: Record<string, string> }[];
  reports: Pick<Report, 'slug' | 'title' | 'date' | 'summary'>[];
  warnings: Snapshot['warnings'];
}

export function buildSiteViews(snapshot: Snapshot, reports: Report[], generated?: number): SiteViews {
  const summary = summarizeSnapshot(snapshot);
  const runsByExperiment = new Map<string, IndexRun[]>();
  for (const run of snapshot.runs) {
    if (run.lifecycleStage === 'deleted') continue;
    const list = runsByExperiment.get(run.experimentId) ?? [];
    list.push({
      id: run.id,
      name: run.name,
      status: run.status,
      ...(run.startTime !== undefined ? { startTime: run.startTime } : {}),
      ...(run.parentId ? { parentId: run.parentId } : {}),
    });
    runsByExperiment.set(run.experimentId, list);
  }
  return {
    ...(generated !== undefined ? { generated } : {}),
    experiments: summary.experiments.map((e) => ({ ...e, runList: runsByExperiment.get(e.id) ?? [] })),
    models: snapshot.models.map((m) => ({
      name: m.name,
      versions: m.versions.length,
      aliases: m.aliases,
      stages: latestVersionPerStage(m.versions),
    })),
    reports: reports.map(({ slug, title, date, summary: text }) => ({ slug, title, date, summary: text })),
    warnings: snapshot.warnings,
  };
}
