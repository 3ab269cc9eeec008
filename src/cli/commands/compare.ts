/**
 * `runfolio compare`: candidate runs against a baseline, for pull requests. Prints each held
 * condition with both values on stderr, writes the Markdown (`--markdown FILE`, else stdout),
 * and with `--out` a small static site (the comparison as its home page, the compared runs'
 * pages; relative links, no JavaScript, so it works from file:// and under any base path). Exit 0 (warnings printed), 1 when a `--fail-on` condition held.
 * Conditions and RUN references are checked before anything is written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SearchSyntaxError } from '../../lib/analyze/search/index.ts';
import { buildComparison, failed, heldGates, type ChosenRun, type Comparison } from '../../lib/compare/comparison.ts';
import type { GateLevel } from '../../lib/compare/evaluate.ts';
import { gateDetail } from '../../lib/compare/gate-text.ts';
import { parseGate, type Gate } from '../../lib/compare/gates.ts';
import { comparisonMarkdown } from '../../lib/compare/markdown.ts';
import { parseStoreArgument, resolveChosen, type LabelledStore } from '../../lib/compare/run-ref.ts';
import { comparedSnapshot } from '../../lib/compare/subset.ts';
import { EXIT, UsageError } from '../../lib/errors.ts';
import type { Redactions } from '../../lib/redact.ts';
import { runName } from '../../lib/site/format.ts';
import type { CompareVerdict } from '../../lib/site/views/types.ts';
import { commandHelp, parseCommand, stringList, type ParsedValues } from '../args.ts';
import { compareSpec } from '../specs.ts';
import { buildReporter, type CliIO } from '../io.ts';
import { readRedacted, redactionsOf } from '../read.ts';
import { checkSite, normalizeBase } from './build.ts';

interface CompareRequest {
  stores: { label?: string; path: string }[];
  baseline: string;
  candidates: string[];
  metrics: string[];
  gates: { gate: Gate; level: GateLevel }[];
  markdown?: string;
  out?: string;
  link?: string;
  title: string;
  /** Folder with reports/*.md, for the --out site. */
  content?: string;
  drafts: boolean;
  redactions: Redactions;
  verbose: boolean;
}

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(compareSpec, argv);
  if (values.help) return io.stdout(commandHelp(compareSpec)), 0;
  const request = parseRequest(values, positionals, io);
  const stores = await readLabelled(request, io);
  const baseline = resolveChosen(stores, request.baseline);
  const candidates = request.candidates.map((ref) => resolveChosen(stores, ref));
  checkDistinct([baseline, ...candidates]);
  const experiments = stores.flatMap((s) => s.snapshot.experiments);
  const comparison = buildComparison(baseline, candidates, { metrics: request.metrics, gates: request.gates, experiments });
  const markdown = comparisonMarkdown(comparison, request.link ? { link: request.link } : {});
  if (request.markdown === undefined || request.markdown === '-') io.stdout(markdown);
  else if (request.markdown !== undefined) {
    const file = resolve(io.cwd, request.markdown);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, markdown);
  }
  if (request.out !== undefined) await writeSite(request, stores, [baseline, ...candidates], comparison, io);
  io.stderr(summary(comparison, request));
  return failed(comparison) ? EXIT.failOn : EXIT.ok;
}

function parseRequest(values: ParsedValues, positionals: string[], io: CliIO): CompareRequest {
  const stores = stringList(compareSpec, values, 'store', true).map(parseStoreArgument);
  const labels = stores.flatMap((s) => (s.label ? [s.label] : []));
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) throw new UsageError(`compare: the store label ${JSON.stringify(twice)} is given twice`);
  const baselineFlag = typeof values.baseline === 'string' ? values.baseline : undefined;
  const [baseline, ...candidates] = baselineFlag !== undefined ? [baselineFlag, ...positionals] : positionals;
  if (baseline === undefined || candidates.length === 0) throw new UsageError('compare: give the runs to compare: a baseline and at least one candidate (runfolio compare --store PATH BASELINE CANDIDATE, or --baseline RUN CANDIDATE…)');
  const gates = [
    ...stringList(compareSpec, values, 'fail-on').map((text) => ({ gate: gate('--fail-on', text), level: 'fail' as const })),
    ...stringList(compareSpec, values, 'warn-on').map((text) => ({ gate: gate('--warn-on', text), level: 'warn' as const })),
  ];
  const site = typeof values.site === 'string' ? checkSite(values.site, 'compare') : undefined;
  const base = typeof values.base === 'string' ? normalizeBase(values.base, 'compare') : undefined;
  if (base !== undefined && site === undefined) throw new UsageError('compare: --base is the path of the site under --site, which is missing');
  if (typeof values.content === 'string' && typeof values.out !== 'string') throw new UsageError('compare: --content puts reports on the comparison site, which --out writes; give --out DIR too');
  return {
    stores,
    baseline,
    candidates,
    metrics: stringList(compareSpec, values, 'metric'),
    gates,
    ...(typeof values.markdown === 'string' ? { markdown: values.markdown } : {}),
    ...(typeof values.out === 'string' ? { out: resolve(io.cwd, values.out) } : {}),
    ...(site ? { link: base ? new URL(base.slice(1), site.endsWith('/') ? site : `${site}/`).href : site } : {}),
    title: typeof values.title === 'string' && values.title.trim() ? values.title.trim() : 'Runfolio compare',
    ...(typeof values.content === 'string' ? { content: resolve(io.cwd, values.content) } : {}),
    drafts: values.drafts === true,
    redactions: redactionsOf(compareSpec, values),
    verbose: values.verbose === true,
  };
}

