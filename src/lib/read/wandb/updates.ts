/**
 * Config and summary records are updates to one nested object: each item sets (or removes) the
 * value at its key, or at its nested key path. Replaying every record in log order gives the final
 * config and summary, as wandb-core replays them when it syncs a log: a summary item replaces the
 * value at its path (core/internal/runsummary/runsummary.go `SetFromRecord`); a config item whose
 * value is an object merges into what is there, leaf by leaf (core/internal/runconfig/runconfig.go
 * `ApplyChangeRecord` → `pathtree.SetSubtree`), any other value replaces it.
 */
import { setOwn } from '../../order.ts';
import { NOT_JSON, parseValueJson } from './json-value.ts';
import type { Item, UpdateMessage } from './records.ts';

export type Nested = Record<string, unknown>;

/** Applies a config or summary record to `target`; returns how many values were not JSON (skipped). */
export function applyUpdates(target: Nested, message: UpdateMessage | undefined, how: 'merge-objects' | 'replace'): number {
  if (!message) return 0;
  let bad = 0;
  for (const item of message.update) {
    const path = itemPath(item);
    if (path.length === 0) continue;
    const value = parseValueJson(item.value_json ?? '');
    if (value === NOT_JSON) bad += 1;
    else if (how === 'merge-objects' && isObject(value)) mergeAt(target, path, value);
    else setPath(target, path, value);
  }
  for (const item of message.remove) {
    const path = itemPath(item);
    if (path.length > 0) removePath(target, path);
  }
  return bad;
}

function itemPath(item: Item): string[] {
  if (item.key) return [item.key];
  return item.nested_key ?? [];
}

function setPath(target: Nested, path: string[], value: unknown): void {
  setOwn(nodeAt(target, path.slice(0, -1)), path[path.length - 1] as string, value);
}

/** Merges an object's leaves into the object at `path` (made, or replacing a non-object, when needed). */
function mergeAt(target: Nested, path: string[], subtree: Nested): void {
  const node = nodeAt(target, path);
  for (const [key, value] of Object.entries(subtree)) {
    if (isObject(value)) mergeAt(node, [key], value);
    else setOwn(node, key, value);
  }
}

/** The object at `path`, made (or replacing a non-object) where missing. */
function nodeAt(target: Nested, path: string[]): Nested {
  let node = target;
  for (const part of path) {
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (isObject(next)) node = next;
    else {
      const created: Nested = {};
      setOwn<unknown>(node, part, created);
      node = created;
    }
  }
  return node;
}

function removePath(target: Nested, path: string[]): void {
  let node: unknown = target;
  for (const part of path.slice(0, -1)) node = isObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
  if (isObject(node)) delete node[path[path.length - 1] as string];
}

function isObject(value: unknown): value is Nested {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
