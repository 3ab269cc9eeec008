/**
 * The `value_json` of W&B history, summary, config and stats items. Python's wandb writes them
 * with `json.dumps` (allow_nan: bare `NaN`, `Infinity`, `-Infinity`), wandb-core with its own
 * encoder (the same spellings), so they are JSON with non-finite numbers. Numbers are nearly every
 * value there is, so they skip the JSON parser; integers beyond 2^53 keep their digits (a bigint)
 * instead of being rounded.
 */

/** What a value_json that is not JSON reads as. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };
const LONG_DIGITS = /\d{16}/;
// A placeholder no JSON string written by wandb holds: a NUL and a marker.
const MARK = '\u0000wandb-non-finite:';

export function parseValueJson(text: string): unknown {
  const c = text.charCodeAt(0);
  // Digits or '-': a bare number (the common case), or -Infinity.
  if ((c >= 48 && c <= 57) || c === 45) {
    const n = Number(text);
    if (!Number.isNaN(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
  }
  const nonFinite = NON_FINITE[text];
  if (nonFinite !== undefined) return nonFinite;
  try {
    // The reviver slows JSON.parse down; only text with 16 digits in a row can need it.
    return LONG_DIGITS.test(text) ? JSON.parse(text, exactIntegers) : JSON.parse(text);
  } catch {
    return parseWithNonFinite(text);
  }
}

/** JSON with bare NaN / Infinity / -Infinity outside strings: rewritten to markers, parsed, restored. */
function parseWithNonFinite(text: string): unknown {
  let found = false;
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token) => {
    if (token.startsWith('"')) return token;
    found = true;
    return JSON.stringify(MARK + token);
  });
  if (!found) return NOT_JSON;
  try {
    return JSON.parse(marked, (key, value: unknown, context?: { source?: string }) => {
      if (typeof value === 'string' && value.startsWith(MARK)) return NON_FINITE[value.slice(MARK.length)];
      return exactIntegers(key, value, context);
    });
  } catch {
    return NOT_JSON;
  }
}

/** JSON.parse reviver: an integer too large for a double keeps its digits, as a bigint. */
function exactIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}
