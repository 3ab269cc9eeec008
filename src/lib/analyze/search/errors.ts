/**
 * The one error every search-syntax problem becomes. Its `message` is a single line: MLflow's own
 * wording (mlflow/utils/search_utils.py) where MLflow has one, then the offset of the offending
 * token; `excerpt` adds the two-line caret picture for a terminal. It is a UsageError, so the CLI
 * exits 2 on it.
 *
 * MLflow prints Python reprs inside its messages (sets, lists, `{filter_string!r}`); `pyRepr` and
 * `pySet` reproduce that spelling. MLflow's sets have no stable order (string hashing is salted
 * per process), so we print their members sorted.
 */
import { UsageError } from '../../errors.ts';
import { compareStrings } from '../../order.ts';

export class SearchSyntaxError extends UsageError {
  /** 0-based offset (UTF-16 code units) of the offending token in `input`. */
  readonly position: number;
  /** The text being parsed: a filter string or one order_by clause. */
  readonly input: string;

  constructor(reason: string, input: string, position: number) {
    super(`${oneLine(reason)} (at offset ${position})`);
    this.position = position;
    this.input = input;
  }

  /** The input line holding the offending token and a caret under it, e.g. for a terminal. */
  get excerpt(): string {
    const lineStart = this.input.lastIndexOf('\n', this.position - 1) + 1;
    const nextBreak = this.input.indexOf('\n', lineStart);
    const line = this.input.slice(lineStart, nextBreak === -1 ? undefined : nextBreak).replace(/\r$/, '');
    // Tabs stay tabs so the caret lines up; every other character (one code point) becomes a space.
    const pad = [...this.input.slice(lineStart, this.position)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
    return `${line}\n${pad}^`;
  }
}

/** Line breaks inside quoted user text would break the one-line rule; show them escaped. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}

/** Python's `repr()` of a str: single quotes unless the text holds a `'` and no `"`. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of text) {
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c < ' ' || c === '\x7f') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out + quote;
}

/** Python's repr of a set of strings, members sorted (see the header). */
export function pySet(members: Iterable<string>): string {
  return `{${[...members].sort(compareStrings).map(pyRepr).join(', ')}}`;
}

/** Python's repr of a list of strings, in the given order. */
export function pyList(members: readonly string[]): string {
  return `[${members.map(pyRepr).join(', ')}]`;
}
