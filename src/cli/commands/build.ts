/** `runfolio build`: stores (+ reports) → a static site. */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../lib/errors.ts';
import { redactSnapshot, parseRedactions } from '../../lib/redact.ts';
import { relativizeSite, writeManifest } from '../../lib/site/archive.ts';
import { writeSiteData } from '../../lib/site/data-files.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import { snapshotToJson } from '../../lib/snapshot-json.ts';
import { readReports } from '../../lib/site/reports.ts';
import { buildSiteViews } from '../../lib/site/views/build.ts';
import { commandHelp, parseCommand, stringList, type CommandSpec } from '../args.ts';
import type { CliIO } from '../io.ts';
import { prepareOutDir } from '../out-dir.ts';
import { readWithProgress } from '../read.ts';
import { buildSite } from '../site-build.ts';

export const buildSpec: CommandSpec = {
  name: 'build',
  summary: 'Build the static site: experiment, run, comparison and model pages, and the reports in --content.',
  options: {
    store: { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), or JSON export. Repeatable: stores are merged.' },
    content: { type: 'string', value: 'DIR', description: 'Folder with reports/*.md (Markdown with front matter).' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Output folder, emptied first (default: dist).' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Serve the site under a sub-path (GitHub Pages: /<repo>/).' },
    site: { type: 'string', value: 'URL', description: "The site's public URL (canonical links)." },
    title: { type: 'string', value: 'TEXT', description: 'Project title shown in the header (default: Runfolio).' },
    metric: { type: 'string', value: 'KEY', description: 'The metric experiment pages rank by (default: the one most runs logged).' },
    compare: { type: 'string', multiple: true, value: 'RUN,RUN', description: 'Also publish a static comparison page of these runs. Repeatable.' },
    redact: { type: 'string', multiple: true, value: 'PATTERN', description: 'Mask params/tags whose key matches the glob (e.g. "*token*"), or "paths" for local paths. Repeatable.' },
    archive: { type: 'boolean', description: 'Build an archive that works from disk (file://) without JavaScript, with the Snapshot and a SHA-256 manifest.' },
  },
  notes: 'A RUN is a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS.\nSecrets with well-known key names (password, token, api_key, …) and token formats are always masked.',
};

export async function buildCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(buildSpec, argv);
  if (values.help) return io.stdout(commandHelp(buildSpec)), 0;
  const stores = stringList(buildSpec, values, 'store', true);
  const base = typeof values.base === 'string' ? normalizeBase(values.base) : undefined;
  const site = typeof values.site === 'string' ? checkSite(values.site) : undefined;
  const outDir = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist');
  const compare = stringList(buildSpec, values, 'compare').map((list) => list.split(',').map((s) => s.trim()).filter(Boolean));
  if (compare.some((list) => list.length < 2)) throw new UsageError('build: --compare needs two or more runs separated by commas, e.g. --compare a1b2c3,d4e5f6');
  const redactions = parseRedactions(stringList(buildSpec, values, 'redact'));
  const archive = values.archive === true;
  if (archive && base) throw new UsageError('build: --archive makes every link relative; leave out --base');
  const generated = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);

  const phases: string[] = [];
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push(`${name} ${((now - mark) / 1000).toFixed(1)} s (${Math.round(process.memoryUsage().rss / 2 ** 20)} MB)`);
    mark = now;
  };
  prepareOutDir(outDir, io.cwd, stores);
  // Astro empties its outDir, so data files are staged beside it and moved in afterwards.
  const staging = mkdtempSync(join(dirname(outDir), '.runfolio-data-'));
  try {
    const prepared = await prepareSite({ stores, content: typeof values.content === 'string' ? resolve(io.cwd, values.content) : undefined, dataDir: staging, io, redactions, compare, archive, phase, ...(typeof values.metric === 'string' ? { metric: values.metric } : {}), ...(generated !== undefined ? { generated } : {}) });
    await buildSite(prepared.viewsJson, {
      outDir,
      title: typeof values.title === 'string' && values.title.trim() ? values.title.trim() : 'Runfolio',
      ...(base ? { base } : {}),
      ...(site ? { site } : {}),
      verbose: values.verbose === true,
    });
    renameSync(join(staging, 'data'), join(outDir, 'data'));
    phase('pages');
    if (archive) {
      relativizeSite(outDir);
      writeFileSync(join(outDir, dataFiles.snapshot()), prepared.snapshotJson ?? '');
      writeManifest(outDir, dataFiles.manifest().slice(1));
      phase('archive');
    }
    report(prepared);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (values.verbose === true) io.stderr(`time: ${phases.join(', ')}\n`);
  return 0;

  function report({ runs, experiments, files, masked, warnings }: Awaited<ReturnType<typeof prepareSite>>): void {
    io.stderr(
    `built ${outDir}: ${runs.toLocaleString('en-US')} run pages, ${experiments} experiments, ${files.toLocaleString('en-US')} data files` +
      `${masked > 0 ? `; ${masked} value${masked === 1 ? '' : 's'} redacted` : ''}${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} (see runfolio inspect)` : ''}\n`,
    );
  }
}

interface Preparation {
  stores: string[];
  content: string | undefined;
  /** Where the data files go (moved into the site once Astro is done). */
  dataDir: string;
  io: CliIO;
  redactions: ReturnType<typeof parseRedactions>;
  compare: string[][];
  archive: boolean;
  metric?: string;
  generated?: number;
  phase: (name: string) => void;
}

/**
 * Everything before Astro: read, redact, analyse, write the data files. Returns the views as
 * JSON and a few counts, so the Snapshot can be collected before the pages are rendered.
 */
async function prepareSite(p: Preparation) {
  const read = await readWithProgress(p.stores, p.io);
  p.phase('read');
  const { snapshot, masked } = redactSnapshot(read, p.redactions);
  const reportWarnings: { path: string; message: string }[] = [];
  const reports = p.content ? await readReports(p.content, (path, message) => reportWarnings.push({ path, message })) : [];
  const published = await buildSiteViews({ ...snapshot, warnings: [...snapshot.warnings, ...reportWarnings] }, reports, {
    compare: p.compare,
    archive: p.archive,
    ...(p.metric !== undefined ? { preferredMetric: p.metric } : {}),
    ...(p.generated !== undefined ? { generated: p.generated } : {}),
  });
  p.phase('analyse');
  const data = writeSiteData(p.dataDir, published);
  p.phase('data');
  const { views } = published;
  return {
    viewsJson: JSON.stringify(views),
    // The archive keeps the (redacted) Snapshot it was built from; other sites need not hold it.
    snapshotJson: p.archive ? snapshotToJson(snapshot) : undefined,
    runs: views.runs.length,
    experiments: views.experiments.length,
    files: data.files,
    masked,
    warnings: views.warnings.length,
  };
}

/** `/repo`, `repo/` and `/repo/` all mean `/repo/`. */
export function normalizeBase(base: string): string {
  if (/^[a-z]+:/i.test(base) || base.includes('..') || /[?#\\]/.test(base)) throw new UsageError(`build: --base must be a path such as /my-repo/, got ${JSON.stringify(base)}`);
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function checkSite(site: string): string {
  try {
    const url = new URL(site);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
    return url.href;
  } catch {
    throw new UsageError(`build: --site must be an http(s) URL such as https://me.github.io, got ${JSON.stringify(site)}`);
  }
}

function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds, got ${JSON.stringify(value)}`);
  return Number(value) * 1000;
}