function gate(flag: string, text: string): Gate {
  try {
    return parseGate(text);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new UsageError(`compare: ${flag} ${JSON.stringify(text)}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Each store read on its own (and redacted), so `LABEL:RUN` sees only its store. */
async function readLabelled(request: CompareRequest, io: CliIO): Promise<LabelledStore[]> {
  const stores: LabelledStore[] = [];
  for (const { label, path } of request.stores) {
    const { snapshot } = await readRedacted([path], request.redactions, io);
    stores.push({ label: label ?? path, given: label !== undefined, snapshot });
  }
  return stores;
}

function checkDistinct(runs: ChosenRun[]): void {
  const seen = new Map<string, ChosenRun>();
  for (const chosen of runs) {
    const first = seen.get(chosen.run.id);
    if (first) throw new UsageError(`compare: ${JSON.stringify(first.ref)} and ${JSON.stringify(chosen.ref)} are the same run (${chosen.run.id}); compare two different runs`);
    seen.set(chosen.run.id, chosen);
  }
}

async function writeSite(request: CompareRequest, stores: LabelledStore[], chosen: ChosenRun[], comparison: Comparison, io: CliIO): Promise<void> {
  const { build, nodeBuildEffects } = await import('../../build/index.ts');
  const paths = request.stores.map((s) => s.path);
  // Reports are resolved against the whole stores, as the full site resolves them, then kept when every run they cite is compared.
  const reportsAgainst = request.content === undefined ? undefined : (await readRedacted(paths, request.redactions, io)).snapshot;
  await build(
    {
      stores: paths,
      snapshot: comparedSnapshot(chosen, stores),
      ...(request.content !== undefined && reportsAgainst ? { content: request.content, drafts: request.drafts, reportsAgainst } : {}),
      outDir: request.out as string,
      cwd: io.cwd,
      title: request.title,
      compare: [chosen.map((c) => c.run.id)],
      compareHome: verdictOf(comparison),
      redactions: request.redactions,
      archive: true,
      verbose: request.verbose,
    },
    nodeBuildEffects(buildReporter(io, request.verbose).report, io.signal),
  );
}

/** The verdict in words, and each held condition with both values: for stderr and the site. */
function verdictOf(comparison: Comparison): CompareVerdict {
  const conditions = (['fail', 'warn'] as const).flatMap((level) =>
    heldGates(comparison, level).map(({ candidate, result }) => {
      const who = comparison.candidates.length > 1 ? ` [${runName(candidate.run)}]` : '';
      return { level, text: `${result.gate.text}: ${gateDetail(result)}${who}` };
    }),
  );
  const held = conditions.filter((c) => c.level === 'fail').length;
  const warned = conditions.length - held;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict =
    held > 0
      ? `${plural(held, 'failed condition')}${warned > 0 ? `, ${plural(warned, 'warning')}` : ''}`
      : comparison.conditions === 0
        ? 'no conditions set'
        : `all conditions passed${warned > 0 ? ` with ${plural(warned, 'warning')}` : ''}`;
  return { verdict: `compare: ${verdict}`, failed: held > 0, conditions };
}

/** What stderr says: each held condition, then the verdict and what was written. */
function summary(comparison: Comparison, request: CompareRequest): string {
  const { verdict, conditions } = verdictOf(comparison);
  const lines = conditions.map((c) => `${c.level === 'fail' ? 'failed' : 'warning'}: ${c.text}`);
  const wrote = [request.markdown && request.markdown !== '-' ? request.markdown : undefined, request.out].filter(Boolean);
  return `${[...lines, `${verdict}${wrote.length > 0 ? `; wrote ${wrote.join(', ')}` : ''}`].join('\n')}\n`;
}
