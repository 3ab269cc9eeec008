/**
 * YAML text exactly as MLflow writes its meta.yaml files: `yaml.dump(data, Dumper=CSafeDumper,
 * default_flow_style=False, allow_unicode=True, sort_keys=True)` (mlflow/utils/yaml_utils.py
 * `write_yaml`). CSafeDumper is PyYAML's resolver and representer in front of libyaml's emitter,
 * so quoting follows PyYAML's implicit resolvers and layout follows libyaml (emitter.c):
 * block mappings with sorted keys, empty collections as `{}`/`[]`, indentless sequences, plain
 * scalars where they would read back as the same string, else single quotes, else double quotes
 * with escapes; long scalars folded at a single space once the column passes 80.
 *
 * Input: mappings of strings, integers, booleans, null, and lists/mappings of those. Floats are
 * refused (MLflow's meta.yaml files hold none) so a number never changes its spelling silently.
 */

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | YamlValue[] | { [key: string]: YamlValue };
export type YamlMapping = { [key: string]: YamlValue };

import { chooseStyle, isBreak, isPrintable } from './pyyaml-style.ts';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** The meta.yaml text for `data`, ending with a newline. */
export function dumpYaml(data: YamlMapping): string {
  const out = new Output();
  if (Object.keys(data).length === 0) out.put('{}');
  else writeMapping(out, data, 0);
  out.indent(0); // the document ends at the start of a fresh line
  return out.text;
}

class Output {
  text = '';
  column = 0;
  /** libyaml's `whitespace`: the last character written was a space or a line start. */
  whitespace = true;
  /** libyaml's `indention`: only indentation has been written on this line. */
  indention = true;
  put(s: string): void {
    this.text += s;
    this.column += [...s].length; // libyaml counts characters, not bytes
  }
  newline(): void {
    this.text += '\n';
    this.column = 0;
  }
  /** emitter.c `yaml_emitter_write_indent`. */
  indent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.newline();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
}

// PyYAML writes keys of 128 characters or more as complex keys (`? key`), which MLflow's files never hold.
const MAX_SIMPLE_KEY = 127;

function writeMapping(out: Output, map: YamlMapping, indent: number): void {
  const keys = Object.keys(map).sort(compareCodePoints); // Python sorts str keys by code point
  for (const key of keys) {
    if ([...key].length > MAX_SIMPLE_KEY) throw new Error(`pyyaml: key ${JSON.stringify(key.slice(0, 40))}… is too long for a simple key`);
    out.indent(indent);
    writeScalar(out, key, true, indent + BEST_INDENT);
    out.put(':');
    out.whitespace = false;
    out.indention = false;
    writeNode(out, map[key] as YamlValue, indent);
  }
}

/** A mapping value or sequence item; `indent` is the indentation of the enclosing mapping. */
function writeNode(out: Output, value: YamlValue, indent: number): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return putFlow(out, '[]');
    // PyYAML writes a sequence inside a mapping without extra indentation (`- item` under the key).
    for (const item of value) {
      out.indent(indent);
      out.put('-');
      out.whitespace = false;
      out.indention = true;
      if (Array.isArray(item) || (item !== null && typeof item === 'object')) {
        throw new Error('pyyaml: nested collections inside a sequence are not supported');
      }
      writeScalar(out, scalarText(item), false, indent + BEST_INDENT, isPlainTyped(item));
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.keys(value).length === 0) return putFlow(out, '{}');
    writeMapping(out, value, indent + BEST_INDENT);
    return;
  }
  writeScalar(out, scalarText(value), false, indent + BEST_INDENT, isPlainTyped(value));
}

function putFlow(out: Output, text: string): void {
  out.put(` ${text}`);
  out.whitespace = false;
  out.indention = false;
}

function scalarText(value: YamlScalar): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`pyyaml: only integers are supported, got ${value}`);
    return String(value);
  }
  return value;
}

/** Non-strings are written plain: their text is what the resolver expects for their type. */
function isPlainTyped(value: YamlScalar): boolean {
  return typeof value !== 'string';
}

function writeScalar(out: Output, text: string, simpleKey: boolean, indent: number, typed = false): void {
  const style = typed ? 'plain' : chooseStyle(text, simpleKey);
  const allowBreaks = !simpleKey;
  if (style === 'plain') writePlain(out, text, allowBreaks, indent);
  else if (style === 'single') writeSingleQuoted(out, text, allowBreaks, indent);
  else writeDoubleQuoted(out, text, allowBreaks, indent);
}

/** emitter.c `yaml_emitter_write_plain_scalar`. Plain scalars never hold line breaks here. */
function writePlain(out: Output, text: string, allowBreaks: boolean, indent: number): void {
  if (!out.whitespace && text !== '') out.put(' ');
  const chars = [...text];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && chars[i + 1] !== ' ') out.indent(indent);
      else out.put(ch);
      spaces = true;
    } else {
      out.put(ch);
      out.indention = false;
      spaces = false;
    }
  }
  out.whitespace = false;
  out.indention = false;
}

/** emitter.c `yaml_emitter_write_single_quoted`. */
function writeSingleQuoted(out: Output, text: string, allowBreaks: boolean, indent: number): void {
  if (!out.whitespace) out.put(' ');
  out.put("'");
  const chars = [...text];
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === ' ') {
      const inside = i !== 0 && i !== chars.length - 1;
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && inside && chars[i + 1] !== ' ') out.indent(indent);
      else out.put(ch);
      spaces = true;
    } else if (isBreak(ch)) {
      // A lone line break folds to a space when read back, so it is written as an empty line.
      if (!breaks && ch === '\n') out.newline();
      if (ch === '\n') out.newline();
      else {
        out.text += ch;
        out.column = 0;
      }
      out.indention = true;
      breaks = true;
    } else {
      if (breaks) out.indent(indent);
      if (ch === "'") out.put("'");
      out.put(ch);
      out.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  if (breaks) out.indent(indent);
  out.put("'");
  out.whitespace = false;
  out.indention = false;
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** emitter.c `yaml_emitter_write_double_quoted`. */
function writeDoubleQuoted(out: Output, text: string, allowBreaks: boolean, indent: number): void {
  if (!out.whitespace) out.put(' ');
  out.put('"');
  const chars = [...text];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const code = ch.codePointAt(0) as number;
    if (!isPrintable(ch) || isBreak(ch) || ch === '"' || ch === '\\') {
      out.put(`\\${ESCAPES[code] ?? hexEscape(code)}`);
      spaces = false;
    } else if (ch === ' ') {
      const inside = i !== 0 && i !== chars.length - 1;
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && inside) {
        out.indent(indent);
        if (chars[i + 1] === ' ') out.put('\\');
      } else out.put(ch);
      spaces = true;
    } else {
      out.put(ch);
      spaces = false;
    }
  }
  out.put('"');
  out.whitespace = false;
  out.indention = false;
}

function hexEscape(code: number): string {
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

function compareCodePoints(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i] as string).codePointAt(0)! - (cb[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
