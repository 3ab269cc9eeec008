/**
 * The params-and-tags index of the site search (site/search-index.ts `SearchIndexFile`) as the
 * search box uses it: fetched once with the runs index, checked at this edge, lower-cased once.
 * A query matches a pair when each of its words occurs in `key=value` (case ignored), so `lr`,
 * `adam`, `lr=0.1` and `optimizer adam` all find runs. Browser-safe.
 */
import { fetchJson, type Fetch } from '../charts/metric-chart-data.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import { TERM_KINDS, type SearchIndexFile } from '../../lib/site/search-index.ts';
import { describe, isRecord } from './run-index.ts';

export interface TermIndex {
  runs: number;
  experiments: SearchIndexFile['experiments'];
  keys: string[];
  values: string[];
  pairs: number[][];
  omitted: string[];
  /** `key=value`, lower-cased, per pair. */
  texts: string[];
}

export interface TermHit {
  kind: (typeof TERM_KINDS)[number];
  key: string;
  value: string;
}

export async function loadTermIndex(base: string, fetchFn?: Fetch): Promise<TermIndex> {
  const url = withBase(dataFiles.searchIndex(), base);
  return decodeTermIndex(await fetchJson(url, fetchFn), url);
}

export function decodeTermIndex(json: unknown, source: string): TermIndex {
  const fail = (field: string, expected: string, found: unknown): never => {
    throw new Error(`${source}: ${field} must be ${expected}, got ${describe(found)}`);
  };
  if (!isRecord(json)) return fail('the file', 'a JSON object', json);
  if (typeof json.runs !== 'number') fail('runs', 'a number', json.runs);
  const strings = (field: 'keys' | 'values' | 'omitted') => {
    const list = json[field];
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) return fail(field, 'a list of strings', list);
    return list as string[];
  };
  const keys = strings('keys');
  const values = strings('values');
  const experiments = json.experiments;
  if (!Array.isArray(experiments) || !experiments.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.name === 'string')) fail('experiments', 'a list of {id, name}', experiments);
  const pairs = json.pairs;
  if (!Array.isArray(pairs)) return fail('pairs', 'a list', pairs);
  pairs.forEach((pair: unknown, i) => {
    const ok = Array.isArray(pair) && pair.length >= 4 && pair.every(Number.isInteger) && (pair[0] === 0 || pair[0] === 1) && pair[1] < keys.length && pair[2] < values.length;
    if (!ok) fail(`pairs[${i}]`, '[kind, key, value, ...runs] indexes', pair);
  });
  const list = pairs as number[][];
  return {
    runs: json.runs as number,
    experiments: experiments as TermIndex['experiments'],
    keys,
    values,
    pairs: list,
    omitted: strings('omitted'),
    texts: list.map(([, k, v]) => `${keys[k as number]}=${values[v as number]}`.toLowerCase()),
  };
}

/** For each run position with a matching pair, its first match (params before tags, by key). */
export function searchTerms(index: TermIndex, query: string): Map<number, TermHit> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = new Map<number, TermHit>();
  if (words.length === 0) return hits;
  index.pairs.forEach((pair, i) => {
    const text = index.texts[i] as string;
    if (!words.every((w) => text.includes(w))) return;
    const hit: TermHit = { kind: TERM_KINDS[pair[0] as 0 | 1], key: index.keys[pair[1] as number] as string, value: index.values[pair[2] as number] as string };
    for (let r = 3; r < pair.length; r++) if (!hits.has(pair[r] as number)) hits.set(pair[r] as number, hit);
  });
  return hits;
}
