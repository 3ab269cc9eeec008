/**
 * Which columns are hidden and why, for the strip above the table and the column picker: every
 * hidden attribute column, and the metric and param columns hidden because they read the same in
 * every run (or are empty), with that value as text. Other hidden keys (an experiment may log
 * hundreds) are left to the column picker.
 */
import { formatDuration, formatMetric, formatTime } from '../../lib/site/format.ts';
import { ATTRIBUTES, columnIds, type UniformColumn } from '../../lib/site/table-data.ts';
import { columnKey, isShown, type ColumnLayout } from './column-layout.ts';
import { attributeLabel, sourceBasename } from './columns.ts';

export interface HiddenColumn {
  id: string;
  label: string;
  /** `unknown in every run`, `empty in every run`; undefined when the reader hid it. */
  reason: string | undefined;
}

/** What a uniform column holds, as its cells would show it. */
export function uniformText(column: UniformColumn): string | undefined {
  const { value } = column;
  if (value === null) return undefined;
  const found = columnKey(column.id);
  if (found?.group === 'metrics') return formatMetric(value as number);
  if (found?.group !== 'attributes' || typeof value !== 'string' && typeof value !== 'number') return String(value);
  if (found.key === 'start') return formatTime(Number(value));
  if (found.key === 'duration') return formatDuration(Number(value));
  if (found.key === 'source') return sourceBasename(String(value));
  if (found.key === 'commit') return String(value).slice(0, 8);
  if (found.key === 'status') return String(value).toLowerCase();
  return String(value);
}

export function uniformReason(column: UniformColumn): string {
  const text = uniformText(column);
  return text === undefined ? 'empty in every run' : `${text} in every run`;
}

export function hiddenColumns(layout: ColumnLayout, uniform: readonly UniformColumn[]): HiddenColumn[] {
  const reasons = new Map(uniform.map((c) => [c.id, uniformReason(c)]));
  const out: HiddenColumn[] = [];
  for (const attribute of ATTRIBUTES) {
    const id = columnIds.attribute(attribute);
    if (!isShown(layout, id)) out.push({ id, label: attributeLabel(attribute), reason: reasons.get(id) });
  }
  for (const column of uniform) {
    const found = columnKey(column.id);
    if (!found || found.group === 'attributes' || isShown(layout, column.id)) continue;
    out.push({ id: column.id, label: `${found.group}.${found.key}`, reason: reasons.get(column.id) });
  }
  return out;
}
