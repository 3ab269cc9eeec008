/**
 * Syntax colouring for artifact previews (JSON, YAML, MLmodel files), done once at build time and
 * shipped as tokens: the page renders each token as a `<span class="tok-…">` through Astro's
 * escaping, with no client script. Not a parser: it only tells keys, strings, numbers, literals,
 * comments and punctuation apart, and anything it does not recognise stays plain text, so odd
 * input is shown as it is. Browser-safe (the compare island colours fetched files with it).
 */

/** k key · s string · n number · l literal (true/false/null) · c comment · p punctuation · '' plain. */
export type TokenKind = 'k' | 's' | 'n' | 'l' | 'c' | 'p' | '';
export type Token = [TokenKind, string];

export type CodeLanguage = 'json' | 'yaml' | 'text';

export function highlight(text: string, language: CodeLanguage): Token[] {
  const tokens = language === 'json' ? json(text) : language === 'yaml' ? yaml(text) : [['', text] as Token];
  return merge(tokens);
}

const JSON_TOKEN = /("(?:[^"\\\n]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null|NaN|-?Infinity)\b|([{}[\],:])/gy;

function json(text: string): Token[] {
  const out: Token[] = [];
  let plainFrom = 0;
  for (let at = 0; at < text.length; ) {
    JSON_TOKEN.lastIndex = at;
    const m = JSON_TOKEN.exec(text);
    if (!m || m[0] === '') {
      at += 1;
      continue;
    }
    if (plainFrom < at) out.push(['', text.slice(plainFrom, at)]);
    if (m[1] !== undefined) {
      out.push([m[2] !== undefined ? 'k' : 's', m[1]]);
      if (m[2] !== undefined) out.push(['', m[2].slice(0, -1)], ['p', ':']);
    } else if (m[3] !== undefined) out.push(['n', m[3]]);
    else if (m[4] !== undefined) out.push(['l', m[4]]);
    else out.push(['p', m[5] as string]);
    at += m[0].length;
    plainFrom = at;
  }
  if (plainFrom < text.length) out.push(['', text.slice(plainFrom)]);
  return out;
}

const YAML_KEY = /^(\s*(?:-\s+)*)((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^#:]*?|-[^\s#:][^#:]*?))(\s*:)(?=\s|$)/;
const YAML_ITEM = /^(\s*)(-)(?=\s|$)/;
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const LITERAL = /^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off)$/;

function yaml(text: string): Token[] {
  const out: Token[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    yamlLine(line, out);
    if (i < lines.length - 1) out.push(['', '\n']);
  });
  return out;
}

function yamlLine(line: string, out: Token[]): void {
  if (/^\s*#/.test(line) || /^(?:---|\.\.\.)\s*$/.test(line)) {
    out.push([/^\s*#/.test(line) ? 'c' : 'p', line]);
    return;
  }
  let rest = line;
  const key = YAML_KEY.exec(rest);
  if (key) {
    pushDashes(key[1] as string, out);
    out.push(['k', key[2] as string], ['p', key[3] as string]);
    rest = rest.slice(key[0].length);
  } else {
    const item = YAML_ITEM.exec(rest);
    if (item) {
      out.push(['', item[1] as string], ['p', '-']);
      rest = rest.slice(item[0].length);
    }
  }
  yamlValue(rest, out);
}

function pushDashes(prefix: string, out: Token[]): void {
  for (const part of prefix.split(/(-)/)) if (part) out.push([part === '-' ? 'p' : '', part]);
}

/** The value part of a line: a scalar, maybe followed by a comment. */
function yamlValue(text: string, out: Token[]): void {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const body = text.slice(lead.length);
  if (lead) out.push(['', lead]);
  if (!body) return;
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')(.*)$/.exec(body);
  const [value, after] = quoted ? [quoted[1] as string, quoted[2] as string] : splitComment(body);
  const trimmed = value.trimEnd();
  const kind: TokenKind = quoted ? 's' : NUMBER.test(trimmed) ? 'n' : LITERAL.test(trimmed) ? 'l' : /^[|>][-+0-9]*$/.test(trimmed) || /^[&*!]/.test(trimmed) ? 'p' : 's';
  out.push([kind, trimmed]);
  if (value.length > trimmed.length) out.push(['', value.slice(trimmed.length)]);
  if (after) {
    const comment = /^(\s*)(#.*)$/.exec(after);
    if (comment) out.push(['', comment[1] as string], ['c', comment[2] as string]);
    else out.push(['', after]);
  }
}

/** `value # comment` → [value, ' # comment']; a `#` not after whitespace belongs to the value (`a#b`). */
function splitComment(text: string): [string, string] {
  const at = text.search(/\s#/);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at)];
}

/** Adjacent tokens of one kind become one, and empty ones go: fewer spans on the page. */
function merge(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const [kind, text] of tokens) {
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last[0] === kind) last[1] += text;
    else out.push([kind, text]);
  }
  return out;
}
