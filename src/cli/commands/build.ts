/** `runfolio build`: stores (+ reports) → a static site. */
import { resolve } from 'node:path';
import type { BuildOptions } from '../../build/options.ts';
import { UsageError } from '../../lib/errors.ts';
import { parseArtifactsBudget } from '../../lib/site/artifacts-budget.ts';
import { commandHelp, parseCommand, stringList, type ParsedValues } from '../args.ts';
import { buildSpec } from '../specs.ts';
import { buildReporter, type CliIO } from '../io.ts';
import { redactionsOf } from '../read.ts';

export async function buildCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(buildSpec, argv);
  if (values.help) return io.stdout(commandHelp(buildSpec)), 0;
  const options = buildOptions(values, io);
  // Astro, Vega and React load with the build core, only when a build runs.
  const { build, nodeBuildEffects } = await import('../../build/index.ts');
  const reporter = buildReporter(io, options.verbose);
  const { runs, experiments, files, masked, warnings, budgetWarnings } = await build(options, nodeBuildEffects(reporter.report, io.signal));
  for (const line of budgetWarnings) io.stderr(`warning: ${line}\n`);
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  io.stderr(
    `built ${options.outDir}: ${plural(runs, 'run page')}, ${plural(experiments, 'experiment')}, ${plural(files, 'data file')}` +
      `${masked > 0 ? `; ${plural(masked, 'value')} redacted` : ''}${warnings > 0 ? `; ${plural(warnings, 'warning')} (see runfolio inspect)` : ''}\n`,
  );
  if (options.verbose) io.stderr(`time: ${reporter.phases()}\n`);
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
    redactions: redactionsOf(buildSpec, values),
    archive,
    drafts: values.drafts === true,
    ...(typeof values['artifacts-budget'] === 'string' ? { artifactsBudget: parseArtifactsBudget(values['artifacts-budget']) } : {}),
    ...(generated !== undefined ? { generated } : {}),
    cwd: io.cwd,
    verbose: values.verbose === true,
  };
}

/** `/repo`, `repo/` and `/repo/` all mean `/repo/`. */
export function normalizeBase(base: string, command = 'build'): string {
  if (/^[a-z]+:/i.test(base) || base.includes('..') || /[?#\\]/.test(base)) throw new UsageError(`${command}: --base must be a path such as /my-repo/, got ${JSON.stringify(base)}`);
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function checkSite(site: string, command = 'build'): string {
  try {
    const url = new URL(site);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
    return url.href;
  } catch {
    throw new UsageError(`${command}: --site must be an http(s) URL such as https://me.github.io, got ${JSON.stringify(site)}`);
  }
}

function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds, got ${JSON.stringify(value)}`);
  return Number(value) * 1000;
}
