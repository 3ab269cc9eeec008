/**
 * Lightning's `hparams.yaml` → plain values, safely. `save_hyperparameters()` dumps whatever it was
 * given with PyYAML, so the file may hold pickled objects (`!!python/object:…`,
 * `!!python/object/apply:…`, `!!binary` tensor storage). Nothing is ever constructed: the
 * document is walked node by node and
 * - python tags for plain data (`python/tuple`, `python/list`, `python/dict`, `python/str`, `python/int`,
 *   `python/float`, `python/bool`, `python/none`…) become that data,
 * - every other python tag (objects, applied callables, names, modules) becomes its tag as text
 *   (`!!python/object:__main__.Backbone`), an opaque value,
 * - `!!binary` becomes `!!binary (N bytes)`, `!!set` the list of its members;
 * aliases are followed at most MAX_ALIASES times (an alias bomb cannot expand).
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

const YAML_TAG = 'tag:yaml.org,2002:';
const PYTHON = `${YAML_TAG}python/`;
const SET = `${YAML_TAG}set`;
const MAX_ALIASES = 1000;
const MAX_DEPTH = 64;

export type HparamsYaml = { ok: true; value: Record<string, unknown>; opaque: Set<string> } | { ok: false; message: string };

export function readHparamsYaml(text: string): HparamsYaml {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) return { ok: false, message: `not valid YAML (${error.message.split('\n')[0]})` };
  if (doc.contents === null) return { ok: true, value: {}, opaque: new Set() };
  if (!isMap(doc.contents) || doc.contents.tag === SET) return { ok: false, message: 'expected a mapping of hyperparameter names to values' };
  const walker = new Walker(doc);
  try {
    return { ok: true, value: walker.plain(doc.contents, '', 0) as Record<string, unknown>, opaque: walker.opaque };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

class Walker {
  readonly opaque = new Set<string>();
  private aliases = 0;
  private readonly doc: Document;

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** `path` is the node's flattened key (`optimizer.lr`), for the opaque set. */
  plain(node: unknown, path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) return this.opaqueValue(path, '…');
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) throw new Error(`more than ${MAX_ALIASES} aliases`);
      return this.plain(node.resolve(this.doc), path, depth + 1);
    }
    const tag = (node as Node | null)?.tag;
    if (tag?.startsWith(PYTHON) && !PLAIN_PYTHON.has(tag.slice(PYTHON.length))) return this.opaqueValue(path, shortTag(tag));
    if (isScalar(node)) return scalar(node.value, tag);
    if (isMap(node) && tag === SET) return node.items.map((pair) => this.plain(pair.key, '', depth + 1));
    if (isSeq(node)) return node.items.map((item) => this.plain(item, '', depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = keyText(this.plain(pair.key, '', depth + 1));
        if (key === '__proto__') continue;
        out[key] = this.plain(pair.value, path === '' ? key : `${path}.${key}`, depth + 1);
      }
      return out;
    }
    return null;
  }

  private opaqueValue(path: string, text: string): string {
    if (path !== '') this.opaque.add(path);
    return text;
  }
}

/** Python tags that PyYAML's own safe reading of plain data would give (yaml/constructor.py FullConstructor). */
const PLAIN_PYTHON = new Set(['none', 'bool', 'int', 'long', 'float', 'complex', 'str', 'unicode', 'bytes', 'list', 'tuple', 'dict']);

function scalar(value: unknown, tag: string | undefined): unknown {
  if (tag === `${YAML_TAG}binary` && value instanceof Uint8Array) return `!!binary (${value.length} bytes)`;
  if (tag?.startsWith(PYTHON)) return pythonScalar(tag.slice(PYTHON.length), String(value ?? ''));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `!!binary (${value.length} bytes)`;
  return value;
}

function pythonScalar(kind: string, text: string): unknown {
  if (kind === 'none') return null;
  if (kind === 'bool') return /^(?:true|yes|on)$/i.test(text);
  if (kind === 'int' || kind === 'long' || kind === 'float') {
    const n = Number(text);
    return text.trim() !== '' && !Number.isNaN(n) ? n : text;
  }
  return text;
}

function shortTag(tag: string): string {
  return `!!${tag.slice(YAML_TAG.length)}`;
}

function keyText(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key) ?? String(key);
}
