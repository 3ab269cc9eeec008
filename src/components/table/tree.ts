/**
 * Parent/child nesting of the runs table. Records arrive in tree order (table-data.ts: each parent
 * followed by its descendants, `depth` counting from 0), so the tree is read off the depths in one
 * pass, without looking ids up: a record's parent is the nearest earlier record one level up. A
 * depth that skips levels (bad data, or a chunk that failed to load) is clamped to one below the
 * previous record, so folding never hides rows that belong to another parent.
 *
 * Unsorted and unfiltered, the table shows the tree folded: children are hidden under their parent
 * until it is expanded (as MLflow's runs table does). Sorted or filtered, it is flat.
 */
import type { RunsTableRecord } from '../../lib/site/table-data.ts';

export interface RunTree {
  /** Depth of each record as the table indents it (clamped, see the header). */
  depth: Int32Array;
  /** Index of each record's parent, −1 for top-level runs. */
  parent: Int32Array;
  /** Number of direct children of each record. */
  children: Int32Array;
  /** Record index by run id (the first record when an id repeats). */
  index: ReadonlyMap<string, number>;
}

export function buildTree(records: readonly RunsTableRecord[]): RunTree {
  const n = records.length;
  const depth = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const index = new Map<string, number>();
  const ancestors: number[] = []; // ancestors[d] = the latest record at depth d
  for (let i = 0; i < n; i++) {
    const record = records[i] as RunsTableRecord;
    const wanted = Number.isInteger(record.depth) && record.depth > 0 ? record.depth : 0;
    const d = Math.min(wanted, ancestors.length);
    ancestors.length = d;
    if (d > 0) {
      const p = ancestors[d - 1] as number;
      parent[i] = p;
      children[p] = (children[p] as number) + 1;
    }
    depth[i] = d;
    ancestors.push(i);
    if (!index.has(record.id)) index.set(record.id, i);
  }
  return { depth, parent, children, index };
}

/** Record indices the folded tree shows: every top-level run, and the children of expanded runs. */
export function foldedRows(records: readonly RunsTableRecord[], tree: RunTree, expanded: ReadonlySet<string>): number[] {
  const rows: number[] = [];
  const n = records.length;
  let i = 0;
  while (i < n) {
    rows.push(i);
    const d = tree.depth[i] as number;
    const collapsed = (tree.children[i] as number) > 0 && !expanded.has((records[i] as RunsTableRecord).id);
    i += 1;
    if (collapsed) while (i < n && (tree.depth[i] as number) > d) i += 1;
  }
  return rows;
}

/** A record's parent record (flat rows name it), or undefined for a top-level run. */
export function parentOf(records: readonly RunsTableRecord[], tree: RunTree, i: number): RunsTableRecord | undefined {
  const p = tree.parent[i];
  return p === undefined || p < 0 ? undefined : records[p];
}
