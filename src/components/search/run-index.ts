/**
 * The runs index (`dataFiles.runIndex()`, site/run-data.ts `RunIndexEntry[]`) as the search box
 * and the compare picker get it: fetched once per page (metric-chart-data.ts `fetchJson`),
 * checked at this edge and trusted afterwards. A malformed file throws one line naming the
 * file, the entry and the field.
 */
import { fetchJson, type Fetch } from '../charts/metric-chart-data.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';

export type { Fetch };

export async function loadRunIndex(base: string, fetchFn?: Fetch): Promise<RunIndexEntry[]> {
  const url = withBase(dataFiles.runIndex(), base);
  return decodeRunIndex(await fetchJson(url, fetchFn), url);
}

export function decodeRunIndex(json: unknown, source: string): RunIndexEntry[] {
  if (!Array.isArray(json)) throw new Error(`${source}: expected a JSON array of runs, got ${describe(json)}`);
  return json.map((entry: unknown, i): RunIndexEntry => {
    const at = `${source}: [${i}]`;
    if (!isRecord(entry)) throw new Error(`${at} must be an object, got ${describe(entry)}`);
    for (const field of ['id', 'name', 'experimentId', 'experimentName', 'status'] as const) {
      if (typeof entry[field] !== 'string') throw new Error(`${at}.${field} must be a string, got ${describe(entry[field])}`);
    }
    const out = { id: entry.id, name: entry.name, experimentId: entry.experimentId, experimentName: entry.experimentName, status: entry.status } as RunIndexEntry;
    if (entry.startTime !== undefined) {
      if (typeof entry.startTime !== 'number') throw new Error(`${at}.startTime must be epoch ms, got ${describe(entry.startTime)}`);
      out.startTime = entry.startTime;
    }
    return out;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A found value for an error message, at most 60 characters. */
export function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
