/**
 * The value list of `IN (…)` / `NOT IN (…)`. MLflow reads the parenthesised text with Python's
 * `ast.literal_eval` (search_utils.py `_parse_list_from_sql_token`), so the list follows Python's
 * literal rules, not SQL's: `('a')` is the string `a`, `('a', 'b')` and `('a',)` are tuples,
 * adjacent strings concatenate, backslash escapes are Python's. Then `_parse_run_ids` keeps only
 * the values for which Python's `str.islower()` holds ("MySQL's IN is case-insensitive, but run
 * ids are lower case") — for dataset names too, since MLflow reuses the same function.
 *
 * We parse the subset of Python literals a list of strings can be written with: strings (with
 * `r`/`u` prefixes), numbers, True/False/None and nested parentheses. Anything else is the
 * "ill-formed list" error MLflow gives for a SyntaxError.
 */

export type ListResult = { ok: true; values: string[] } | { ok: false; reason: string };

const ILL_FORMED = 'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.';
const EMPTY = 'While parsing a list in the query, expected a non-empty list of string values, but got empty list';

type Literal = string | { other: true } | Literal[];

export function parseInList(text: string): ListResult {
  const parser = new LiteralParser(text);
  const value = parser.parseWhole();
  if (value === undefined) return { ok: false, reason: ILL_FORMED };
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return { ok: false, reason: EMPTY };
  if (!items.every((item) => typeof item === 'string')) {
    return { ok: false, reason: `While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ${text}` };
  }
  return { ok: true, values: (items as string[]).filter(isPythonLower) };
}

/** Python's `str.islower()`: at least one cased character, and no upper- or title-case one. */
export function isPythonLower(text: string): boolean {
  return text === text.toLowerCase() && text !== text.toUpperCase();
}

class LiteralParser {
  private pos = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  /** The whole text as one literal; a tuple is returned as an array. */
  parseWhole(): Literal | undefined {
    const value = this.parseExpression();
    this.skipSpace();
    return value !== undefined && this.pos === this.text.length ? value : undefined;
  }

  private parseExpression(): Literal | undefined {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '(') return this.parseParenthesis();
    if (c === '"' || c === "'" || /^[rRuU]['"]/.test(this.text.slice(this.pos, this.pos + 2))) return this.parseStrings();
    const other = /^(-\s*)?(\d[\d_]*(\.\d*)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|True|False|None)(?![\w.])/.exec(this.text.slice(this.pos));
    if (other) {
      this.pos += other[0].length;
      return { other: true };
    }
    return undefined;
  }

  /** `(x)` is x; `()` is the empty tuple; a comma makes a tuple. */
  private parseParenthesis(): Literal | undefined {
    this.pos += 1;
    const items: Literal[] = [];
    let sawComma = false;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ')') {
        this.pos += 1;
        return items.length === 1 && !sawComma ? items[0] : items;
      }
      if (items.length > 0 && !sawComma) return undefined;
      const item = this.parseExpression();
      if (item === undefined) return undefined;
      items.push(item);
      this.skipSpace();
      sawComma = this.text[this.pos] === ',';
      if (sawComma) this.pos += 1;
    }
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private parseStrings(): string | undefined {
    let out = '';
    do {
      const piece = this.parseString();
      if (piece === undefined) return undefined;
      out += piece;
      this.skipSpace();
    } while (/^([rRuU]?['"])/.test(this.text.slice(this.pos, this.pos + 2)));
    return out;
  }

  private parseString(): string | undefined {
    let raw = false;
    if (/[rRuU]/.test(this.text[this.pos] ?? '')) {
      raw = /[rR]/.test(this.text[this.pos] ?? '');
      this.pos += 1;
    }
    const quote = this.text[this.pos];
    this.pos += 1;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === quote) {
        this.pos += 1;
        return out;
      }
      if (c === '\n') return undefined;
      if (c === '\\' && this.pos + 1 < this.text.length) {
        const escaped = raw ? undefined : this.escape();
        if (escaped !== undefined) out += escaped;
        else {
          out += c + (this.text[this.pos + 1] as string);
          this.pos += 2;
        }
        continue;
      }
      out += c;
      this.pos += 1;
    }
    return undefined;
  }

  /** A Python escape at `pos` (which holds the backslash); undefined keeps it literally. */
  private escape(): string | undefined {
    const next = this.text[this.pos + 1] as string;
    const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };
    if (Object.hasOwn(simple, next)) {
      this.pos += 2;
      return simple[next];
    }
    const hex = /^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})/.exec(this.text.slice(this.pos + 1));
    if (!hex) return undefined;
    this.pos += 1 + hex[0].length;
    const digits = hex[0];
    return String.fromCodePoint(/^[0-7]/.test(digits) ? parseInt(digits, 8) : parseInt(digits.slice(1), 16));
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /[ \t\r\n\f\v]/.test(this.text[this.pos] as string)) this.pos += 1;
  }
}
