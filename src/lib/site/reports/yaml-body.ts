/**
 * The YAML of front matter and embed bodies, read with YAML's failsafe schema: every scalar stays
 * the text the author wrote. So an experiment id `427193846021337512` keeps its digits (the core
 * schema would round it to a float), a run id prefix `1e10` stays a prefix, and `0.10` stays a
 * param value that differs from `0.1`; numbers and flags are read from that text by the zod
 * fields (fields.ts), the same way for the block and the inline form.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface YamlBody {
  /** Plain data: strings, arrays, objects; null for an empty body. */
  value: unknown;
  /** Syntax errors, each with its line in the file. */
  errors: { line: number; message: string }[];
  /** The file line of a top-level key, when the body is a mapping that has it. */
  keyLine: (key: string) => number | undefined;
}

/** `firstLine`: the file line of the body's first line. */
export function parseYamlBody(text: string, firstLine: number): YamlBody {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((error) => ({
    line: firstLine - 1 + lines.linePos(error.pos[0]).line,
    message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  const keys = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range && !keys.has(String(item.key.value))) {
        keys.set(String(item.key.value), firstLine - 1 + lines.linePos(item.key.range[0]).line);
      }
    }
  }
  return { value: errors.length > 0 ? null : (doc.toJS() as unknown), errors, keyLine: (key) => keys.get(key) };
}
