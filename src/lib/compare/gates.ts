/**
 * The gate grammar of `--fail-on` and `--warn-on`: one condition per flag, read with the search
 * parser's lexer (analyze/search/lexer.ts) and failing with its error (message + offset, exit 2).
 *
 *   condition  := metrics.KEY  comparator  bound  [IF PRESENT]
 *   KEY        := a metric key (`val_loss`, `val/loss`, or backticked: `` `val loss` ``), or a
 *                 glob over keys (`val_*`, `` `train/*` ``): the condition is checked for each key
 *   comparator := <  <=  >  >=  =  !=
 *   bound      := NUMBER | baseline | baseline + NUMBER | baseline - NUMBER
 *                 | baseline + NUMBER% | baseline - NUMBER% | baseline * NUMBER
 *
 * A condition *holds* when the candidate's latest value compares true with the bound (`baseline`
 * is the baseline run's latest value of the same key; `baseline + 2%` is baseline + 2 % of
 * |baseline|). A `--fail-on` condition that holds fails the comparison; a `--warn-on` one warns.
 * A metric missing on the side a condition needs (the candidate; and the baseline when the bound
 * names it), or a glob that matches no metric, counts as holding unless the condition ends with
 * `IF PRESENT`. A NaN value always holds: a diverged run must not pass a gate.
 */
import { SearchSyntaxError } from '../analyze/search/errors.ts';
import { lex, type Token } from '../analyze/search/lexer.ts';

export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type Bound =
  | { kind: 'number'; value: number }
  | { kind: 'baseline'; op: '+' | '-' | '*' | 'none'; value: number; percent: boolean };

export interface Gate {
  /** The condition as written. */
  text: string;
  /** A metric key, or a glob when `glob` is set. */
  key: string;
  glob: boolean;
  comparator: Comparator;
  bound: Bound;
  /** `IF PRESENT`: a missing metric passes. */
  ifPresent: boolean;
}

const COMPARATORS = new Set<string>(['<', '<=', '>', '>=', '=', '!=', '==']);
const KEY_TOKENS = new Set<Token['kind']>(['name', 'integer', 'float', 'hex', 'other', 'operator', 'punct', 'keyword']);

export function parseGate(input: string): Gate {
  const tokens = lex(input).filter((t) => t.kind !== 'ws');
  const at = (i: number): number => tokens[i]?.start ?? input.length;
  const fail = (reason: string, i: number): never => {
    throw new SearchSyntaxError(reason, input, at(i));
  };
  const first = tokens[0];
  if (!first) fail('empty condition: expected e.g. "metrics.val_loss > baseline + 0.02"', 0);
  const entity = first as Token;
  if (entity.kind !== 'name' || !/^metrics?$/i.test(entity.text) || tokens[1]?.text !== '.') {
    fail(`expected metrics.KEY at the start of the condition, found ${JSON.stringify(entity.text)}`, 0);
  }
  const { key, glob, next } = readKey(input, tokens, 2, fail);
  const op = tokens[next];
  if (!op || op.kind !== 'comparison' || !COMPARATORS.has(op.text)) {
    fail(`expected a comparator (<, <=, >, >=, =, !=) after metrics.${key}${op ? `, found ${JSON.stringify(op.text)}` : ''}`, next);
  }
  const comparator = ((op as Token).text === '==' ? '=' : (op as Token).text) as Comparator;
  const { bound, next: after } = readBound(tokens, next + 1, fail);
  let ifPresent = false;
  let end = after;
  if (tokens[end]?.word === 'IF') {
    if (!/^present$/i.test(tokens[end + 1]?.text ?? '')) fail('expected PRESENT after IF', end + 1);
    ifPresent = true;
    end += 2;
  }
  if (end < tokens.length) fail(`unexpected ${JSON.stringify(tokens[end]?.text)} after the condition (one condition per flag; repeat the flag for more)`, end);
  return { text: input.trim(), key, glob, comparator, bound, ifPresent };
}

/**
 * The key after `metrics.`: one backticked or double-quoted name, or the longest run of touching
 * tokens (`val/loss`, `top5_acc`, `val_*`), so keys with `/`, `-` and globs need no quoting.
 */
