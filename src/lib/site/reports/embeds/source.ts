/**
 * An embed as written, before its kind's schema reads it:
 *
 * - fenced: ```` ```runfolio KIND ```` then a YAML mapping, then ```` ``` ````;
 * - inline: `` `runfolio:KIND key=value key="a value with spaces"` `` (double quotes take `\"`
 *   and `\\`; single quotes take the text as it is).
 * Both give text values (yaml-body.ts), so a key means the same in either form.
 */
import { setOwn } from '../../../order.ts';
import type { FencedBlock, InlineEmbedSpan } from '../markdown.ts';
import { parseYamlBody } from '../yaml-body.ts';

export interface EmbedSource {
  kind: string;
  form: 'block' | 'inline';
  /** File line of the fence or the span. */
  line: number;
  /** The keys and values (undefined when `errors` says why there are none). */
  fields: unknown;
  errors: { line: number; message: string }[];
  /** File line of a key (the embed's line when unknown). */
  lineOf: (key: string) => number;
}

export function blockSource(block: FencedBlock): EmbedSource {
  const [kind = '', ...extra] = block.meta.split(/\s+/).filter(Boolean);
  const body = parseYamlBody(block.code, block.line + 1);
  const errors = [...body.errors];
  if (extra.length > 0) errors.push({ line: block.line, message: `unexpected ${JSON.stringify(extra.join(' '))} after the kind on the fence line: options go in the YAML body` });
  const empty = body.value === null || body.value === '';
  const isMapping = typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value);
  if (errors.length === 0 && !empty && !isMapping) errors.push({ line: block.line + 1, message: 'the body must be YAML keys and values (key: value), one per line' });
  return { kind, form: 'block', line: block.line, fields: empty ? {} : body.value, errors, lineOf: (key) => body.keyLine(key) ?? block.line };
}

const PAIR = /\s*([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"']*)(?=\s|$)/y;

export function inlineSource(span: InlineEmbedSpan): EmbedSource {
  const text = span.text;
  const kind = /^[A-Za-z_][\w-]*/.exec(text)?.[0] ?? '';
  const fields: Record<string, string> = {};
  const errors: EmbedSource['errors'] = [];
  PAIR.lastIndex = kind.length;
  while (PAIR.lastIndex < text.length && errors.length === 0) {
    if (/^\s*$/.test(text.slice(PAIR.lastIndex))) break;
    const at = PAIR.lastIndex;
    const match = PAIR.exec(text);
    if (!match) {
      errors.push({ line: span.line, message: `expected key=value at ${JSON.stringify(text.slice(at).trim())} (quote a value that holds spaces: key="a b")` });
      break;
    }
    const [, key, raw] = match as unknown as [string, string, string];
    if (Object.hasOwn(fields, key)) errors.push({ line: span.line, message: `${key} is given twice` });
    setOwn(fields, key, unquote(raw));
  }
  return { kind, form: 'inline', line: span.line, fields, errors, lineOf: () => span.line };
}

function unquote(raw: string): string {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'")) return raw.slice(1, -1);
  return raw;
}
