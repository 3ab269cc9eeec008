/**
 * A filter string → its clauses, as mlflow/utils/search_utils.py `SearchUtils.parse_search_filter`
 * reads it. The accepted language (checked against MLflow's newest grammar and tests):
 * - clauses joined by `AND` (any case). There is no `OR` and no grouping parentheses: MLflow
 *   reports both as "Invalid clause(s)" (tests/utils/test_search_utils.py `test_error_filter`;
 *   `OR` is still an open request, mlflow/mlflow#6075). Like MLflow, clauses written side by side
 *   without `AND`, or a stray leading/trailing `AND`, are accepted: MLflow only rejects tokens
 *   that are neither a comparison, whitespace nor `AND` (`_invalid_statement_token_search_runs`).
 * - a clause is `identifier comparator value`, `identifier [NOT] IN (list)`, or
 *   `identifier IS [NOT] NULL` (tags and params only, mlflow/mlflow#21283);
 * - values are numbers, 'single' or "double" quoted strings (quotes removed, nothing unescaped,
 *   as `_strip_quotes` does), or a parenthesised list (see in-list.ts).
 * Which comparator suits which identifier is checked when the filter is compiled (filter.ts), as
 * MLflow checks it when matching. Errors carry MLflow's wording and the offending token's offset.
 */
import { SearchSyntaxError, pyRepr } from './errors.ts';
import {
  NUMERIC_ATTRIBUTES,
  SEARCH_ATTRIBUTES,
  parseIdentifier,
  quotedValue,
  type EntityType,
  type Identifier,
} from './identifier.ts';
import { parseInList } from './in-list.ts';
import { lex, type Token } from './lexer.ts';

export interface FilterClause {
  type: EntityType;
  /** The key as written (quotes removed); `created` and `run name` are translated when compiled. */
  key: string;
  /** The comparator as written (`like`, `>=`, `NOT IN`, `IS NULL`); compared upper-cased. */
  comparator: string;
  /** Number text for metrics and numeric attributes, a string, a list (IN), or null (IS NULL). */
  value: string | string[] | null;
  /** Offsets in the filter string of the identifier, comparator and value, for later errors. */
  at: { key: number; comparator: number; value: number };
}

/** A token, or a group of tokens as sqlparse groups them; its text is `input.slice(start, end)`. */
export type Node =
  | { kind: 'token'; token: Token; start: number; end: number }
  | { kind: 'ident' | 'paren'; start: number; end: number }
  | { kind: 'comparison'; left: Node; op: string; opStart: number; right: Node | undefined; start: number; end: number };

export function parseFilter(input: string): FilterClause[] {
  if (input === '') return [];
  const tokens = lex(input);
  if (tokens.every((t) => t.kind === 'ws')) {
    throw new SearchSyntaxError(`Invalid filter ${pyRepr(input)}. Could not be parsed.`, input, 0);
  }
  const nodes = joinKeywordComparisons(groupComparisons(groupIdentifiers(groupParentheses(firstStatement(tokens, input)))));
  const invalid = nodes.filter((n) => !(n.kind === 'comparison' || isToken(n, 'ws') || isKeyword(n, 'AND')));
  const first = invalid[0];
  if (first !== undefined) {
    const listed = invalid.map((n) => `'${input.slice(n.start, n.end)}'`).join(', ');
    throw new SearchSyntaxError(`Invalid clause(s) in filter string: ${listed}`, input, first.start);
  }
  return nodes.flatMap((n) => (n.kind === 'comparison' ? [toClause(n, input)] : []));
}

/** sqlparse splits statements at `;` outside parentheses; MLflow accepts one statement. */
function firstStatement(tokens: Token[], input: string): Token[] {
  let depth = 0;
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth += 1;
    else if (t.text === ')') depth -= 1;
    else if (t.text === ';' && depth <= 0 && tokens.slice(i + 1).some((rest) => rest.kind !== 'ws')) {
      throw new SearchSyntaxError(`Search filter contained multiple expression ${pyRepr(input)}. Provide AND-ed expression list.`, input, t.start);
    }
  }
  return tokens;
}

