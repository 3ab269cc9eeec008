/**
 * A copied artifact's content → what its page shows (Node only: it decodes bytes). Text is
 * masked before anything is copied or shown: credential-shaped values anywhere (the Snapshot's
 * rules, redact.ts `maskText`) and the values of `key: value` / `key=value` / `"key": value`
 * lines whose key names a secret (`password`, `api_key`, …, redact.ts `isSecretKey`), as in
 * config files, `.env` files and JSON. Binary files (images, models) are copied as they are.
 */
import { isUtf8 } from 'node:buffer';
import { isSecretKey, MASK } from '../redact.ts';
import { extensionOf, firstLines, isCodeKind, PREVIEW, type ArtifactKind } from './artifact-kinds.ts';
import { csvPreview } from './csv-preview.ts';
import { highlight } from './highlight.ts';
import type { ArtifactPreview } from './views/types.ts';

export interface ReadArtifact {
  kind: ArtifactKind;
  /** What the site stores: the masked text for text files, the bytes otherwise. */
  bytes: Uint8Array;
  /** The masked text, for text files. */
  text?: string;
}

/** Kinds whose files are text: masked before they are copied. */
const TEXT_KINDS = new Set<ArtifactKind>(['svg', 'csv', 'json', 'yaml', 'text', 'html']);

/**
 * The file's kind (a file of unknown kind without an extension that decodes as text, such as
 * `requirements` or `.env`, is text) and its content as the site keeps it.
 */
export function readContent(path: string, kind: ArtifactKind, bytes: Buffer, mask: (text: string) => string): ReadArtifact {
  const text = isText(bytes) ? bytes.toString('utf8') : undefined;
  const actual: ArtifactKind = kind === 'other' && extensionOf(path) === '' && text !== undefined ? 'text' : kind;
  if (text === undefined || !TEXT_KINDS.has(actual)) return { kind: actual, bytes };
  const masked = maskKeyedSecrets(mask(text));
  return { kind: actual, bytes: masked === text ? bytes : Buffer.from(masked, 'utf8'), text: masked };
}

export function previewOf(path: string, content: ReadArtifact): ArtifactPreview | undefined {
  const { kind, text } = content;
  if (kind === 'image') return { type: 'image' };
  if (text === undefined) return undefined;
  if (kind === 'svg') return content.bytes.length <= PREVIEW.svgBytes ? { type: 'svg', dataUrl: `data:image/svg+xml;base64,${Buffer.from(content.bytes).toString('base64')}` } : undefined;
  if (kind === 'csv') return { type: 'table', ...csvPreview(text, extensionOf(path) === 'tsv' ? '\t' : ',') };
  if (isCodeKind(kind)) return codePreview(text, kind);
  return undefined;
}

/** The first lines of a text, coloured. */
export function codePreview(text: string, language: 'json' | 'yaml' | 'text'): ArtifactPreview {
  const { shown, shownLines, lines, truncated } = firstLines(text);
  return { type: 'code', language, tokens: highlight(shown, language), shownLines, lines, truncated };
}

/** UTF-8 without NUL bytes: what a text file is. */
function isText(bytes: Buffer): boolean {
  return isUtf8(bytes) && !bytes.includes(0);
}

const KEYED_LINE = /^(\s*(?:export\s+|-\s+)?["']?)([A-Za-z0-9_.-]+)(["']?\s*[:=]\s*)(.*?)(\s*)$/;

/** `password: x`, `API_KEY=x`, `"client_secret": "x",` → the value masked, quotes and a trailing comma kept. */
export function maskKeyedSecrets(text: string): string {
  if (!/pass|secret|token|key|auth|cred|cookie|dsn|pwd/i.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = KEYED_LINE.exec(line);
      if (!m || !isSecretKey(m[2] as string)) return line;
      const value = m[4] as string;
      if (value === '' || value === MASK || /^[{[|>]/.test(value)) return line;
      const quoted = /^(["'])(.*)\1(,?)$/.exec(value);
      const masked = quoted ? `${quoted[1]}${MASK}${quoted[1]}${quoted[3]}` : value.endsWith(',') ? `${MASK},` : MASK;
      return `${m[1]}${m[2]}${m[3]}${masked}${m[5]}`;
    })
    .join('\n');
}
