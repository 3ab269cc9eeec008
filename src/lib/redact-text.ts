/**
 * The text and key rules of redaction (redact.ts walks the Snapshot with them). Each rule has a
 * name, so `--no-redact --redact paths` can keep one of them:
 * - `secrets`: values shaped like a well-known credential (cloud keys, GitHub/OpenAI/Slack/Hugging
 *   Face tokens, JWTs, private key blocks), credentials in URIs (`scheme://user:password@host`,
 *   `https://TOKEN@host`, and query parameters such as `?sig=`, `&access_token=`,
 *   `X-Amz-Signature=`), and keys that name a secret (`password`, `api_key`, `hf_token`…);
 * - `emails`: e-mail addresses anywhere, and the value of keys whose last word is `email`;
 * - `hosts`: the value of keys whose last word is `host` or `hostname` (`wandb.meta.host`);
 * - `paths`: local home folders (`/home/<user>`, `/Users/<user>`, `/root`, `C:\Users\<user>`,
 *   WSL's `/mnt/c/Users/<user>`, also inside `file://` URIs) become `~`.
 * Browser-safe: no Node imports.
 */

export const MASK = '[redacted]';

export const RULES = ['secrets', 'emails', 'hosts', 'paths'] as const;
export type Rule = (typeof RULES)[number];

/** Lower-case word parts of a key: split at non-alphanumerics and lower→upper case changes. */
export function keyParts(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
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
  const parts = keyParts(key);
  if (parts.some((p) => SECRET_PARTS.has(p))) return true;
  return parts.some((p, i) => SECRET_PAIRS.some(([a, b]) => p === a && parts[i + 1] === b));
}

/** The rule that masks a key's whole value, if any: a secret's name, an e-mail or a host key. */
export function keyRule(key: string): Rule | undefined {
  if (isSecretKey(key)) return 'secrets';
  const last = keyParts(key).at(-1);
  if (last === 'email' || last === 'mail') return 'emails';
  if (last === 'host' || last === 'hostname') return 'hosts';
  return undefined;
}

const SECRET_VALUES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, // OpenAI-style keys
  /\bhf_[A-Za-z0-9]{30,}\b/g, // Hugging Face
  /\bxox[abpors]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
];
/** `scheme://userinfo@`: the whole userinfo goes (a user name alone may be a token: `https://TOKEN@github.com`), except SSH's plain `git@`. */
const URI_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)(?!git@)([^\s/?#@"'<>]+)@/gi;
const QUERY_SECRET = /([?&;])([A-Za-z0-9_.-]+)=([^&#\s"'<>]+)/g;
const QUERY_SECRET_NAMES = new Set(['sig', 'signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'x-goog-signature', 'x-goog-credential', 'code']);
/** Local part, `@`, a domain with a dot and a top-level name; `git@host` is an SSH remote, not a person. */
const EMAIL = /(?<![\w.%+-])(?!git@)[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g;
/** What may stand before a home folder: the start, a character that is not part of a path, or a URI's `scheme://`. */
const BEFORE = String.raw`(^|[^\w.~/\\-]|\w:\/\/\/?)`;
const HOME_PATHS: [RegExp, string][] = [
  [new RegExp(String.raw`${BEFORE}\/(?:home|Users)\/[^/\s"'\\<>]+`, 'g'), '$1~'],
  [new RegExp(String.raw`${BEFORE}\/root(?=[/\s"'\\]|$)`, 'g'), '$1~'],
  [new RegExp(String.raw`${BEFORE}\/mnt\/[a-z]\/Users\/[^/\s"'\\<>]+`, 'gi'), '$1~'],
  [new RegExp(String.raw`${BEFORE}[A-Za-z]:(?:\\\\|\\|\/)+(?:Users|Documents and Settings)(?:\\\\|\\|\/)+[^\\/\s"'<>]+`, 'gi'), '$1~'],
];

/** `value` with every enabled rule applied. */
export function redactText(value: string, rules: ReadonlySet<Rule>): string {
  let out = value;
  if (rules.has('secrets')) {
    for (const pattern of SECRET_VALUES) out = out.replace(pattern, MASK);
    out = out.replace(URI_USERINFO, (_, scheme: string) => `${scheme}${MASK}@`);
    out = out.replace(QUERY_SECRET, (match, sep: string, name: string) => (QUERY_SECRET_NAMES.has(name.toLowerCase()) || isSecretKey(name) ? `${sep}${name}=${MASK}` : match));
  }
  if (rules.has('emails')) out = out.replace(EMAIL, MASK);
  if (rules.has('paths')) for (const [pattern, to] of HOME_PATHS) out = out.replace(pattern, to);
  return out;
}
