/**
 * `runfolio inspect`'s account of tracker data read but not published (TensorBoard histograms,
 * images, text, graphs…): the counts each reader reports, sorted, and one line per kind.
 */
import { compareStrings } from '../../lib/order.ts';
import type { UnpublishedCount } from '../../lib/read/index.ts';

export function sortUnpublished(counts: UnpublishedCount[]): UnpublishedCount[] {
  return [...counts].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.kind, b.kind) || compareStrings(a.key, b.key));
}

/** Lines for the text summary: per tracker and kind, how many values under how many tags in how many runs. */
export function unpublishedLines(counts: UnpublishedCount[]): string[] {
  if (counts.length === 0) return [];
  const n = (x: number) => x.toLocaleString('en-US');
  const groups = new Map<string, { tracker: string; kind: string; values: number; tags: Set<string>; runs: Set<string>; readAs: Map<string, string> }>();
  for (const c of counts) {
    const id = `${c.tracker}\0${c.kind}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { tracker: c.tracker, kind: c.kind, values: 0, tags: new Set(), runs: new Set(), readAs: new Map() }));
    group.values += c.count;
    if (c.key) group.tags.add(c.key);
    group.runs.add(c.path);
    if (c.readAs) group.readAs.set(c.key, c.readAs);
  }
  const lines = ['Unpublished  values other than scalar metrics, counted (see --json for each run and tag):'];
  const width = Math.max(...[...groups.values()].map((g) => g.kind.length));
  for (const g of [...groups.values()].sort((a, b) => compareStrings(a.tracker, b.tracker) || compareStrings(a.kind, b.kind))) {
    const tags = g.tags.size > 0 ? ` under ${n(g.tags.size)} tag${g.tags.size === 1 ? '' : 's'}` : '';
    const read = [...g.readAs].sort(([a], [b]) => compareStrings(a, b)).map(([key, as]) => `${key} read as ${as}`);
    lines.push(`  ${TRACKER[g.tracker] ?? g.tracker} ${g.kind.padEnd(width)}  ${n(g.values)} value${g.values === 1 ? '' : 's'}${tags} in ${n(g.runs.size)} run${g.runs.size === 1 ? '' : 's'}${read.length > 0 ? ` (${read.join(', ')})` : ''}`);
  }
  return lines;
}

const TRACKER: Record<string, string> = { tensorboard: 'TensorBoard', wandb: 'W&B' };
