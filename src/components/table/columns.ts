/**
 * The runs table's column model: Name, one column per shown metric and param key, and the
 * attribute columns (status, start, duration, user, source, git commit), grouped under headers
 * (Metrics / Params / Attributes) so a metric and a param of the same name are told apart. A
 * column knows how to read a table record three ways: the value sorting compares, the text a cell
 * shows (numbers with the significant digits its width holds, format.ts), and the value exports
 * carry (exact). Keys are arbitrary text (`/`, `.`, spaces, `__proto__`): they are looked up by
 * their position in the chunk's key list, never used as object paths or selectors.
 */
import { metricNumber } from '../../lib/metric-value.ts';
import { digitsForWidth, DISPLAY_DIGITS, exactTitle, fitMetric, formatDuration, formatTime, runName } from '../../lib/site/format.ts';
import { statusBadge } from '../../lib/site/status-badge.ts';
import { columnIds, type Attribute, type RunsTableRecord } from '../../lib/site/table-data.ts';
import type { ColumnGroup, ColumnLayout } from './column-layout.ts';

/** What sorting compares: a number (NaN allowed), a string, or undefined when the run has none. */
export type SortValue = number | string | undefined;

export type ColumnKind = 'name' | 'status' | 'text' | 'number';

export interface Column {
  /** Unique among the columns: `run:<field>`, `metric:<key>`, `param:<key>` (table-data.ts `columnIds`). */
  id: string;
  /** The header group the column sits under; Name has none (it is pinned). */
  group: ColumnGroup | 'name';
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

/** Name: always shown, pinned at the left with the selection checkbox. */
export const NAME_COLUMN: Column = {
  id: columnIds.name,
  group: 'name',
  label: 'Name',
  exportName: 'run_name',
  kind: 'name',
  width: 16,
  // MLflow orders a run without a name with the runs missing the key (order-by.ts `run_name`).
  sortValue: (r) => optional(r.name),
  text: (r) => runName(r),
  exportValue: (r) => r.name,
};

type AttributeColumn = Omit<Column, 'id' | 'group'>;

/** The attribute columns, in the order they are shown. */
const ATTRIBUTE_COLUMNS: Record<Attribute, AttributeColumn> = {
  status: {
    label: 'Status',
    exportName: 'status',
    kind: 'status',
    width: 7,
    sortValue: (r) => r.status,
    // As the site's status badge spells it.
    text: (r) => statusBadge(r.status).label,
    exportValue: (r) => r.status,
  },
  start: {
    label: 'Start (UTC)',
    exportName: 'start_time',
    kind: 'text',
    width: 10.5,
    sortValue: (r) => r.start,
    text: (r) => (r.start === undefined ? MISSING : formatTime(r.start).replace(/ UTC$/, '')),
    title: (r) => (r.start === undefined ? undefined : isoTime(r.start)),
    exportValue: (r) => (r.start === undefined ? null : isoTime(r.start)),
  },
  duration: {
    label: 'Duration',
    exportName: 'duration_ms',
    kind: 'number',
    width: 7,
    sortValue: durationMs,
    text: (r) => formatDuration(durationMs(r)),
    exportValue: (r) => durationMs(r) ?? null,
  },
  user: {
    label: 'User',
    exportName: 'user_id',
    kind: 'text',
    width: 8,
    sortValue: (r) => optional(r.user),
    text: (r) => text(r.user),
    title: (r) => optional(r.user),
    exportValue: (r) => r.user ?? null,
  },
  source: {
    label: 'Source',
    exportName: 'source_name',
    kind: 'text',
    width: 10,
    sortValue: (r) => sourceBasename(optional(r.source)),
    text: (r) => text(sourceBasename(r.source)),
    title: (r) => optional(r.source),
    exportValue: (r) => r.source ?? null,
  },
  commit: {
    label: 'Git commit',
    exportName: 'git_commit',
    kind: 'text',
    width: 7.5,
    sortValue: (r) => optional(r.commit),
    text: (r) => text(r.commit?.slice(0, 8)),
    title: (r) => optional(r.commit),
    exportValue: (r) => r.commit ?? null,
  },
};

export function attributeColumn(attribute: Attribute): Column {
  return { id: columnIds.attribute(attribute), group: 'attributes', ...ATTRIBUTE_COLUMNS[attribute] };
}

export function attributeLabel(attribute: Attribute): string {
  return ATTRIBUTE_COLUMNS[attribute].label;
}

function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

export const METRIC_WIDTH = 8.5;
export const PARAM_WIDTH = 9;
/** A header label's characters in rem (0.875rem semibold type), and room for padding, the sort arrow and the resize edge. */
const LABEL_REM = 0.5;
const HEADER_PAD_REM = 2.4;
const STAR_REM = 1;
/** Default widths grow with their label up to this; the reader can go further. */
const WIDEST_DEFAULT = 14;

/** A key column's default width: `min`, or what its label needs, up to WIDEST_DEFAULT. */
export function labelWidth(label: string, min: number, primary = false): number {
  const wanted = label.length * LABEL_REM + HEADER_PAD_REM + (primary ? STAR_REM : 0);
  return Math.max(min, Math.min(WIDEST_DEFAULT, Math.ceil(wanted * 2) / 2));
}
/** Width of a digit at the table's font size, in rem (0.875rem type, tabular figures ~0.6 em), and of a cell's padding. */
const DIGIT_REM = 0.54;
const PADDING_REM = 1;

/** Characters of numbers a column `width` rem wide holds. */
export function charsForWidth(width: number): number {
  return Math.floor((width - PADDING_REM) / DIGIT_REM);
}

/**
 * A metric column. Its cells show `digits` significant digits (fewer when a value would not fit
 * the width): six at the default width, which follows the label; as many as fit once the reader
 * sets a width (tableColumns), so widening a column shows more of each value.
 */
export function metricColumn(key: string, index: KeyIndex, width = labelWidth(key, METRIC_WIDTH), digits = DISPLAY_DIGITS): Column {
  const at = index.metrics.get(key);
  const value = (r: RunsTableRecord) => (at === undefined ? null : (r.m[at] ?? null));
  const chars = charsForWidth(width);
  return {
    id: columnIds.metric(key),
    group: 'metrics',
    label: key,
    exportName: `metrics.${key}`,
    kind: 'number',
    width,
    sortValue: (r) => {
      const v = value(r);
      return v === null ? undefined : metricNumber(v);
    },
    text: (r) => fitMetric(value(r), chars, digits),
    title: (r) => {
      const v = value(r);
      return exactTitle(v, fitMetric(v, chars, digits));
    },
    exportValue: value,
  };
}

export function paramColumn(key: string, index: KeyIndex, width = labelWidth(key, PARAM_WIDTH)): Column {
  const at = index.params.get(key);
  const value = (r: RunsTableRecord) => (at === undefined ? null : (r.p[at] ?? null));
  return {
    id: columnIds.param(key),
    group: 'params',
    label: key,
    exportName: `params.${key}`,
    kind: 'text',
    width,
    sortValue: (r) => value(r) ?? undefined,
    text: (r) => value(r) ?? MISSING,
    title: (r) => value(r) ?? undefined,
    exportValue: value,
  };
}

/**
 * The columns the table shows: Name, then the layout's metrics, params and attributes, at the
 * layout's widths (else wide enough for their label, the primary metric's star included).
 */
export function tableColumns(layout: ColumnLayout, index: KeyIndex, primary?: string): Column[] {
  const width = (column: Column): Column => {
    const set = layout.widths.get(column.id);
    return set === undefined ? column : { ...column, width: set };
  };
  const metric = (key: string) => {
    const set = layout.widths.get(columnIds.metric(key));
    if (set === undefined) return metricColumn(key, index, labelWidth(key, METRIC_WIDTH, key === primary));
    return metricColumn(key, index, set, Math.max(DISPLAY_DIGITS, digitsForWidth(charsForWidth(set))));
  };
  return [
    width(NAME_COLUMN),
    ...layout.metrics.map(metric),
    ...layout.params.map((key) => width(paramColumn(key, index))),
    ...layout.attributes.map((a) => width(attributeColumn(a))),
  ];
}

/** Header groups over `columns` (consecutive columns of one group), with their spans. */
export function columnGroups(columns: readonly Column[]): { group: Column['group']; span: number }[] {
  const groups: { group: Column['group']; span: number }[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.group === column.group) last.span += 1;
    else groups.push({ group: column.group, span: 1 });
  }
  return groups;
}
