/**
 * The reader's column choices, remembered per experiment in the browser (localStorage), so the
 * table opens as they left it. Several sites can share an origin (GitHub Pages serves every
 * repository of a user from one), so the key holds the site's base path as well as the
 * experiment. The value is the layout's entries (column-layout.ts), the same text as the URL's
 * `cols`; the URL wins when both exist. Storage that is missing, full or forbidden (private
 * windows, sandboxed frames) and values that are not ours are ignored: memory is a convenience.
 */

/** The part of `Storage` the memory uses (a Map-backed fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const VERSION = 1;

export function memoryKey(base: string, experimentId: string): string {
  return `runfolio:runs-table:columns:${base}:${experimentId}`;
}

/** The remembered entries, or undefined when there are none (or they cannot be read). */
export function recallColumns(storage: StorageLike | undefined, base: string, experimentId: string): string[] | undefined {
  try {
    const text = storage?.getItem(memoryKey(base, experimentId));
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { v, columns } = value as { v?: unknown; columns?: unknown };
    if (v !== VERSION || !Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return undefined;
    return columns as string[];
  } catch {
    return undefined;
  }
}

export function rememberColumns(storage: StorageLike | undefined, base: string, experimentId: string, entries: readonly string[]): void {
  try {
    storage?.setItem(memoryKey(base, experimentId), JSON.stringify({ v: VERSION, columns: entries }));
  } catch {
    // Full or forbidden storage: the choice lasts as long as the page.
  }
}

/** The page's localStorage, if it may be used at all (reading the property can throw). */
export function browserStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
