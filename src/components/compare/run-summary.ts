/**
 * A run's summary, as the compare island reads it from the run's data file (`dataFiles.run(id)`,
 * site/run-data.ts `RunDataFile`: the metric series plus `summary`), checked at this edge and
 * trusted afterwards. Errors are one line naming the file and the field.
 *
 * The file is fetched through the cache of metric-chart-data.ts, the one the charts use, so
 * the charts of the same runs reuse the download instead of fetching each file again.
 */
import { fetchJson, type Fetch } from '../charts/metric-chart-data.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { describe, isRecord } from '../search/run-index.ts';

export async function loadRunSummary(id: string, base: string, fetchFn?: Fetch): Promise<RunSummaryData> {
  const url = withBase(dataFiles.run(id), base);
  const summary = decodeRunSummary(await fetchJson(url, fetchFn), url);
  if (summary.id !== id) throw new Error(`${url}: summary.id must be ${JSON.stringify(id)}, got ${describe(summary.id)}`);
  return summary;
}

const STRINGS = ['id', 'name', 'experimentId', 'experimentName', 'status'] as const;
const OPTIONAL_STRINGS = ['user', 'source', 'commit'] as const;
const OPTIONAL_TIMES = ['startTime', 'endTime'] as const;
const METRIC_STRINGS: ReadonlySet<unknown> = new Set(['NaN', 'Infinity', '-Infinity']);

/** The `summary` of a run data file. */
export function decodeRunSummary(file: unknown, source: string): RunSummaryData {
  const fail = (field: string, expected: string, found: unknown): never => {
    throw new Error(`${source}: ${field} must be ${expected}, got ${describe(found)}`);
  };
  if (!isRecord(file)) return fail('the file', 'a JSON object', file);
  const json = file.summary;
  if (!isRecord(json)) return fail('summary', 'an object', json);
  for (const field of STRINGS) if (typeof json[field] !== 'string') fail(`summary.${field}`, 'a string', json[field]);
  for (const field of OPTIONAL_STRINGS) if (json[field] !== undefined && typeof json[field] !== 'string') fail(`summary.${field}`, 'a string', json[field]);
  for (const field of OPTIONAL_TIMES) if (json[field] !== undefined && typeof json[field] !== 'number') fail(`summary.${field}`, 'epoch ms', json[field]);
  const pairs = (field: string, isValue: (v: unknown) => boolean, expected: string) => {
    const list = json[field];
    if (!Array.isArray(list)) return fail(`summary.${field}`, 'an array of [key, value] pairs', list);
    list.forEach((pair: unknown, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !isValue(pair[1])) fail(`summary.${field}[${i}]`, `a [string, ${expected}] pair`, pair);
    });
  };
  const isString = (v: unknown) => typeof v === 'string';
  pairs('params', isString, 'string');
  pairs('tags', isString, 'string');
  pairs('metrics', (v) => typeof v === 'number' || METRIC_STRINGS.has(v), 'number');
  if (json.artifacts !== undefined) {
    if (!Array.isArray(json.artifacts)) fail('summary.artifacts', 'an array', json.artifacts);
    (json.artifacts as unknown[]).forEach((a, i) => {
      const at = `summary.artifacts[${i}]`;
      if (!isRecord(a)) return fail(at, 'an object', a);
      if (typeof a.path !== 'string' || typeof a.size !== 'number' || typeof a.kind !== 'string') fail(at, 'a {path, size, kind} object', a);
      // The copy is a file of this site's data folder, never another URL.
      if (a.file !== undefined && !(typeof a.file === 'string' && a.file.startsWith('/data/artifacts/'))) fail(`${at}.file`, 'a path under /data/artifacts/', a.file);
      if (a.download !== undefined && typeof a.download !== 'string') fail(`${at}.download`, 'a string', a.download);
    });
  }
  return json as unknown as RunSummaryData;
}