function readKey(input: string, tokens: Token[], i: number, fail: (reason: string, i: number) => never): { key: string; glob: boolean; next: number } {
  const first = tokens[i];
  if (!first || first.kind === 'comparison') fail('expected a metric key after "metrics."', i);
  const token = first as Token;
  if ((token.kind === 'name' && token.text.startsWith('`')) || token.kind === 'symbol') {
    const key = token.text.slice(1, -1).replaceAll(token.text[0]!.repeat(2), token.text[0]!);
    if (key === '') fail('empty metric key', i);
    return { key, glob: /[*?]/.test(key), next: i + 1 };
  }
  let j = i;
  while (j < tokens.length && KEY_TOKENS.has((tokens[j] as Token).kind) && (j === i || (tokens[j] as Token).start === (tokens[j - 1] as Token).end)) j += 1;
  if (j === i) fail(`expected a metric key after "metrics.", found ${JSON.stringify(token.text)}`, i);
  const key = input.slice(token.start, (tokens[j - 1] as Token).end);
  return { key, glob: /[*?]/.test(key), next: j };
}

function readBound(tokens: Token[], i: number, fail: (reason: string, i: number) => never): { bound: Bound; next: number } {
  const token = tokens[i];
  if (!token) return fail('expected a number or "baseline" after the comparator', i);
  const number = numberOf(token);
  if (number !== undefined) return { bound: { kind: 'number', value: number }, next: i + 1 };
  if (token.kind !== 'name' || token.text.toLowerCase() !== 'baseline') return fail(`expected a number or "baseline" after the comparator, found ${JSON.stringify(token.text)}`, i);
  const op = tokens[i + 1];
  if (!op || op.word === 'IF') return { bound: { kind: 'baseline', op: 'none', value: 0, percent: false }, next: i + 1 };
  // The lexer reads `baseline -0.02` as a negative number: the same as `baseline - 0.02`.
  const signed = numberOf(op);
  if (signed !== undefined && op.text.startsWith('-')) return withPercent({ kind: 'baseline', op: '-', value: -signed, percent: false }, tokens, i + 2);
  if (!['+', '-', '*'].includes(op.text)) return fail(`expected +, - or * after "baseline", found ${JSON.stringify(op.text)}`, i + 1);
  const value = tokens[i + 2] ? numberOf(tokens[i + 2] as Token) : undefined;
  if (value === undefined) return fail(`expected a number after "baseline ${op.text}"`, i + 2);
  const bound: Bound = { kind: 'baseline', op: op.text as '+' | '-' | '*', value, percent: false };
  return op.text === '*' ? { bound, next: i + 3 } : withPercent(bound, tokens, i + 3);
}

function withPercent(bound: Bound & { kind: 'baseline' }, tokens: Token[], i: number): { bound: Bound; next: number } {
  return tokens[i]?.text === '%' && tokens[i]?.start === tokens[i - 1]?.end ? { bound: { ...bound, percent: true }, next: i + 1 } : { bound, next: i };
}

function numberOf(token: Token): number | undefined {
  if (token.kind !== 'integer' && token.kind !== 'float') return undefined;
  const value = Number(token.text);
  return Number.isFinite(value) ? value : undefined;
}

/** The bound's value for a baseline value (NaN when the bound needs a baseline that is missing). */
export function boundValue(bound: Bound, baseline: number | null): number {
  if (bound.kind === 'number') return bound.value;
  if (baseline === null) return Number.NaN;
  switch (bound.op) {
    case 'none': return baseline;
    case '*': return baseline * bound.value;
    case '+': return baseline + (bound.percent ? (Math.abs(baseline) * bound.value) / 100 : bound.value);
    case '-': return baseline - (bound.percent ? (Math.abs(baseline) * bound.value) / 100 : bound.value);
  }
}

export function compare(value: number, comparator: Comparator, bound: number): boolean {
  switch (comparator) {
    case '<': return value < bound;
    case '<=': return value <= bound;
    case '>': return value > bound;
    case '>=': return value >= bound;
    case '=': return value === bound;
    case '!=': return value !== bound;
  }
}

/** The bound as written, for messages: `baseline × 1.02`, `baseline + 2%`, `0.9`. */
export function describeBound(bound: Bound): string {
  if (bound.kind === 'number') return String(bound.value);
  if (bound.op === 'none') return 'baseline';
  return `baseline ${bound.op === '*' ? '×' : bound.op} ${bound.value}${bound.percent ? '%' : ''}`;
}
