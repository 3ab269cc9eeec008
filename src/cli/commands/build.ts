/** `runfolio build`: stores (+ reports) → a static site. */
import { resolve } from 'node:path';
import { UsageError } from '../../lib/errors.ts';
import { parseRedactions } from '../../lib/redact.ts';
import { commandHelp, parseCommand, stringList, type CommandSpec, type ParsedValues } from '../args.ts';
import type { CliIO } from '../io.ts';
import { PhaseTimer } from '../phases.ts';
import { buildPipeline, type BuildOptions } from '../site-pipeline.ts';

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
    metric: { type: 'string', value: 'KEY', description: 'The metric experiment pages rank by, where runs logged it (default: the experiment tag runfolio.metrics, else the most telling metric; see README).' },
    compare: { type: 'string', multiple: true, value: 'RUN,RUN', description: 'Also publish a static comparison page of these runs. Repeatable.' },
    redact: { type: 'string', multiple: true, value: 'PATTERN', description: 'Mask params/tags whose key matches the glob (e.g. "*token*"), or "paths" for local paths. Repeatable.' },
    archive: { type: 'boolean', description: 'Build an archive that works from disk (file://) without JavaScript, with the Snapshot and a SHA-256 manifest.' },
  },
  notes: 'A RUN is a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS.\nSecrets with well-known key names (password, token, api_key, …) and token formats are always masked.',
};

export async function buildCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(buildSpec, argv);
  if (values.help) return io.stdout(commandHelp(buildSpec)), 0;
  const options = buildOptions(values, io);
  const timer = new PhaseTimer();
  const { runs, experiments, files, masked, warnings } = await buildPipeline(options, io, timer);
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  io.stderr(
    `built ${options.outDir}: ${plural(runs, 'run page')}, ${plural(experiments, 'experiment')}, ${plural(files, 'data file')}` +
      `${masked > 0 ? `; ${plural(masked, 'value')} redacted` : ''}${warnings > 0 ? `; ${plural(warnings, 'warning')} (see runfolio inspect)` : ''}\n`,
  );
  if (options.verbose) io.stderr(`time: ${timer}\n`);
  return 0;
}

/** The command line → checked build options (every problem a UsageError naming the flag). */
function buildOptions(values: ParsedValues, io: CliIO): BuildOptions {
  const base = typeof values.base === 'string' ? normalizeBase(values.base) : undefined;
  const archive = values.archive === true;
  if (archive && base) throw new UsageError('build: --archive makes every link relative; leave out --base');
  const compare = stringList(buildSpec, values, 'compare').map((list) => list.split(',').map((s) => s.trim()).filter(Boolean));
  if (compare.some((list) => list.length < 2)) throw new UsageError('build: --compare needs two or more runs separated by commas, e.g. --compare a1b2c3,d4e5f6');
  const generated = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  return {
    stores: stringList(buildSpec, values, 'store', true),
    ...(typeof values.content === 'string' ? { content: resolve(io.cwd, values.content) } : {}),
    outDir: resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist'),
    title: typeof values.title === 'string' && values.title.trim() ? values.title.trim() : 'Runfolio',
    ...(base ? { base } : {}),
    ...(typeof values.site === 'string' ? { site: checkSite(values.site) } : {}),
    ...(typeof values.metric === 'string' ? { metric: values.metric } : {}),
    compare,
    redactions: parseRedactions(stringList(buildSpec, values, 'redact')),
    archive,
    ...(generated !== undefined ? { generated } : {}),
    verbose: values.verbose === true,
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
