/**
 * Report files → report views, with every embed resolved against the published runs, or one
 * ReportError listing every problem of every report (problems.ts says why all are fatal).
 *
 * For each report: front matter (front-matter.ts; drafts are left out unless asked for, and then
 * not checked further), the experiments and runs it names, then the body (checked even when the
 * front matter is wrong, so every problem of a file shows at once): fenced ```` ```runfolio ````
 * blocks and inline `runfolio:` spans resolved (embeds/), other fenced blocks kept as code for
 * the page to highlight, headings anchored (headings.ts), a table of contents when there are
 * enough of them. Reports come out newest first (undated last), then by slug.
 *
 * `reportsWithin` is the inclusion rule for sites that publish only some runs (a pull request's
 * comparison site): a report belongs where every run it shows is published.
 */
import type { Experiment, Run } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import type { RunLink } from '../views/types.ts';
import { runLink } from '../views/run-view.ts';
import { resolveEmbed, type EmbedOutcome } from './embeds/index.ts';
import { findExperiments, findRun, type ReportContext } from './embeds/context.ts';
import type { Resolved } from './embeds/resolved.ts';
import { blockSource, inlineSource } from './embeds/source.ts';
import { splitReport, type SplitReport } from './front-matter.ts';
import { anchorHeadings } from './headings.ts';
import { scanMarkdown, splitAtMarkers, type ScannedMarkdown } from './markdown.ts';
import { EmbedProblem, ReportError, type ReportProblem } from './problems.ts';
import type { EmbedView, ReportPart, ReportView } from './view.ts';

/** A report file as read from disk. */
export interface ReportSource {
  /** The page's slug: the file name without `.md`. */
  slug: string;
  /** The file as the user names it, for messages (`content/reports/sweep.md`). */
  file: string;
  text: string;
}

export interface PreparedReport {
  view: ReportView;
  /** Every run the report shows (cited or drawn): a site must publish all of them to include it. */
  runIds: string[];
}

export interface PrepareOptions {
  /** Include reports whose front matter says `draft: true`. */
  drafts?: boolean;
}

/** Headings (## and ###) from which a report gets a table of contents. */
export const TOC_MIN_HEADINGS = 3;

export async function prepareReports(sources: readonly ReportSource[], context: ReportContext, options: PrepareOptions = {}): Promise<PreparedReport[]> {
  const problems: ReportProblem[] = [];
  const prepared: PreparedReport[] = [];
  const withReports = { ...context, reports: reportTitles(sources, options) };
  for (const source of sources) {
    const report = await prepareReport(source, withReports, options, (line, message) => problems.push({ file: source.file, line, message }));
    if (report) prepared.push(report);
  }
  if (problems.length > 0) throw new ReportError(problems);
  return prepared.sort((a, b) => compareStrings(b.view.date ?? '', a.view.date ?? '') || compareStrings(a.view.slug, b.view.slug));
}

/** The reports of `reports` whose every run is in `published`. */
export function reportsWithin(reports: readonly PreparedReport[], published: ReadonlySet<string>): PreparedReport[] {
  return reports.filter((report) => report.runIds.every((id) => published.has(id)));
}

type Report = (line: number | undefined, message: string) => void;

/** Every report's title (its slug when the front matter has none) and whether this build publishes it. */
function reportTitles(sources: readonly ReportSource[], options: PrepareOptions): Map<string, { title: string; published: boolean }> {
  return new Map(sources.map((source) => {
    const { front } = splitReport(source.text);
    return [source.slug, { title: front?.title ?? source.slug, published: !(front?.draft && !options.drafts) }];
  }));
}

async function prepareReport(source: ReportSource, context: ReportContext, options: PrepareOptions, report: Report): Promise<PreparedReport | undefined> {
  const split = splitReport(source.text);
  for (const problem of split.problems) report(problem.line, problem.message);
  const front = split.front;
  // A draft left out is not checked further; a report whose front matter is wrong still is, so
  // the author sees every problem of the file at once.
  if (front?.draft && !options.drafts) return undefined;
  const named = frontReferences(split, context, report);
  const scanned = scanMarkdown(split.body, split.bodyOffset);
  const parts = await resolveParts(scanned, context, report);
  const { body, toc } = layOut(scanned, parts);
  const embeds = inLineOrder(scanned, parts);
  const cited = uniqueRuns([...named.runs, ...embeds.flatMap((e) => e.cites)]);
  const shown = uniqueRuns([...cited, ...embeds.flatMap((e) => e.draws ?? [])]);
  if (!front) return undefined;
  return {
    view: {
      slug: source.slug,
      title: front.title,
      ...(front.date !== undefined ? { date: front.date } : {}),
      ...(front.summary !== undefined ? { summary: front.summary } : {}),
      authors: front.authors ?? [],
      tags: front.tags ?? [],
      draft: front.draft === true,
      experiments: named.experiments.map((e) => ({ id: e.id, name: e.name })),
      toc,
      body,
      runs: cited.map(runLink) satisfies RunLink[],
    },
    runIds: shown.map((run) => run.id),
  };
}

