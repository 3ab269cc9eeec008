/**
 * redact: Snapshot → Snapshot with secrets, e-mail addresses, host names and local home folders
 * masked (redact-text.ts has the rules), right after reading and before anything is analysed,
 * rendered, printed or exported: every command that writes data calls it through the CLI's one
 * read step (src/cli/read.ts).
 *
 * What is looked at: params, tags (keys and values), notes and descriptions, sources
 * (`mlflow.source.name` is a tag), artifact URIs and locations, dataset sources, the run's user,
 * model version sources, and warning messages. Run names, metric keys and values are left as
 * they are (RUN references name runs by them).
 *
 * Every rule is on by default; `--no-redact` turns them all off, and `--redact secrets|emails|
 * hosts|paths` turns one back on. Any other `--redact PATTERN` is a key glob: params and tags
 * whose key matches (`*_url`, `db.*`) are masked whole.
 */
import { UsageError } from './errors.ts';
import { globToRegExp } from './glob.ts';
import type { Experiment, RegisteredModel, Run, Snapshot } from './model.ts';
import { keyRule, MASK, redactText, RULES, type Rule } from './redact-text.ts';

export { isSecretKey, MASK } from './redact-text.ts';

export interface Redactions {
  /** The named rules in force. */
  rules: ReadonlySet<Rule>;
  /** Extra key globs, compiled. */
  keys: RegExp[];
}

/** `--redact` values (rule names or key globs) on top of the default rules, or of none with `defaults: false` (`--no-redact`). */
export function parseRedactions(patterns: readonly string[], defaults = true): Redactions {
  const rules = new Set<Rule>(defaults ? RULES : []);
  const keys: RegExp[] = [];
  for (const pattern of patterns) {
    if ((RULES as readonly string[]).includes(pattern)) rules.add(pattern as Rule);
    else if (pattern.trim() === '') throw new UsageError(`--redact needs a key pattern such as "*token*", or one of ${RULES.join(', ')}`);
    else keys.push(globToRegExp(pattern, { ignoreCase: true }));
  }
  return { rules, keys };
}

export function redactSnapshot(snapshot: Snapshot, redactions: Redactions): { snapshot: Snapshot; masked: number } {
  let masked = 0;
  const { rules } = redactions;
  const text = (value: string): string => {
    const out = redactText(value, rules);
    if (out !== value) masked += 1;
    return out;
  };
  const maybe = <T extends object, K extends keyof T>(object: T, key: K): Partial<T> => {
    const value = object[key];
    return typeof value === 'string' ? ({ [key]: text(value) } as Partial<T>) : {};
  };
  const maskedKey = (key: string): boolean => {
    const rule = keyRule(key);
    return (rule !== undefined && rules.has(rule)) || redactions.keys.some((k) => k.test(key));
  };
  const map = (record: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      const hide = maskedKey(key);
      if (hide && value !== MASK) masked += 1;
      // defineProperty: a key such as `__proto__` stays an ordinary key.
      Object.defineProperty(out, key, { value: hide ? MASK : text(value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const run = (r: Run): Run => ({
    ...r,
    ...maybe(r, 'artifactUri'),
    ...maybe(r, 'description'),
    ...maybe(r, 'user'),
    params: map(r.params),
    tags: map(r.tags),
    inputs: r.inputs.map((i) => ({ ...i, ...maybe(i, 'source') })),
    ...(r.provenance ? { provenance: { ...r.provenance, path: text(r.provenance.path) } } : {}),
  });
  const experiment = (e: Experiment): Experiment => ({ ...e, ...maybe(e, 'artifactLocation'), ...maybe(e, 'description'), tags: map(e.tags) });
  const model = (m: RegisteredModel): RegisteredModel => ({
    ...m,
    ...maybe(m, 'description'),
    tags: map(m.tags),
    versions: m.versions.map((v) => ({ ...v, ...maybe(v, 'source'), ...maybe(v, 'description'), tags: map(v.tags) })),
  });
  const redacted: Snapshot = {
    ...snapshot,
    experiments: snapshot.experiments.map(experiment),
    runs: snapshot.runs.map(run),
    models: snapshot.models.map(model),
    warnings: snapshot.warnings.map((w) => ({ path: text(w.path), message: text(w.message) })),
  };
  return { snapshot: redacted, masked };
}

/** Free text (an artifact's preview) with the rules in force applied, as the Snapshot's strings are. */
export function maskText(value: string, redactions: Redactions): string {
  return redactText(value, redactions.rules);
}