/** Matched `(` … `)` become one node; an unmatched parenthesis stays a lone (invalid) token. */
export function groupParentheses(tokens: Token[]): Node[] {
  const out: Node[] = [];
  const open: number[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === ')' && open.length > 0) {
      const at = open.pop() as number;
      const start = (out[at] as Node).start;
      out.splice(at, out.length - at, { kind: 'paren', start, end: token.end });
      continue;
    }
    if (token.kind === 'punct' && token.text === '(') open.push(out.length);
    out.push({ kind: 'token', token, start: token.start, end: token.end });
  }
  return out;
}

/**
 * sqlparse `group_period` + `group_identifier`: a name or "quoted" name, then any number of
 * `.part` (a name, "quoted", 'quoted' or `*`); whitespace around the dots is allowed and kept.
 * A dot followed by nothing usable still belongs to the identifier (`metrics.` has key "").
 */
export function groupIdentifiers(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    if (!isToken(node, 'name') && !isToken(node, 'symbol')) {
      out.push(node);
      continue;
    }
    let end = node.end;
    for (;;) {
      const dot = nextSolid(nodes, i + 1);
      if (dot === -1 || !isPunct(nodes[dot] as Node, '.')) break;
      const part = nextSolid(nodes, dot + 1);
      const partNode = nodes[part];
      if (partNode !== undefined && isIdentifierPart(partNode)) {
        end = partNode.end;
        i = part;
      } else {
        end = (nodes[dot] as Node).end;
        i = dot;
        break;
      }
    }
    out.push({ kind: 'ident', start: node.start, end });
  }
  return out;
}

function isIdentifierPart(node: Node): boolean {
  return isToken(node, 'name') || isToken(node, 'symbol') || isToken(node, 'single') || (isToken(node, 'other') && node.kind === 'token' && node.token.text === '*');
}

/** sqlparse `group_comparison`: operand, comparison operator, operand. */
function groupComparisons(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    const prevAt = lastSolid(out);
    const nextAt = nextSolid(nodes, i + 1);
    const prev = out[prevAt];
    const next = nodes[nextAt];
    if (node.kind === 'token' && node.token.kind === 'comparison' && prev && next && isOperand(prev) && isOperand(next)) {
      out.splice(prevAt);
      out.push({ kind: 'comparison', left: prev, op: node.token.text, opStart: node.start, right: next, start: prev.start, end: next.end });
      i = nextAt;
      continue;
    }
    out.push(node);
  }
  return out;
}

function isOperand(node: Node): boolean {
  if (node.kind === 'ident' || node.kind === 'paren') return true;
  if (node.kind !== 'token') return false;
  const kind = node.token.kind;
  return kind === 'integer' || kind === 'float' || kind === 'hex' || kind === 'single' || isKeyword(node, 'NULL');
}

/**
 * search_utils.py `_join_in_comparison_tokens` (sqlparse ≥ 0.4.4 no longer groups IN): an
 * identifier followed by `IN (…)` or `NOT IN (…)` is a comparison; so is `IS NULL` / `IS NOT NULL`.
 * Whitespace is dropped here, as MLflow drops it.
 */
function joinKeywordComparisons(nodes: Node[]): Node[] {
  const solid = nodes.filter((n) => !isToken(n, 'ws'));
  const out: Node[] = [];
  for (let i = 0; i < solid.length; i++) {
    const [node, a, b, c] = solid.slice(i, i + 4) as [Node, Node?, Node?, Node?];
    if (node.kind === 'ident' && a && b) {
      let joined: [string, Node | undefined, number] | undefined;
      if (isKeyword(a, 'IN') && b.kind === 'paren') joined = [tokenText(a), b, 1];
      else if (isKeyword(a, 'NOT') && isKeyword(b, 'IN') && c?.kind === 'paren') joined = ['NOT IN', c, 2];
      else if (isKeyword(a, 'IS') && isKeyword(b, 'NULL')) joined = ['IS NULL', undefined, 1];
      else if (isKeyword(a, 'IS') && isKeyword(b, 'NOT NULL')) joined = ['IS NOT NULL', undefined, 1];
      if (joined) {
        const [op, right, skip] = joined;
        const end = (solid[i + 1 + skip] as Node).end;
        out.push({ kind: 'comparison', left: node, op, opStart: a.start, right, start: node.start, end });
        i += 1 + skip;
        continue;
      }
    }
    out.push(node);
  }
  return out;
}

