/**
 * Loading the runs table's data files (table-data.ts chunks): chunk 0 first, so the table shows
 * at once, then the others one after another in the background (one request at a time leaves the
 * network to the rest of the page). The first failure stops the loading: later chunks would hold
 * children whose parents are missing. The table keeps what it has; `retry` resumes at the chunk
 * that failed. Each chunk is checked for the shape and keys the island relies on; a chunk that
 * does not fit is a failure naming its URL.
 */
import type { RunsTableChunk } from '../../lib/site/table-data.ts';

/** The part of `fetch` the loader uses (a fake in tests). */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; statusText: string; json(): Promise<unknown> }>;

export interface LoadFailure {
  chunk: number;
  message: string;
}

export interface LoadOptions {
  /** First chunk to load (0, or the one that failed). */
  from: number;
  /** Number of chunks. */
  chunks: number;
  url: (chunk: number) => string;
  fetch: FetchLike;
  /** Keys of the chunks already loaded: every chunk must have the same. */
  keys?: { metrics: string[]; params: string[] };
  onChunk: (chunk: RunsTableChunk) => void;
  signal?: AbortSignal;
}

/** Loads chunks `from`…`chunks − 1` in order; resolves with the failure, or undefined when all arrived. */
export async function loadChunks(options: LoadOptions): Promise<LoadFailure | undefined> {
  let keys = options.keys;
  for (let k = options.from; k < options.chunks; k++) {
    const url = options.url(k);
    let chunk: RunsTableChunk;
    try {
      const response = await options.fetch(url, options.signal ? { signal: options.signal } : undefined);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      chunk = checkChunk(await response.json(), url, k, keys);
    } catch (error) {
      if (options.signal?.aborted) return undefined;
      return { chunk: k, message: error instanceof Error ? error.message : String(error) };
    }
    if (options.signal?.aborted) return undefined;
    keys = { metrics: chunk.metrics, params: chunk.params };
    options.onChunk(chunk);
  }
  return undefined;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The chunk, if it is one; otherwise an error naming the URL, the key and what was found. */
export function checkChunk(value: unknown, url: string, k: number, keys?: { metrics: string[]; params: string[] }): RunsTableChunk {
  const fail = (what: string): never => {
    throw new Error(`${url}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a runs table chunk (a JSON object)');
  const chunk = value as Partial<RunsTableChunk>;
  if (chunk.chunk !== k) fail(`"chunk" must be ${k}, got ${JSON.stringify(chunk.chunk)}`);
  if (!isStrings(chunk.metrics) || !isStrings(chunk.params)) fail('"metrics" and "params" must be lists of keys');
  if (!Array.isArray(chunk.rows)) fail('"rows" must be a list');
  if (keys && (!sameKeys(keys.metrics, chunk.metrics as string[]) || !sameKeys(keys.params, chunk.params as string[]))) {
    fail('its metric and param keys differ from the first chunk\'s (the site was rebuilt while loading? reload the page)');
  }
  return chunk as RunsTableChunk;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