/** The experiments and runs the front matter names, each one that does not resolve a problem. */
function frontReferences(split: SplitReport, context: ReportContext, report: Report): { experiments: Experiment[]; runs: Run[] } {
  const resolve = <T>(refs: readonly string[] | undefined, key: string, find: (ref: string) => T): T[] =>
    (refs ?? []).flatMap((ref) => {
      try {
        return [find(ref)];
      } catch (error) {
        if (!(error instanceof EmbedProblem)) throw error;
        report(error.line ?? split.keyLine(key), `front matter: ${error.message}`);
        return [];
      }
    });
  return {
    experiments: resolve(split.references.experiments, 'experiments', (ref) => findExperiments(context, [ref])).flat(),
    runs: resolve(split.references.runs, 'runs', (ref) => findRun(context, ref)),
  };
}

/** The page's parts in reading order, and the table of contents when there are enough headings. */
function layOut(scanned: ScannedMarkdown, parts: ResolvedParts): { body: ReportPart[]; toc: ReportView['toc'] } {
  const { html, headings } = anchorHeadings(scanned.compile(), (i) => plainTextOf(parts.spans[i]?.view));
  const body = splitAtMarkers(html).flatMap((part): ReportPart[] => {
    if ('html' in part) return [{ kind: 'html', html: part.html }];
    const found = 'block' in part ? parts.blocks[part.block]?.part : parts.spans[part.span]?.view;
    return found ? [found] : [];
  });
  const sections = headings.filter((h) => h.depth === 2 || h.depth === 3);
  const toc = sections.length >= TOC_MIN_HEADINGS ? sections.map((h) => ({ depth: h.depth as 2 | 3, id: h.id, text: h.text })) : [];
  return { body, toc };
}

/** The resolved embeds by their line in the file: the order of first mention. */
function inLineOrder(scanned: ScannedMarkdown, parts: ResolvedParts): Resolved<EmbedView>[] {
  return [...scanned.blocks.map((b, i) => ({ line: b.line, resolved: parts.blocks[i]?.resolved })), ...scanned.spans.map((s, i) => ({ line: s.line, resolved: parts.spans[i] }))]
    .sort((a, b) => a.line - b.line)
    .flatMap((e) => (e.resolved ? [e.resolved] : []));
}

interface ResolvedParts {
  /** Per fenced block: what the page shows (an embed, or code), and the embed's runs. */
  blocks: ({ part: ReportPart; resolved?: Resolved<EmbedView> } | undefined)[];
  /** Per inline embed span. */
  spans: (Resolved<EmbedView> | undefined)[];
}

/** Every fenced block and inline span resolved in document order (chart rendering is sequential). */
async function resolveParts(scanned: ScannedMarkdown, context: ReportContext, report: Report): Promise<ResolvedParts> {
  const settle = async (outcome: Promise<EmbedOutcome>) => {
    const result = await outcome;
    for (const problem of result.problems ?? []) report(problem.line, problem.message);
    return result.resolved;
  };
  const blocks: ResolvedParts['blocks'] = [];
  for (const block of scanned.blocks) {
    if (block.info !== 'runfolio') blocks.push({ part: { kind: 'code', code: block.code, lang: block.info || 'plaintext' } });
    else {
      const resolved = await settle(resolveEmbed(blockSource(block), context));
      blocks.push(resolved ? { part: resolved.view, resolved } : undefined);
    }
  }
  const spans: ResolvedParts['spans'] = [];
  for (const span of scanned.spans) {
    if (!span.nested) spans.push(await settle(resolveEmbed(inlineSource(span), context)));
    else {
      report(span.line, "embeds cannot be placed inside a link's text or an image's description");
      spans.push(undefined);
    }
  }
  return { blocks, spans };
}

/** What an inline embed reads as in a heading's anchor and the table of contents. */
function plainTextOf(view: EmbedView | undefined): string {
  return view && (view.kind === 'value' || view.kind === 'link') ? view.text : '';
}

function uniqueRuns(runs: Run[]): Run[] {
  const seen = new Set<string>();
  return runs.filter((run) => !seen.has(run.id) && (seen.add(run.id), true));
}
