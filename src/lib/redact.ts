/**
 * redact: Snapshot → Snapshot with secrets and local paths masked, before anything is analysed,
 * rendered or exported (sites are published publicly).
 *
 * Always masked:
 * - params and tags whose key names a secret (`password`, `api_key`, `aws_secret_access_key`,
 *   `hf_token`…), judged on the key's word parts so `max_tokens` or `tokenizer` are left alone;
 * - values anywhere in text (params, tags, notes, descriptions, dataset sources) that have the
 *   shape of a well-known credential (cloud keys, GitHub/OpenAI/Slack/Hugging Face tokens, JWTs,
 *   private key blocks) and passwords inside URLs (`scheme://user:password@host`).
 * On request (`--redact PATTERN`): params and tags whose key matches a glob (`*_url`, `db.*`),
 * and with `--redact paths` local home-folder paths (`/home/maya/…`, `C:\Users\maya\…`, also
 * inside `file://` URIs) become `~/…`.
 */
import { UsageError } from './errors.ts';
import type { Experiment, RegisteredModel, Run, Snapshot } from './model.ts';

export const MASK = '[redacted]';

export interface Redactions {
  /** Extra key globs, compiled. */
  keys: RegExp[];
  /** Mask home-folder paths. */
  paths: boolean;
}

export function parseRedactions(patterns: readonly string[]): Redactions {
  const keys: RegExp[] = [];
  let paths = false;
  for (const pattern of patterns) {
    if (pattern === 'paths') paths = true;
    else if (pattern.trim() === '') throw new UsageError('--redact needs a key pattern such as "*token*", or "paths"');
    else keys.push(globToRegExp(pattern));
  }
  return { keys, paths };
}

/** `*` any run of characters, `?` one; case-insensitive, whole key. */
function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, 'i');
}

const SECRET_PARTS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'bearer', 'authorization', 'cookie', 'dsn', 'privatekey']);
const SECRET_PAIRS = [
  ['api', 'key'],
  ['access', 'key'],
  ['private', 'key'],
  ['secret', 'key'],
  ['client', 'secret'],
  ['auth', 'token'],
  ['connection', 'string'],
  ['sas', 'token'],
];

/** Whether a param or tag key names a secret. */
export function isSecretKey(key: string): boolean {
  const parts = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (parts.some((p) => SECRET_PARTS.has(p))) return true;
  return parts.some((p, i) => SECRET_PAIRS.some(([a, b]) => p === a && parts[i + 1] === b));
}

const SECRET_VALUES: RegExp[] = [
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, // OpenAI-style keys
  /\bhf_[A-Za-z0-9]{30,}\b/g, // Hugging Face
  /\bxox[abpors]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)([^\s/@]+)(@)/gi;
const HOME_PATHS: [RegExp, string][] = [
  [/(^|[\s"'=(]|file:\/\/)\/(?:home|Users)\/[^/\s"']+/g, '$1~'],
  [/(^|[\s"'=(]|file:\/\/)\/root(?=\/|$)/g, '$1~'],
  [/(^|[\s"'=(]|file:\/\/\/?)\/mnt\/[a-z]\/Users\/[^/\s"']+/gi, '$1~'],
  [/(^|[\s"'=(]|file:\/\/\/?)[A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/][^\\/\s"']+/gi, '$1~'],
];

/** Free text with credential-shaped values, URL passwords and (with `--redact paths`) home folders masked. */
export function maskText(value: string, redactions: Redactions): string {
  let out = value;
  for (const pattern of SECRET_VALUES) out = out.replace(pattern, MASK);
  out = out.replace(URL_PASSWORD, `$1${MASK}$3`);
  if (redactions.paths) for (const [pattern, to] of HOME_PATHS) out = out.replace(pattern, to);
  return out;
}

export function redactSnapshot(snapshot: Snapshot, redactions: Redactions): { snapshot: Snapshot; masked: number } {
  let masked = 0;
  const text = (value: string): string => {
    const out = maskText(value, redactions);
    if (out !== value) masked += 1;
    return out;
  };
  const optionalText = (value: string | undefined) => (value === undefined ? undefined : text(value));
  const map = (record: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      const secret = isSecretKey(key) || redactions.keys.some((k) => k.test(key));
      if (secret && value !== MASK) masked += 1;
      Object.defineProperty(out, key, { value: secret ? MASK : text(value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const run = (r: Run): Run => ({
    ...r,
    ...(r.artifactUri !== undefined ? { artifactUri: text(r.artifactUri) } : {}),
    ...(r.description !== undefined ? { description: text(r.description) } : {}),
    params: map(r.params),
    tags: map(r.tags),
    inputs: r.inputs.map((i) => ({ ...i, ...(i.source !== undefined ? { source: text(i.source) } : {}) })),
  });
  const experiment = (e: Experiment): Experiment => ({
    ...e,
    ...(e.artifactLocation !== undefined ? { artifactLocation: text(e.artifactLocation) } : {}),
    ...(e.description !== undefined ? { description: text(e.description) } : {}),
    tags: map(e.tags),
  });
  const model = (m: RegisteredModel): RegisteredModel => ({
    ...m,
    ...(m.description !== undefined ? { description: text(m.description) } : {}),
    tags: map(m.tags),
    versions: m.versions.map((v) => ({
      ...v,
      ...(v.source !== undefined ? { source: optionalText(v.source) as string } : {}),
      ...(v.description !== undefined ? { description: text(v.description) } : {}),
      tags: map(v.tags),
    })),
  });
  const redacted: Snapshot = { ...snapshot, experiments: snapshot.experiments.map(experiment), runs: snapshot.runs.map(run), models: snapshot.models.map(model) };
  return { snapshot: redacted, masked };
}
