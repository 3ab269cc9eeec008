/**
 * Matching and ranking for the site search and the compare picker: case-insensitive, on an
 * item's name (anywhere in it), its id (a prefix, as MLflow users shorten run ids) and, where
 * asked, its experiment's name. Better matches first:
 *
 *   0 the name is the query · 1 the name starts with it · 2 the id starts with it ·
 *   3 a word of the name starts with it · 4 the name holds it · 5 the experiment's name holds it
 *
 * then name and id in code-unit order, so results never depend on the browser or the index order.
 * Each hit says where the match is, so the result can highlight it (see `highlightParts`).
 */
import { compareIds, compareStrings } from '../../lib/order.ts';

export interface Searchable {
  id: string;
  name: string;
  experimentName?: string;
}

export type MatchField = 'name' | 'id' | 'experimentName';

export interface Match {
  /** 0 (best) … 5, as the header lists them. */
  rank: number;
  field: MatchField;
  /** Where the match starts in that field, and how long it is. */
  start: number;
  length: number;
}

export interface Hit<T> extends Match {
  item: T;
}

export interface SearchResult<T> {
  /** The best `limit` hits. */
  hits: Hit<T>[];
  /** How many items matched in all. */
  total: number;
}

/** The query as matching uses it: trimmed and lower-cased ('' matches nothing). */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Where `item` matches `query` (normalized), or undefined. */
export function matchItem(item: Searchable, query: string, withExperiment = false): Match | undefined {
  if (query === '') return undefined;
  const length = query.length;
  if (item.name.toLowerCase() === query) return { rank: 0, field: 'name', start: 0, length: item.name.length };
  const at = findIgnoreCase(item.name, query);
  if (at === 0) return { rank: 1, field: 'name', start: 0, length };
  if (item.id.toLowerCase().startsWith(query)) return { rank: 2, field: 'id', start: 0, length };
  if (at > 0) {
    const word = findWordStart(item.name, query);
    return word >= 0 ? { rank: 3, field: 'name', start: word, length } : { rank: 4, field: 'name', start: at, length };
  }
  if (withExperiment && item.experimentName !== undefined) {
    const inExperiment = findIgnoreCase(item.experimentName, query);
    if (inExperiment >= 0) return { rank: 5, field: 'experimentName', start: inExperiment, length };
  }
  return undefined;
}

/** The best `limit` items matching `query` (as typed), ranked as the header says. */
export function searchItems<T extends Searchable>(items: readonly T[], query: string, options: { limit?: number; withExperiment?: boolean } = {}): SearchResult<T> {
  const q = normalizeQuery(query);
  const hits: Hit<T>[] = [];
  if (q !== '') {
    for (const item of items) {
      const match = matchItem(item, q, options.withExperiment);
      if (match) hits.push({ item, ...match });
    }
  }
  hits.sort(compareHits);
  return { hits: hits.slice(0, options.limit ?? 20), total: hits.length };
}

export function compareHits(a: Hit<Searchable>, b: Hit<Searchable>): number {
  return a.rank - b.rank || compareStrings(a.item.name, b.item.name) || compareIds(a.item.id, b.item.id);
}

/** Index of `query` (lower-case) in `text`, ignoring case; -1 when absent. */
export function findIgnoreCase(text: string, query: string, from = 0): number {
  const lower = text.toLowerCase();
  // Lower-casing can change the length (`İ` → `i̇`); then indexes into `lower` do not fit `text`.
  if (lower.length === text.length) return lower.indexOf(query, from);
  for (let i = from; i + query.length <= text.length; i++) {
    if (text.slice(i, i + query.length).toLowerCase() === query) return i;
  }
  return -1;
}

/** The first match of `query` at the start of a word of `text` (after a non-alphanumeric character), or -1. */
function findWordStart(text: string, query: string): number {
  for (let at = findIgnoreCase(text, query); at >= 0; at = findIgnoreCase(text, query, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!)) return at;
  }
  return -1;
}

export interface TextPart {
  text: string;
  /** This part is the match. */
  mark: boolean;
}

/** `text` cut around the match at `start` (of `length` characters): the parts a highlight renders. */
export function highlightParts(text: string, start: number, length: number): TextPart[] {
  const from = Math.min(Math.max(0, start), text.length);
  const to = Math.min(text.length, from + Math.max(0, length));
  const parts: TextPart[] = [
    { text: text.slice(0, from), mark: false },
    { text: text.slice(from, to), mark: true },
    { text: text.slice(to), mark: false },
  ];
  return parts.filter((p) => p.text !== '');
}
