/**
 * A small most-recently-used cache for compiled search expressions. A filter typed into the runs
 * table, or run again by a report, reuses its closures: fresh closures start with cold property
 * caches and cost several times the warm ones on the first thousands of runs (measured in
 * `npm run bench`, section analyze).
 */
export function memoize<T>(compile: (text: string) => T, size = 32): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const made = compile(text);
    cache.set(text, made);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return made;
  };
}
