/**
 * The site search's index of params and tags (`dataFiles.searchIndex()`), next to the runs index
 * (names and ids, `dataFiles.runIndex()`): every distinct `key = value` pair of the published
 * runs' params and user tags, with the runs that have it, by their position in the runs index.
 * The search box fetches both on first focus, never on page load.
 *
 * Size budget: SEARCH_INDEX_BYTES of JSON. Keys go in by how many runs have them (then params
 * before tags, then by key); a key whose pairs no longer fit is left out whole and named in
 * `omitted`, so the box can say what it cannot search. Values longer than SEARCH_VALUE_CHARS
 * (JSON blobs, file lists) are not indexed; system tags (`mlflow.*`) are not either.
 * Browser-safe types; the builder runs at build time.
 */
import type { Run } from '../model.ts';
import { compareStrings } from '../order.ts';

export const SEARCH_INDEX_BYTES = 1024 * 1024;
export const SEARCH_VALUE_CHARS = 200;

export type TermKind = 0 | 1;
/** 0 a param, 1 a tag. */
export const TERM_KINDS = ['param', 'tag'] as const;

export interface SearchIndexFile {
  /** How many runs the runs index lists: the positions below refer to it. */
  runs: number;
  experiments: { id: string; name: string }[];
  keys: string[];
  values: string[];
  /** `[kind, key index, value index, ...run positions]`, one per distinct pair. */
  pairs: number[][];
  /** Keys left out to keep the file within its budget. */
  omitted: string[];
}

interface KeyGroup {
  kind: TermKind;
  key: string;
  /** Value → run positions. */
  values: Map<string, number[]>;
  runs: number;
}

export function searchIndex(runs: readonly Pick<Run, 'params' | 'tags'>[], experiments: SearchIndexFile['experiments'], budget = SEARCH_INDEX_BYTES): SearchIndexFile {
  const groups = keyGroups(runs);
  const file: SearchIndexFile = { runs: runs.length, experiments, keys: [], values: [], pairs: [], omitted: [] };
  const valueAt = new Map<string, number>();
  let size = JSON.stringify(file).length;
  for (const group of groups) {
    const newValues = [...group.values.keys()].filter((v) => !valueAt.has(v));
    const newAt = new Map(newValues.map((v, i) => [v, file.values.length + i]));
    const pairs = [...group.values].map(([value, positions]) => [group.kind, file.keys.length, valueAt.get(value) ?? (newAt.get(value) as number), ...positions]);
    const cost = JSON.stringify(group.key).length + 1 + newValues.reduce((n, v) => n + JSON.stringify(v).length + 1, 0) + pairs.reduce((n, p) => n + JSON.stringify(p).length + 1, 0);
    if (size + cost > budget) {
      file.omitted.push(group.key);
      size += JSON.stringify(group.key).length + 1;
      continue;
    }
    for (const value of newValues) {
      valueAt.set(value, file.values.length);
      file.values.push(value);
    }
    file.keys.push(group.key);
    file.pairs.push(...pairs);
    size += cost;
  }
  file.omitted.sort(compareStrings);
  return file;
}

/** Every indexed key with its values, most common key first. */
function keyGroups(runs: readonly Pick<Run, 'params' | 'tags'>[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  runs.forEach((run, position) => {
    const add = (kind: TermKind, key: string, value: string) => {
      if (value.length > SEARCH_VALUE_CHARS || value === '') return;
      const id = `${kind}\0${key}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { kind, key, values: new Map(), runs: 0 }));
      const list = group.values.get(value);
      if (list) list.push(position);
      else group.values.set(value, [position]);
    };
    for (const [key, value] of Object.entries(run.params)) add(0, key, value);
    for (const [key, value] of Object.entries(run.tags)) if (!key.startsWith('mlflow.')) add(1, key, value);
  });
  for (const group of groups.values()) {
    group.runs = [...group.values.values()].reduce((n, list) => n + list.length, 0);
    group.values = new Map([...group.values].sort(([a], [b]) => compareStrings(a, b)));
  }
  return [...groups.values()].sort((a, b) => b.runs - a.runs || a.kind - b.kind || compareStrings(a.key, b.key));
}
