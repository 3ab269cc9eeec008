/**
 * Nested configuration (Lightning's hparams.yaml, a W&B config, an HF `args` JSON) → flat params
 * as MLflow keeps them: one key per leaf, nested keys joined with `.` (`optimizer.lr`), values
 * as text. Scalars are spelled as JSON spells them (`true`, `null`, `0.001`), arrays as their
 * JSON text (`[1,2]`), so a value reads the same on every page whatever tracker logged it. An
 * empty object stays one param (`{}`) so the key is not lost. Keys come out in a stable order
 * (the finalize step sorts them again).
 */
export function flattenParams(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  flattenInto(value, prefix, out);
  return out;
}

function flattenInto(value: unknown, key: string, out: Record<string, string>): void {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && key !== '') out[key] = '{}';
    for (const [name, child] of entries) flattenInto(child, key === '' ? name : `${key}.${name}`, out);
    return;
  }
  if (key === '') return;
  out[key] = paramText(value);
}

/** One leaf value as param text. */
export function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return 'null';
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
