/**
 * A report file's front matter (between `---` lines, split off by gray-matter) validated with
 * zod. The schema is the documentation: each field's comment is what the README says of it.
 * Unknown keys are errors (with the near spelling), so a typo never silently drops a field.
 */
import matter from 'gray-matter';
import { z } from 'zod';
import { describe, flag, problemsOf, text, textList, type FieldProblem } from './fields.ts';
import { parseYamlBody, type YamlBody } from './yaml-body.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = text('a date written YYYY-MM-DD').refine((s) => ISO_DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  error: (issue) => `must be a date written YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

export const FrontMatterSchema = z.strictObject({
  /** The report's heading, its name in the index and the browser tab. Required. */
  title: text(),
  /** The day it was written, `YYYY-MM-DD`: the index lists reports newest first (undated last). */
  date: day.optional(),
  /** Who wrote it: a name or a list of names. */
  authors: textList('a name').optional(),
  /** A sentence or two for the index and the page's description. */
  summary: text().optional(),
  /** Labels shown with the report and in the index. */
  tags: textList('a tag').optional(),
  /** `true` leaves the report out of the site unless `runfolio build --drafts`. */
  draft: flag().optional(),
  /** Experiments the report is about (names or ids): linked from its header. */
  experiments: textList('an experiment name or id').optional(),
  /** Runs the report discusses (RUN references): listed with the runs its embeds cite. */
  runs: textList('a RUN reference').optional(),
}, { error: (issue) => `must be keys and values (title: …), got ${describe(issue.input)}` });

export type FrontMatter = z.output<typeof FrontMatterSchema>;

const References = z.object(FrontMatterSchema.pick({ experiments: true, runs: true }).shape);

export const FRONT_MATTER_KEYS = Object.keys(FrontMatterSchema.shape);

export interface SplitReport {
  /** Valid front matter, or undefined when `problems` says why not. */
  front?: FrontMatter;
  /** The experiments and runs named, when those two keys are valid (even if others are not). */
  references: Pick<FrontMatter, 'experiments' | 'runs'>;
  problems: { line: number; message: string }[];
  /** The Markdown after the front matter. */
  body: string;
  /** Lines of the file before the body. */
  bodyOffset: number;
  /** File line of a front matter key (line 1 when it is absent). */
  keyLine: (key: string) => number;
}

export function splitReport(source: string): SplitReport {
  let yaml: YamlBody | undefined;
  // gray-matter hands over the block from just after the opening `---`, so it starts on line 1.
  const file = matter(source, { engines: { yaml: { parse: (block: string) => ((yaml = parseYamlBody(block, 1)), {}) } } });
  const body = file.content;
  const bodyOffset = countLines(source.slice(0, source.length - body.length));
  const keyLine = (key: string) => yaml?.keyLine(key) ?? 1;
  const result = { body, bodyOffset, keyLine, references: {} };
  if (!/^\uFEFF?---\r?\n/.test(source)) return { ...result, problems: [{ line: 1, message: 'no front matter: a report starts with a --- line, then at least `title: …`, then ---' }] };
  if (yaml && yaml.errors.length > 0) return { ...result, problems: yaml.errors.map((e) => ({ line: e.line, message: `front matter: ${e.message}` })) };
  const parsed = FrontMatterSchema.safeParse(yaml?.value ?? {});
  if (parsed.success) return { ...result, front: parsed.data, references: parsed.data, problems: [] };
  const references = References.safeParse(yaml?.value ?? {});
  return { ...result, references: references.success ? references.data : {}, problems: problemsOf(parsed.error, FRONT_MATTER_KEYS).map((p: FieldProblem) => ({ line: p.key ? keyLine(p.key) : 1, message: `front matter: ${p.message}` })) };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}
