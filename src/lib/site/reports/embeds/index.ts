/**
 * The embed kinds, each with its form, schema and resolver, and the one entry that turns an
 * embed as written into its view or into problems (one per line at fault, each naming the kind).
 */
import type { z } from 'zod';
import { problemsOf } from '../fields.ts';
import { EmbedProblem } from '../problems.ts';
import { quote, suggestion } from '../suggest.ts';
import type { EmbedView } from '../view.ts';
import { resolveHistory, resolveParallel, resolveScatter } from './charts.ts';
import type { ReportContext } from './context.ts';
import { resolveDiff } from './diff.ts';
import { resolveLink, resolveValue } from './inline.ts';
import { resolveLeaderboard } from './leaderboard.ts';
import type { Resolved } from './resolved.ts';
import type { LineOf } from './selection.ts';
import type { EmbedSource } from './source.ts';
import { DiffSpec, HistorySpec, LeaderboardSpec, LinkSpec, ParallelSpec, ScatterSpec, ValueSpec } from './specs.ts';

interface Kind<S extends z.ZodObject> {
  form: 'block' | 'inline';
  schema: S;
  resolve: (spec: z.output<S>, context: ReportContext, lineOf: LineOf) => Resolved<EmbedView> | Promise<Resolved<EmbedView>>;
}

function kind<S extends z.ZodObject>(form: Kind<S>['form'], schema: S, resolve: Kind<S>['resolve']): Kind<S> {
  return { form, schema, resolve };
}

export const KINDS = {
  leaderboard: kind('block', LeaderboardSpec, resolveLeaderboard),
  diff: kind('block', DiffSpec, resolveDiff),
  history: kind('block', HistorySpec, resolveHistory),
  parallel: kind('block', ParallelSpec, resolveParallel),
  scatter: kind('block', ScatterSpec, resolveScatter),
  value: kind('inline', ValueSpec, resolveValue),
  link: kind('inline', LinkSpec, resolveLink),
} as const;

export type EmbedKind = keyof typeof KINDS;

export type EmbedOutcome = { resolved: Resolved<EmbedView>; problems?: undefined } | { resolved?: undefined; problems: { line: number; message: string }[] };

export async function resolveEmbed(source: EmbedSource, context: ReportContext): Promise<EmbedOutcome> {
  const fail = (message: string, line = source.line): EmbedOutcome => ({ problems: [{ line, message }] });
  const names = Object.keys(KINDS) as EmbedKind[];
  const forms = names.filter((name) => KINDS[name].form === source.form);
  const written = source.form === 'block' ? `\`\`\`runfolio ${source.kind}` : `runfolio:${source.kind}`;
  if (source.kind === '') return fail(`${written.trim()}: name the embed kind (${forms.join(', ')})`);
  if (!Object.hasOwn(KINDS, source.kind)) return fail(`unknown embed kind ${quote(source.kind)}${suggestion(source.kind, forms, 'kinds')}`);
  const entry = KINDS[source.kind as EmbedKind] as Kind<z.ZodObject>;
  if (entry.form !== source.form) {
    return fail(entry.form === 'inline' ? `${source.kind} is an inline embed: write \`runfolio:${source.kind} key=value …\` in the text` : `${source.kind} is a block embed: write it as a fenced \`\`\`runfolio ${source.kind} block`);
  }
  const prefix = (message: string) => `${source.kind}: ${message}`;
  if (source.errors.length > 0) return { problems: source.errors.map((e) => ({ line: e.line, message: prefix(e.message) })) };
  const parsed = entry.schema.safeParse(source.fields);
  if (!parsed.success) {
    return { problems: problemsOf(parsed.error, Object.keys(entry.schema.shape)).map((p) => ({ line: p.key ? source.lineOf(p.key) : source.line, message: prefix(p.message) })) };
  }
  try {
    return { resolved: await entry.resolve(parsed.data, context, source.lineOf) };
  } catch (error) {
    if (error instanceof EmbedProblem) return fail(prefix(error.message), error.line ?? source.line);
    throw error;
  }
}
