/**
 * Writes the site's data files under `data/` (after Astro wrote the pages): chart SVGs, per-run
 * metric series (downsampled, with the run's style index) and summaries, full histories as CSV,
 * the runs table's chunks, the runs index and the compiled chart specs. Files are written one at a time as they are
 * made, so a 10,000-run site never holds them all in memory.
 */
import { metricNumber } from '../metric-value.ts';
import type { Run } from '../model.ts';
import { lineChartVariants, THEME_NAMES, toRuntime } from '../charts/compile.ts';
import { barChartSpec } from '../charts/bar-spec.ts';
import { parallelSpec } from '../charts/parallel.ts';
import { encodeSeriesFile } from '../charts/series-file.ts';
import { dataFiles } from './routes.ts';
import { hasHistoryCsv, historyComplete, runSummaryData, SERIES_BUDGET, type RunDataFile, type RunIndexEntry } from './run-data.ts';
import { searchIndex } from './search-index.ts';
import { tableChunks, treeOrder } from './table-data.ts';
import { compareMlflowDefault } from '../analyze/tables.ts';
import type { PublishedSite } from './views/build.ts';
import { writeUnder } from './write-files.ts';

export interface WrittenData {
  files: number;
}

export function writeSiteData(outDir: string, site: PublishedSite): WrittenData {
  const written: WrittenData = { files: 0 };
  const writeFile = writeUnder(outDir);
  const write = (sitePath: string, content: string): void => {
    writeFile(sitePath, content);
    written.files += 1;
  };
  for (const { path, svg } of site.svgs) write(path, svg);

  const experimentNames = new Map(site.views.experiments.map((e) => [e.id, e.name]));
  const index: RunIndexEntry[] = [];
  const artifacts = new Map(site.views.runs.map((view) => [view.id, view.artifacts]));
  for (const run of site.runs) {
    const experimentName = experimentNames.get(run.experimentId) ?? run.experimentId;
    const complete = historyComplete(run);
    const style = site.styles.get(run.id);
    const file: RunDataFile = { ...encodeSeriesFile([style === undefined ? run : { ...run, style }], { budget: SERIES_BUDGET }), summary: runSummaryData(run, experimentName, artifacts.get(run.id)), complete };
    write(dataFiles.run(run.id), JSON.stringify(file));
    if (hasHistoryCsv(run, site.views.archive)) write(dataFiles.runHistoryCsv(run.id), historyCsv(run));
    index.push({ id: run.id, name: run.name, experimentId: run.experimentId, experimentName, status: run.status, ...(run.startTime !== undefined ? { startTime: run.startTime } : {}) });
  }
  write(dataFiles.runIndex(), JSON.stringify(index));
  write(dataFiles.searchIndex(), JSON.stringify(searchIndex(site.runs, site.views.experiments.map((e) => ({ id: e.id, name: e.name })))));

  for (const experiment of site.views.experiments) {
    const runs = site.runs.filter((r) => r.experimentId === experiment.id);
    const chunks = tableChunks(treeOrder(runs, compareMlflowDefault), experiment.columns.metrics, experiment.columns.params, site.styles);
    for (const chunk of chunks) write(dataFiles.runsTable(experiment.id, chunk.chunk), JSON.stringify(chunk));
  }
  for (const [variant, spec] of Object.entries(lineChartVariants({ metric: '', title: null }))) write(dataFiles.lineSpec(variant), JSON.stringify(spec));
  for (const theme of THEME_NAMES) {
    write(dataFiles.parallelSpec(theme), JSON.stringify(toRuntime(parallelSpec({ metric: '', theme }))));
    write(dataFiles.barSpec(theme), JSON.stringify(toRuntime(barChartSpec({ metric: '', title: null, theme }))));
  }
  return written;
}

/** Every point of every metric of a run: `metric,step,timestamp,value` (RFC 4180 quoting). */
export function historyCsv(run: Run): string {
  const lines = ['metric,step,timestamp,value'];
  for (const [key, metric] of Object.entries(run.metrics)) {
    const cell = csvCell(key);
    for (const p of metric.history) lines.push(`${cell},${p.step},${p.timestamp},${csvNumber(metricNumber(p.value))}`);
  }
  return `${lines.join('\n')}\n`;
}

function csvNumber(n: number): string {
  return Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : String(n);
}

/** A CSV cell; a leading `=`, `+`, `-`, `@` is prefixed with `'` so spreadsheets do not run it as a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
