/** `runfolio build`: stores (+ reports) → a static site. */
import { resolve } from 'node:path';
import { UsageError } from '../../lib/errors.ts';
import { readReports } from '../../lib/site/reports.ts';
import { buildSiteViews } from '../../lib/site/views.ts';
import { commandHelp, parseCommand, stringList, type CommandSpec } from '../args.ts';
import type { CliIO } from '../io.ts';
import { readWithProgress } from '../read.ts';
import { buildSite } from '../site-build.ts';

export const buildSpec: CommandSpec = {
  name: 'build',
  summary: 'Build the static site: experiment, run and model pages, and the reports in --content.',
  options: {
    store: { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), or JSON export. Repeatable: stores are merged.' },
    content: { type: 'string', value: 'DIR', description: 'Folder with reports/*.md (Markdown with front matter).' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Output folder (default: dist).' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Serve the site under a sub-path (GitHub Pages: /<repo>/).' },
    site: { type: 'string', value: 'URL', description: 'The site\'s public URL (canonical links).' },
    title: { type: 'string', value: 'TEXT', description: 'Project title shown in the header (default: Runfolio).' },
  },
};

export async function buildCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(buildSpec, argv);
  if (values.help) return io.stdout(commandHelp(buildSpec)), 0;
  const stores = stringList(buildSpec, values, 'store', true);
  const base = typeof values.base === 'string' ? normalizeBase(values.base) : undefined;
  const site = typeof values.site === 'string' ? checkSite(values.site) : undefined;
  const outDir = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist');

  const snapshot = await readWithProgress(stores, io);
  const reportWarnings: { path: string; message: string }[] = [];
  const reports = typeof values.content === 'string' ? await readReports(resolve(io.cwd, values.content), (path, message) => reportWarnings.push({ path, message })) : [];
  const generated = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  const views = buildSiteViews({ ...snapshot, warnings: [...snapshot.warnings, ...reportWarnings] }, reports, generated);
  await buildSite(views, {
    outDir,
    title: typeof values.title === 'string' && values.title.trim() ? values.title.trim() : 'Runfolio',
    ...(base ? { base } : {}),
    ...(site ? { site } : {}),
    verbose: values.verbose === true,
  });
  const warnings = views.warnings.length;
  io.stderr(`built ${outDir} from ${snapshot.runs.length.toLocaleString('en-US')} runs${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'}; see runfolio inspect)` : ''}\n`);
  return 0;
}

/** `/repo`, `repo/` and `/repo/` all mean `/repo/`. */
export function normalizeBase(base: string): string {
  if (/^[a-z]+:/i.test(base) || base.includes('..')) throw new UsageError(`build: --base must be a path such as /my-repo/, got ${JSON.stringify(base)}`);
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
