/**
 * Report tests' context: a Snapshot's published part, its tables and each experiment's primary
 * metric, as `runfolio build` computes them (reportContextOf); and shortcuts that run
 * one report through prepareReports and return its view or its problems.
 */
import type { Snapshot } from '../../../../src/lib/model.ts';
import { readStores } from '../../../../src/lib/read/index.ts';
import type { ReportContext } from '../../../../src/lib/site/reports/embeds/context.ts';
import { prepareReports, type PreparedReport, type PrepareOptions, type ReportSource } from '../../../../src/lib/site/reports/prepare.ts';
import { ReportError } from '../../../../src/lib/site/reports/problems.ts';
import type { EmbedView } from '../../../../src/lib/site/reports/view.ts';
import { reportContextOf } from '../../../../src/lib/site/views/build.ts';

export function contextOf(snapshot: Pick<Snapshot, 'experiments' | 'runs' | 'models'>, preferredMetric?: string): ReportContext {
  return reportContextOf(snapshot, preferredMetric);
}

export async function storeContext(path: string): Promise<{ snapshot: Snapshot; context: ReportContext }> {
  const snapshot = await readStores([path]);
  return { snapshot, context: contextOf(snapshot) };
}

export const FRONT = '---\ntitle: T\n---\n';

/** `body` (after a one-line front matter: the body starts on line 4) as a report named `r.md`. */
export function source(body: string, slug = 'r'): ReportSource {
  return { slug, file: `reports/${slug}.md`, text: `${FRONT}${body}` };
}

export async function prepareOne(body: string, context: ReportContext, options?: PrepareOptions): Promise<PreparedReport> {
  const [report] = await prepareReports([source(body)], context, options);
  if (!report) throw new Error('the report was left out');
  return report;
}

/** The embeds of a report that prepares without problems, in order. */
export async function embedsOf(body: string, context: ReportContext): Promise<EmbedView[]> {
  const report = await prepareOne(body, context);
  return report.view.body.filter((part): part is EmbedView => part.kind !== 'html' && part.kind !== 'code');
}

/** The problems of a report set, as `file:line: message` lines (or [] when it prepares). */
export async function problemLines(sources: ReportSource[], context: ReportContext, options?: PrepareOptions): Promise<string[]> {
  try {
    await prepareReports(sources, context, options);
    return [];
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return error.message.split('\n').filter((line) => /^reports\//.test(line));
  }
}

export async function problemsIn(body: string, context: ReportContext): Promise<string[]> {
  return problemLines([source(body)], context);
}

/** The one block embed of kind `kind` with body `yaml`, resolved. */
export async function blockEmbed<K extends EmbedView['kind']>(kind: K, yaml: string, context: ReportContext): Promise<EmbedView & { kind: K }> {
  const [view] = await embedsOf(block(kind, yaml), context);
  if (view?.kind !== kind) throw new Error(`expected ${kind}, got ${view?.kind}`);
  return view as EmbedView & { kind: K };
}

/** A fenced embed block. */
export function block(kind: string, yaml: string): string {
  return `\`\`\`runfolio ${kind}\n${yaml.trim()}\n\`\`\`\n`;
}
