/**
 * What `runfolio build` does, in order: read the stores, redact, analyse into views, write the
 * data files (staged beside the site: Astro empties its outDir), let go of the Snapshot, render
 * the pages with Astro, move the data in, and for an archive make links relative and add the
 * Snapshot and the manifest.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { maskText, redactSnapshot, type Redactions } from '../lib/redact.ts';
import { relativizeSite, writeManifest } from '../lib/site/archive.ts';
import { publishArtifacts } from '../lib/site/artifacts.ts';
import { DEFAULT_ARTIFACTS_BUDGET, type ArtifactsBudget } from '../lib/site/artifacts-budget.ts';
import { assertFileSizes, budgetWarnings, checkOutput } from '../lib/site/check-output.ts';
import { writeSiteData } from '../lib/site/data-files.ts';
import { writeUnder } from '../lib/site/write-files.ts';
import { readReports } from '../lib/site/reports.ts';
import { dataFiles } from '../lib/site/routes.ts';
import { attachArtifacts } from '../lib/site/views/artifact-view.ts';
import { buildSiteViews } from '../lib/site/views/build.ts';
import { snapshotToJson } from '../lib/snapshot-json.ts';
import type { CliIO } from './io.ts';
import { prepareOutDir } from './out-dir.ts';
import type { PhaseTimer } from './phases.ts';
import { readWithProgress } from './read.ts';
import { buildSite } from './site-build.ts';

export interface BuildOptions {
  stores: string[];
  /** Folder with reports/*.md. */
  content?: string;
  outDir: string;
  title: string;
  base?: string;
  site?: string;
  metric?: string;
  compare: string[][];
  redactions: Redactions;
  archive: boolean;
  /** `--artifacts-budget`; default DEFAULT_ARTIFACTS_BUDGET. */
  artifactsBudget?: ArtifactsBudget;
  /** SOURCE_DATE_EPOCH, epoch ms. */
  generated?: number;
  verbose: boolean;
}

export interface BuildSummary {
  runs: number;
  experiments: number;
  files: number;
  masked: number;
  warnings: number;
  /** First views over their budget (check-output.ts), one line each. */
  budgetWarnings: string[];
}

export async function buildPipeline(options: BuildOptions, io: CliIO, timer: PhaseTimer): Promise<BuildSummary> {
  prepareOutDir(options.outDir, io.cwd, options.stores);
  const staging = mkdtempSync(join(dirname(options.outDir), '.runfolio-data-'));
  try {
    const { viewsJson, snapshotJson, summary } = await prepare(options, staging, io, timer);
    await buildSite(viewsJson, options);
    renameSync(join(staging, 'data'), join(options.outDir, 'data'));
    timer.end('pages');
    if (options.archive) {
      relativizeSite(options.outDir);
      writeFileSync(join(options.outDir, dataFiles.snapshot()), snapshotJson ?? '');
      writeManifest(options.outDir, dataFiles.manifest().slice(1));
      timer.end('archive');
    }
    const check = await checkOutput(options.outDir, options.base);
    assertFileSizes(check, options.outDir);
    timer.end('budgets');
    return { ...summary, budgetWarnings: budgetWarnings(check) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Everything before Astro. Returns the views as JSON (and, for an archive, the Snapshot), so
 * the Snapshot's metric histories can be collected before the pages are rendered.
 */
async function prepare(options: BuildOptions, dataDir: string, io: CliIO, timer: PhaseTimer) {
  const read = await readWithProgress(options.stores, io);
  timer.end('read');
  const { snapshot, masked } = redactSnapshot(read, options.redactions);
  const reportWarnings: { path: string; message: string }[] = [];
  const reports = options.content ? await readReports(options.content, (path, message) => reportWarnings.push({ path, message })) : [];
  const { views, ...published } = await buildSiteViews({ ...snapshot, warnings: [...snapshot.warnings, ...reportWarnings] }, reports, {
    compare: options.compare,
    archive: options.archive,
    ...(options.metric !== undefined ? { preferredMetric: options.metric } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
  });
  timer.end('analyse');
  const artifacts = await publishArtifacts(published.runs, { stores: options.stores, budget: options.artifactsBudget ?? DEFAULT_ARTIFACTS_BUDGET, write: writeUnder(dataDir), mask: (text) => maskText(text, options.redactions) });
  attachArtifacts(views, artifacts.byRun);
  timer.end('artifacts');
  const data = writeSiteData(dataDir, { views, ...published });
  timer.end('data');
  return {
    viewsJson: JSON.stringify(views),
    // The archive keeps the (redacted) Snapshot it was built from; other sites need not hold it.
    snapshotJson: options.archive ? snapshotToJson(snapshot) : undefined,
    summary: { runs: views.runs.length, experiments: views.experiments.length, files: data.files, masked, warnings: views.warnings.length },
  };
}
