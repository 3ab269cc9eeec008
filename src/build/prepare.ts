/**
 * Everything before Astro: read the stores, redact, read the reports, build every page's view,
 * write the data files and the views into the workspace. Runs on a worker thread of its own
 * (prepare-worker.ts): the Snapshot, its metric histories and every view are gone with the
 * worker's heap before Astro renders, so a build holds one of the two at a time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStores } from '../lib/read/index.ts';
import { maskText, redactSnapshot } from '../lib/redact.ts';
import { publishArtifacts } from '../lib/site/artifacts.ts';
import { DEFAULT_ARTIFACTS_BUDGET } from '../lib/site/artifacts-budget.ts';
import { attachArtifacts } from '../lib/site/views/artifact-view.ts';
import { writeUnder } from '../lib/site/write-files.ts';
import { writeSiteData } from '../lib/site/data-files.ts';
import { displayPath, readReportSources } from '../lib/site/reports/read.ts';
import { dataFiles } from '../lib/site/routes.ts';
import { buildSiteViews } from '../lib/site/views/build.ts';
import { snapshotToJson } from '../lib/snapshot-json.ts';
import type { BuildEvent, BuildOptions } from './options.ts';
import type { PhaseClock } from './phase-clock.ts';

/** The workspace folders the preparation writes into (workspace.ts). */
export interface PrepareFolders {
  root: string;
  views: string;
}

export interface BuildSummary {
  runs: number;
  experiments: number;
  files: number;
  masked: number;
  warnings: number;
}

export async function prepareSite(options: BuildOptions, workspace: PrepareFolders, report: (event: BuildEvent) => void, clock: PhaseClock): Promise<BuildSummary> {
  const read =
    options.snapshot ??
    (await readStores(options.stores, {
      onProgress: (done, total) => report({ kind: 'progress', label: 'reading runs', done, total }),
    }).finally(() => report({ kind: 'progress-end' })));
  clock.end('read');
  const { snapshot, masked } = redactSnapshot(read, options.redactions);
  const reports = options.content ? await readReportSources(options.content, (path) => displayPath(path, options.cwd)) : [];
  const { views, ...published } = await buildSiteViews(snapshot, reports, {
    compare: options.compare,
    archive: options.archive,
    drafts: options.drafts === true,
    ...(options.compareHome ? { compareHome: options.compareHome } : {}),
    ...(options.reportsAgainst ? { reportsAgainst: redactSnapshot(options.reportsAgainst, options.redactions).snapshot } : {}),
    ...(options.metric !== undefined ? { preferredMetric: options.metric } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
  });
  clock.end('analyse');
  // Artifacts are copied by their site paths (`/data/artifacts/…`) under the root, as data files are.
  const budget = options.artifactsBudget ?? DEFAULT_ARTIFACTS_BUDGET;
  const artifacts = await publishArtifacts(published.runs, { stores: options.stores, budget, write: writeUnder(workspace.root), mask: (text) => maskText(text, options.redactions) });
  attachArtifacts(views, artifacts.byRun);
  clock.end('artifacts');
  // Data files are written by their site paths (`/data/…`) under the root, i.e. into workspace.data.
  const data = writeSiteData(workspace.root, { views, ...published });
  // The archive keeps the (redacted) Snapshot it was built from; other sites need not hold it.
  if (options.archive) writeFileSync(join(workspace.root, dataFiles.snapshot()), snapshotToJson(snapshot));
  writeFileSync(workspace.views, JSON.stringify(views));
  clock.end('data');
  return { runs: views.runs.length, experiments: views.experiments.length, files: data.files, masked, warnings: views.warnings.length };
}
