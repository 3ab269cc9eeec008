/**
 * The runs table's column model: the fixed run columns (name, status, start, duration, user,
 * source, git commit) and one column per chosen metric or param key. A column knows how to read
 * a table record three ways: the value sorting compares, the text a cell shows, and the value
 * exports carry (full precision). Keys are arbitrary text (`/`, `.`, spaces, `__proto__`): they are
 * looked up by their position in the chunk's key list, never used as object paths or selectors.
 */
import { metricNumber } from '../../lib/metric-value.ts';
import type { RunStatus } from '../../lib/model.ts';
import { formatDuration, formatMetric, formatTime, runName } from '../../lib/site/format.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';

/** What sorting compares: a number (NaN allowed), a string, or undefined when the run has none. */
export type SortValue = number | string | undefined;

export type ColumnKind = 'name' | 'status' | 'text' | 'number';

export interface Column {
  /** Unique among the columns: `run:<field>`, `metric:<key>`, `param:<key>`. */
  id: string;
  label: string;
  /** Header in CSV and JSON downloads, in MLflow's spelling (`metrics.<key>`, `params.<key>`). */
  exportName: string;
  kind: ColumnKind;
  /** Width in rem: the table lays out with fixed widths so columns do not jump while scrolling. */
  width: number;
  sortValue: (record: RunsTableRecord) => SortValue;
  text: (record: RunsTableRecord) => string;
  /** The cell's full value when the text shortens it (tooltip). */
  title?: (record: RunsTableRecord) => string | undefined;
  /** Numbers (or NaN/±Infinity spelled out) for numeric columns, text otherwise; null when absent. */
  exportValue: (record: RunsTableRecord) => string | number | null;
}

/** Position of each metric and param key in the records' `m` and `p` arrays. */
export interface KeyIndex {
  metrics: ReadonlyMap<string, number>;
  params: ReadonlyMap<string, number>;
}

export interface ColumnChoice {
  metrics: readonly string[];
  params: readonly string[];
}

const STATUS_LABELS: Record<RunStatus, string> = {
  FINISHED: 'Finished',
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FAILED: 'Failed',
  KILLED: 'Killed',
};

const MISSING = '—';

export function keyIndex(keys: { metrics: readonly string[]; params: readonly string[] }): KeyIndex {
  return {
    metrics: new Map(keys.metrics.map((key, i) => [key, i])),
    params: new Map(keys.params.map((key, i) => [key, i])),
  };
}

/** Run duration in ms: end − start when both are known (a running run has no end in a snapshot). */
export function durationMs(record: RunsTableRecord): number | undefined {
  return record.start !== undefined && record.end !== undefined ? record.end - record.start : undefined;
}

/** The file name of `mlflow.source.name` (a script path, a notebook path or a URL). */
export function sourceBasename(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const parts = source.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] || source;
}

const text = (value: string | undefined): string => (value === undefined || value === '' ? MISSING : value);
const optional = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/** The run columns, always shown, in this order. */
export const RUN_COLUMNS: readonly Column[] = [
  {
    id: 'run:name',
    label: 'Name',
    exportName: 'run_name',
    kind: 'name',
    width: 16,
    // MLflow orders a run without a name with the runs missing the key (order-by.ts `run_name`).
    sortValue: (r) => optional(r.name),
    text: (r) => runName(r),
    exportValue: (r) => r.name,
  },
  {
    id: 'run:status',
    label: 'Status',
    exportName: 'status',
    kind: 'status',
    width: 7,
    sortValue: (r) => r.status,
    text: (r) => STATUS_LABELS[r.status] ?? r.status,
    exportValue: (r) => r.status,
  },
  {
    id: 'run:start',
    label: 'Start (UTC)',
    exportName: 'start_time',
    kind: 'text',
    width: 10.5,
    sortValue: (r) => r.start,
    text: (r) => (r.start === undefined ? MISSING : formatTime(r.start).replace(/ UTC$/, '')),
    title: (r) => (r.start === undefined ? undefined : isoTime(r.start)),
    exportValue: (r) => (r.start === undefined ? null : isoTime(r.start)),
  },
  {
    id: 'run:duration',
    label: 'Duration',
    exportName: 'duration_ms',
    kind: 'number',
    width: 7,
    sortValue: durationMs,
    text: (r) => formatDuration(durationMs(r)),
    exportValue: (r) => durationMs(r) ?? null,
  },
  {
    id: 'run:user',
    label: 'User',
    exportName: 'user_id',
    kind: 'text',
    width: 8,
    sortValue: (r) => optional(r.user),
    text: (r) => text(r.user),
    title: (r) => optional(r.user),
    exportValue: (r) => r.user ?? null,
  },
  {
    id: 'run:source',
    label: 'Source',
    exportName: 'source_name',
    kind: 'text',
    width: 10,
    sortValue: (r) => sourceBasename(optional(r.source)),
    text: (r) => text(sourceBasename(r.source)),
    title: (r) => optional(r.source),
    exportValue: (r) => r.source ?? null,
  },
  {
    id: 'run:commit',
    label: 'Git commit',
    exportName: 'git_commit',
    kind: 'text',
    width: 7.5,
    sortValue: (r) => optional(r.commit),
    text: (r) => text(r.commit?.slice(0, 8)),
    title: (r) => optional(r.commit),
    exportValue: (r) => r.commit ?? null,
  },
];

function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

export function metricColumn(key: string, index: KeyIndex): Column {
  const at = index.metrics.get(key);
  const value = (r: RunsTableRecord) => (at === undefined ? null : (r.m[at] ?? null));
  return {
    id: `metric:${key}`,
    label: key,
    exportName: `metrics.${key}`,
    kind: 'number',
    width: 8,
    sortValue: (r) => {
      const v = value(r);
      return v === null ? undefined : metricNumber(v);
    },
    text: (r) => formatMetric(value(r)),
    title: (r) => {
      const v = value(r);
      return v === null ? undefined : String(v);
    },
    exportValue: value,
  };
}

export function paramColumn(key: string, index: KeyIndex): Column {
  const at = index.params.get(key);
  const value = (r: RunsTableRecord) => (at === undefined ? null : (r.p[at] ?? null));
  return {
    id: `param:${key}`,
    label: key,
    exportName: `params.${key}`,
    kind: 'text',
    width: 9,
    sortValue: (r) => value(r) ?? undefined,
    text: (r) => value(r) ?? MISSING,
    title: (r) => value(r) ?? undefined,
    exportValue: value,
  };
}

/** The columns the table shows: run columns, then the chosen metrics, then the chosen params. */
export function tableColumns(choice: ColumnChoice, index: KeyIndex): Column[] {
  return [...RUN_COLUMNS, ...choice.metrics.map((key) => metricColumn(key, index)), ...choice.params.map((key) => paramColumn(key, index))];
}

/** Adds or removes one key, keeping the chosen order (a newly chosen key goes last). */
export function toggleKey(keys: readonly string[], key: string, on: boolean): string[] {
  if (on) return keys.includes(key) ? [...keys] : [...keys, key];
  return keys.filter((k) => k !== key);
}

/** The default columns restricted to keys the experiment has, without duplicates. */
export function initialChoice(defaults: ColumnChoice, available: ColumnChoice): ColumnChoice {
  const keep = (wanted: readonly string[], have: readonly string[]) => {
    const known = new Set(have);
    return [...new Set(wanted)].filter((k) => known.has(k));
  };
  return { metrics: keep(defaults.metrics, available.metrics), params: keep(defaults.params, available.params) };
}
