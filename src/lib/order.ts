/**
 * Orderings used wherever output must be deterministic. Plain code-unit comparison, never
 * locale-aware (`localeCompare` depends on the machine's ICU data).
 */

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGITS = /^\d+$/;

/** Ids as MLflow users read them: numeric ids numerically (`2` before `10`), others as strings, numbers first. */
export function compareIds(a: string, b: string): number {
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) {
    const at = a.replace(/^0+(?=\d)/, '');
    const bt = b.replace(/^0+(?=\d)/, '');
    return at.length - bt.length || compareStrings(at, bt) || compareStrings(a, b);
  }
  if (an !== bn) return an ? -1 : 1;
  return compareStrings(a, b);
}

/** Optional numbers with absent values last. */
export function compareOptionalNumbers(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}

/** A copy of a string map with its keys in code-unit order, so JSON output is stable. */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareStrings)) setOwn(out, key, record[key] as T);
  return out;
}

/** `record[key] = value` that also works for a key spelled `__proto__` (a param name is untrusted). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
