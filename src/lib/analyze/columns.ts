/**
 * One key of a long table brought onto a runs table as a column: the latest value of a metric,
 * a param or a tag, null for runs that do not have it. This is the only place keys become
 * columns, and the column takes a name the caller chooses (`value`, `group`), so a key holding
 * `/`, `.` or spaces never becomes a column name. Joins go through the integer `row`.
 */
import type { ColumnTable } from 'arquero';
import { withParams, type RunTables } from './tables.ts';

/** What a column can be read from: a metric (latest value, a number), a param or a tag (strings). */
export type KeySource = 'metric' | 'param' | 'tag';

/** `runs` plus a column `as` holding `key`'s value from `source` for each run (null when absent). */
export function withKey(tables: RunTables, runs: ColumnTable, source: KeySource, key: string, as: string): ColumnTable {
  const long = source === 'metric' ? tables.metrics : source === 'param' ? tables.params : tables.tags;
  const rows = withParams(long, { key }).filter((d, $) => d.key === $.key);
  return runs.lookup(rows, 'row', { [as]: (d) => d.value });
}

/** `runs` plus a column `as` with the latest value of metric `key` (NaN and ±Infinity kept). */
export function withMetric(tables: RunTables, runs: ColumnTable, key: string, as = 'value'): ColumnTable {
  return withKey(tables, runs, 'metric', key, as);
}
