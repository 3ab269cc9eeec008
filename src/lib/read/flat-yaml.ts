/**
 * A fast path for the common meta.yaml: one `key: value` per line, every value a scalar of the
 * simplest kinds PyYAML writes (plain words, hex ids, URIs, decimal integers, null, booleans,
 * single-quoted strings on one line, `[]`/`{}`). Parsing 10,000 of them with the YAML library
 * takes more time than reading the files, so these lines are read here; anything else — nested
 * values, double quotes, escapes, folded lines, anything that could resolve to another YAML 1.1
 * type (floats, octal, sexagesimal, timestamps) — returns undefined and the caller uses the library.
 * The test suite checks that both agree on every fixture file and on generated ones.
 */
import type { YamlMapping } from './yaml.ts';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)$/;
const WORD = /^[A-Za-z/][A-Za-z0-9_./:@%+-]*$/;
const HEX = /^[0-9a-f]*[a-f][0-9a-f]*$/;
const SINGLE_QUOTED = /^'((?:[^'\n]|'')*)'$/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

export function parseFlatYaml(text: string): YamlMapping | undefined {
  const out: YamlMapping = {};
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const colon = line.indexOf(': ');
    const key = colon === -1 ? (line.endsWith(':') ? line.slice(0, -1) : undefined) : line.slice(0, colon);
    if (key === undefined || !KEY.test(key) || key === '__proto__' || key in out) return undefined;
    const value = scalar(colon === -1 ? '' : line.slice(colon + 2));
    if (value === NOT_SIMPLE) return undefined;
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const NOT_SIMPLE = Symbol('not simple');

function scalar(raw: string): unknown {
  if (raw !== raw.trim() || raw.includes(' #')) return NOT_SIMPLE;
  if (NULLS.has(raw)) return null;
  if (raw === '[]') return [];
  if (raw === '{}') return {};
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  if (DECIMAL.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : NOT_SIMPLE;
  }
  const quoted = SINGLE_QUOTED.exec(raw);
  if (quoted) return (quoted[1] as string).replaceAll("''", "'");
  // Plain words and URIs starting with a letter or `/`, and hex ids (never numbers in YAML 1.1:
  // no `.`, not all digits, no 0x/0b prefix since `x`/`b`-led forms fail HEX or WORD here).
  if ((WORD.test(raw) && !raw.startsWith('.')) || HEX.test(raw)) return raw;
  return NOT_SIMPLE;
}
