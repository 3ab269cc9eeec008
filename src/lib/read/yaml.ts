/**
 * meta.yaml parsing. MLflow writes these files with PyYAML, so we read them as YAML 1.1 (where
 * `yes`/`no` are booleans and `0o17` is a string, as PyYAML sees them). Aliases are capped, so a
 * crafted file cannot expand into gigabytes (the "billion laughs" alias bomb).
 */
import { parseDocument, type Tags } from 'yaml';
import { parseFlatYaml } from './flat-yaml.ts';

export type YamlMapping = Record<string, unknown>;
export type YamlResult = { ok: true; value: YamlMapping } | { ok: false; message: string };

const MAX_ALIASES = 100;

// PyYAML's YAML 1.1 booleans are yes/no/true/false/on/off; the `yaml` package's 1.1 schema also
// reads a bare `y` or `n` as a boolean, which would turn a run named `n` into `false`.
const PYYAML_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
function pyyamlBooleans(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:bool' || !tag.test) return tag;
    const test = new RegExp(`(?=${PYYAML_BOOL.source})${tag.test.source}`);
    return { ...tag, test };
  });
}

export function parseYamlMapping(text: string): YamlResult {
  if (text.trim() === '') return { ok: false, message: 'empty file' };
  const flat = parseFlatYaml(text);
  if (flat) return { ok: true, value: flat };
  return parseWithLibrary(text);
}

/** Any YAML, through the `yaml` package (YAML 1.1 as PyYAML reads it). */
export function parseWithLibrary(text: string): YamlResult {
  let doc;
  try {
    doc = parseDocument(text, { version: '1.1', intAsBigInt: true, uniqueKeys: false, prettyErrors: false, customTags: pyyamlBooleans });
  } catch (error) {
    return { ok: false, message: `not valid YAML (${firstLine(error)})` };
  }
  const error = doc.errors[0];
  if (error) return { ok: false, message: `not valid YAML (${firstLine(error)})` };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { ok: false, message: `not valid YAML (${firstLine(err)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Map) {
    return { ok: false, message: `expected a mapping of keys to values, got ${describeYamlValue(value)}` };
  }
  return { ok: true, value: normalize(value) as YamlMapping };
}

/** BigInts become numbers when exact, digit strings otherwise (a huge legacy integer experiment id). */
function normalize(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__') continue;
      out[k] = normalize(v);
    }
    return out;
  }
  return value;
}

function describeYamlValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}
