/**
 * Splits a filter or order_by string into tokens the way MLflow's parser sees them. MLflow hands
 * the text to sqlparse (`sqlparse.parse` in mlflow/utils/search_utils.py), so which texts are one
 * token — a backticked name, a number, a quoted string, `NOT NULL`, `NOT LIKE` — is sqlparse's
 * lexer table (sqlparse/keywords.py `SQL_REGEX`). The rules below are the part of that table a
 * search string can reach, in the same order, with the same case-insensitivity; anything else
 * becomes an `error` token of one character, as in sqlparse. Python's `\w` and `\b` are Unicode
 * aware, so they are spelled with Unicode classes here.
 *
 * Every token keeps its offset so errors can point at it. Total: never throws.
 */

export type TokenKind =
  | 'ws' // whitespace and line breaks
  | 'comment' // `-- …`, `# …`, `/* … */`
  | 'name' // a bare word that is no keyword, a `backticked` or [bracketed] name
  | 'symbol' // a "double-quoted" string: sqlparse makes it a name, not a literal
  | 'single' // a 'single-quoted' string literal
  | 'integer'
  | 'float'
  | 'hex'
  | 'keyword' // AND, OR, IN, IS, NULL, NOT NULL, TRUE, ASC, …: `word` holds it upper-cased
  | 'comparison' // =, !=, <>, <=, LIKE, NOT ILIKE, …
  | 'punct' // ( ) , . ; : [ ]
  | 'operator' // + - / …
  | 'other' // placeholders, wildcards, casts: tokens no search clause can use
  | 'error'; // a character no rule matches

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** For keywords: the keyword upper-cased with inner whitespace collapsed (`NOT NULL`). */
  word?: string;
}

const W = String.raw`[\p{L}\p{N}_]`;
const NOT_W = String.raw`(?![\p{L}\p{N}_])`;
const LETTER = 'A-ZÀ-Ü'; // with the i flag also a-z, à-ü, as in sqlparse

/** `word` is sqlparse's catch-all for words: a keyword if KEYWORDS knows it, else a name. */
type RuleKind = TokenKind | 'word';

function rule(source: string, kind: RuleKind): [RegExp, RuleKind] {
  return [new RegExp(source, 'iuy'), kind];
}

/** sqlparse's SQL_REGEX, restricted to what a search string can contain; order matters. */
const RULES: [RegExp, RuleKind][] = [
  rule(String.raw`(--|# ).*?(\r\n|\r|\n|$)`, 'comment'),
  rule(String.raw`/\*[\s\S]*?\*/`, 'comment'),
  rule(String.raw`\s+`, 'ws'),
  rule(':=|::', 'other'),
  rule(String.raw`\*`, 'other'),
  rule('`(``|[^`])*`', 'name'),
  rule('´(´´|[^´])*´', 'name'),
  rule(String.raw`(\$(?:[_${LETTER}]${W}*)?\$)[\s\S]*?\1`, 'other'),
  rule(String.raw`\?|%(\(${W}+\))?s|(?<!${W})[$:?]${W}+|\\${W}+`, 'other'),
  rule(`(CASE|IN|VALUES|USING|FROM|AS)${NOT_W}`, 'keyword'),
  rule(`(@|##|#)[${LETTER}]${W}+`, 'name'),
  rule(String.raw`[${LETTER}]${W}*(?=\s*\.)`, 'name'),
  rule(String.raw`(?<=\.)[${LETTER}]${W}*`, 'name'),
  rule(String.raw`[${LETTER}]${W}*(?=\()`, 'name'),
  rule(String.raw`-?0x[0-9A-F]+`, 'hex'),
  rule(String.raw`-?\d+(\.\d+)?E-?\d+`, 'float'),
  rule(String.raw`(?![_${LETTER}])-?(\d+(\.\d*)|\.\d+)(?![_${LETTER}])`, 'float'),
  rule(String.raw`(?![_${LETTER}])-?\d+(?![_${LETTER}])`, 'integer'),
  rule(String.raw`'(''|\\'|[^'])*'`, 'single'),
  rule(String.raw`"(""|\\"|[^"])*"`, 'symbol'),
  rule(String.raw`(?<![\p{L}\p{N}_\])])(\[[^\]\[]+\])`, 'name'),
  rule(String.raw`NOT\s+NULL${NOT_W}`, 'keyword'),
  rule(String.raw`(NOT\s+)?(LIKE|ILIKE|RLIKE|REGEXP)${NOT_W}`, 'comparison'),
  rule(`${W}[$#\\p{L}\\p{N}_]*`, 'word'),
  rule(String.raw`[;:()\[\],.]`, 'punct'),
  rule('[<>=~!]+', 'comparison'),
  rule('[+/@#%^&|-]+', 'operator'),
];

/**
 * Words sqlparse lexes as keywords (sqlparse/keywords.py), limited to those a user may type in a
 * search string. A keyword is never a name: `params.a = true` is an invalid clause, not an unquoted
 * value. No attribute key MLflow accepts (`status`, `run_id`, `created`, …) is in sqlparse's lists.
 */
const KEYWORDS = new Set([
  'ALL', 'AND', 'ANY', 'AS', 'ASC', 'BETWEEN', 'BY', 'CASE', 'DESC', 'DISTINCT', 'ELSE', 'END',
  'EXISTS', 'FALSE', 'FROM', 'GROUP', 'HAVING', 'IF', 'ILIKE', 'IN', 'IS', 'ISNULL', 'JOIN', 'LIKE',
  'LIMIT', 'NONE', 'NOT', 'NOTNULL', 'NULL', 'OFFSET', 'ON', 'OR', 'ORDER', 'SELECT', 'SET', 'SOME',
  'THEN', 'TRUE', 'UNION', 'UNKNOWN', 'USING', 'VALUES', 'WHEN', 'WHERE', 'WITH',
]);

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < input.length) {
    const token = nextToken(input, pos);
    const last = tokens[tokens.length - 1];
    if (token.kind === 'ws' && last?.kind === 'ws') {
      last.end = token.end;
      last.text += token.text;
    } else {
      tokens.push(token);
    }
    pos = token.end;
  }
  return tokens;
}

function nextToken(input: string, pos: number): Token {
  for (const [regex, kind] of RULES) {
    regex.lastIndex = pos;
    const match = regex.exec(input);
    if (match === null || match[0] === '') continue;
    const text = match[0];
    const end = pos + text.length;
    if (kind === 'word' || kind === 'keyword') {
      const word = text.toUpperCase().replace(/\s+/g, ' ');
      if (kind === 'keyword' || KEYWORDS.has(word)) return { kind: 'keyword', text, start: pos, end, word };
      return { kind: 'name', text, start: pos, end };
    }
    return { kind, text, start: pos, end };
  }
  const char = String.fromCodePoint(input.codePointAt(pos) ?? 0);
  return { kind: 'error', text: char, start: pos, end: pos + char.length };
}