/** `_get_comparison`: validate the left side, read the identifier, then the value. */
function toClause(node: Extract<Node, { kind: 'comparison' }>, input: string): FilterClause {
  const { left, right } = node;
  const leftText = input.slice(left.start, left.end);
  if (left.kind !== 'ident') {
    throw new SearchSyntaxError(`Invalid comparison clause. Expected 'Identifier' found '${leftText}'`, input, left.start);
  }
  const identifier = parseIdentifier(leftText, SEARCH_ATTRIBUTES, input, left.start);
  const at = { key: left.start, comparator: node.opStart, value: right?.start ?? node.opStart };
  if (right === undefined) {
    if (identifier.type !== 'tag' && identifier.type !== 'parameter') {
      throw new SearchSyntaxError('IS NULL / IS NOT NULL is only supported for tags and params', input, node.opStart);
    }
    return { ...identifier, comparator: node.op, value: null, at };
  }
  return { ...identifier, comparator: node.op, value: readValue(identifier, right, input), at };
}

/** `SearchUtils._get_value`: which value tokens each identifier type accepts. */
function readValue({ type, key }: Identifier, node: Node, input: string): string | string[] {
  const text = input.slice(node.start, node.end);
  const fail = (reason: string): never => {
    throw new SearchSyntaxError(reason, input, node.start);
  };
  const isNumber = isToken(node, 'integer') || isToken(node, 'float');
  const isText = isToken(node, 'single') || node.kind === 'ident';
  const quoted = (): string =>
    quotedValue(text) ?? fail(`Parameter value is either not quoted or unidentified quote types used for string value ${text}. Use either single or double quotes.`);
  const list = (): string[] => {
    const parsed = parseInList(text);
    return parsed.ok ? parsed.values : fail(parsed.reason);
  };
  switch (type) {
    case 'metric':
      return isNumber ? text : fail(`Expected numeric value type for metric. Found ${text}`);
    case 'parameter':
    case 'tag':
      return isText ? quoted() : fail(`Expected a quoted string value for ${type} (e.g. 'my-value'). Got value ${text}`);
    case 'attribute':
      if (NUMERIC_ATTRIBUTES.has(key)) return isNumber ? text : fail(`Expected numeric value type for numeric attribute: ${key}. Found ${text}`);
      if (isText) return quoted();
      if (node.kind !== 'paren') return fail(`Expected a quoted string value for attributes. Got value ${text}`);
      return key === 'run_id' ? list() : fail("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
    case 'dataset':
      if (isText) return quoted();
      return node.kind === 'paren' ? list() : fail(`Expected a quoted string value for dataset attributes. Got value ${text}`);
  }
}

export function isToken(node: Node, kind: Token['kind']): boolean {
  return node.kind === 'token' && node.token.kind === kind;
}

export function isKeyword(node: Node, word: string): boolean {
  return node.kind === 'token' && node.token.kind === 'keyword' && node.token.word === word;
}

function isPunct(node: Node, text: string): boolean {
  return node.kind === 'token' && node.token.kind === 'punct' && node.token.text === text;
}

function tokenText(node: Node): string {
  return node.kind === 'token' ? node.token.text : '';
}

/** Index of the next node from `from` that is not whitespace, or -1. */
function nextSolid(nodes: readonly Node[], from: number): number {
  for (let i = from; i < nodes.length; i++) if (!isToken(nodes[i] as Node, 'ws')) return i;
  return -1;
}

function lastSolid(nodes: readonly Node[]): number {
  for (let i = nodes.length - 1; i >= 0; i--) if (!isToken(nodes[i] as Node, 'ws')) return i;
  return -1;
}
