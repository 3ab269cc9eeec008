/**
 * Which columns the runs table shows, in which order, and how wide: the state behind the column
 * picker, the hidden-columns strip and the resize handles, restored from the URL (`cols`) or the
 * browser's memory. Name is always shown; the metric columns come first (the primary metric
 * leading them), then the params, then the attributes in their fixed order.
 *
 * As text (URL and memory), a layout is a list of entries, one per shown column, in order:
 * `metrics.<key>`, `params.<key>`, `attributes.<field>`, each followed by `~<rem>` when the reader
 * set its width (Name too: `attributes.name~20`). A key escapes its own `%` and `~` (`%25`, `%7E`),
 * so any key is an entry. Reading is tolerant: unknown keys, unknown fields, repeats and widths
 * that are not numbers are dropped, widths are clamped.
 */
import { ATTRIBUTES, columnIds, type Attribute } from '../../lib/site/table-data.ts';

export interface ColumnLayout {
  metrics: readonly string[];
  params: readonly string[];
  attributes: readonly Attribute[];
  /** Widths in rem the reader set, by column id (the others keep their default). */
  widths: ReadonlyMap<string, number>;
}

/** The keys a layout may name: the experiment's metric and param keys. */
export interface AvailableKeys {
  metrics: readonly string[];
  params: readonly string[];
}

export type ColumnGroup = 'metrics' | 'params' | 'attributes';

export const MIN_WIDTH = 3;
export const MAX_WIDTH = 40;

export function clampWidth(width: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width * 4) / 4));
}

/** The layout with unknown keys and repeats dropped, the primary metric first, widths clamped. */
export function normalLayout(layout: Omit<ColumnLayout, 'widths'> & { widths?: ReadonlyMap<string, number> }, available: AvailableKeys, primary?: string): ColumnLayout {
  const keep = <T extends string>(wanted: readonly T[], have: readonly T[]): T[] => {
    const known = new Set(have);
    return [...new Set(wanted)].filter((k) => known.has(k));
  };
  const metrics = keep(layout.metrics, available.metrics);
  const at = primary === undefined ? -1 : metrics.indexOf(primary);
  if (at > 0) metrics.unshift(...metrics.splice(at, 1));
  const attributes = ATTRIBUTES.filter((a) => layout.attributes.includes(a));
  const widths = new Map<string, number>();
  for (const [id, width] of layout.widths ?? []) if (Number.isFinite(width)) widths.set(id, clampWidth(width));
  return { metrics, params: keep(layout.params, available.params), attributes, widths };
}

/** The group and key of a column id (`metric:acc` → metrics, acc); undefined for Name and unknown ids. */
export function columnKey(id: string): { group: ColumnGroup; key: string } | undefined {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const key = id.slice(colon + 1);
  if (kind === 'metric') return { group: 'metrics', key };
  if (kind === 'param') return { group: 'params', key };
  if (kind === 'run' && (ATTRIBUTES as readonly string[]).includes(key)) return { group: 'attributes', key };
  return undefined;
}

/** Shows or hides one column; a newly shown metric or param goes last in its group. */
export function toggleColumn(layout: ColumnLayout, id: string, on: boolean): ColumnLayout {
  const found = columnKey(id);
  if (!found) return layout;
  const { group, key } = found;
  if (group === 'attributes') {
    const attributes = on ? ATTRIBUTES.filter((a) => a === key || layout.attributes.includes(a)) : layout.attributes.filter((a) => a !== key);
    return { ...layout, attributes };
  }
  const keys = layout[group];
  const next = on ? (keys.includes(key) ? keys : [...keys, key]) : keys.filter((k) => k !== key);
  return { ...layout, [group]: next };
}

export function isShown(layout: ColumnLayout, id: string): boolean {
  if (id === columnIds.name) return true;
  const found = columnKey(id);
  if (!found) return false;
  return found.group === 'attributes' ? layout.attributes.includes(found.key as Attribute) : layout[found.group].includes(found.key);
}

export function resizeColumn(layout: ColumnLayout, id: string, width: number): ColumnLayout {
  const widths = new Map(layout.widths);
  widths.set(id, clampWidth(width));
  return { ...layout, widths };
}

export function sameLayout(a: ColumnLayout, b: ColumnLayout): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  if (!same(a.metrics, b.metrics) || !same(a.params, b.params) || !same(a.attributes, b.attributes) || a.widths.size !== b.widths.size) return false;
  for (const [id, width] of a.widths) if (b.widths.get(id) !== width) return false;
  return true;
}

const PREFIX: Record<string, string> = { metric: 'metrics.', param: 'params.', run: 'attributes.' };

/** A column id as URL text (`metric:val/loss` → `metrics.val/loss`), without a width. */
export function columnEntry(id: string): string {
  const colon = id.indexOf(':');
  const key = id.slice(colon + 1).replaceAll('%', '%25').replaceAll('~', '%7E');
  return `${PREFIX[id.slice(0, colon)] ?? ''}${key}`;
}

/** URL text → a column id; undefined when it names no group. */
export function entryColumn(entry: string): string | undefined {
  const dot = entry.indexOf('.');
  const group = entry.slice(0, dot);
  const key = unescape(entry.slice(dot + 1));
  if (dot < 0 || key === '') return undefined;
  if (group === 'metrics') return columnIds.metric(key);
  if (group === 'params') return columnIds.param(key);
  if (group === 'attributes') return key === 'name' ? columnIds.name : (ATTRIBUTES as readonly string[]).includes(key) ? columnIds.attribute(key as Attribute) : undefined;
  return undefined;
}

function unescape(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The layout as entries, in the order shown (see the header). */
export function layoutEntries(layout: ColumnLayout): string[] {
  const ids = [
    ...(layout.widths.has(columnIds.name) ? [columnIds.name] : []),
    ...layout.metrics.map(columnIds.metric),
    ...layout.params.map(columnIds.param),
    ...layout.attributes.map(columnIds.attribute),
  ];
  return ids.map((id) => {
    const width = layout.widths.get(id);
    return width === undefined ? columnEntry(id) : `${columnEntry(id)}~${width}`;
  });
}

/** Entries → a layout over the keys the experiment has (tolerant, see the header). */
export function layoutFromEntries(entries: readonly string[], available: AvailableKeys, primary?: string): ColumnLayout {
  const layout = { metrics: [] as string[], params: [] as string[], attributes: [] as Attribute[], widths: new Map<string, number>() };
  for (const entry of entries) {
    const tilde = entry.lastIndexOf('~');
    const width = tilde < 0 ? undefined : Number(entry.slice(tilde + 1));
    const id = entryColumn(tilde < 0 ? entry : entry.slice(0, tilde));
    if (id === undefined) continue;
    if (width !== undefined && Number.isFinite(width) && entry.slice(tilde + 1).trim() !== '') layout.widths.set(id, width);
    const found = columnKey(id);
    if (found?.group === 'attributes') layout.attributes.push(found.key as Attribute);
    else if (found) layout[found.group].push(found.key);
  }
  const normal = normalLayout(layout, available, primary);
  // A width for a column that is not shown (or not known) is dropped with it.
  const widths = new Map([...normal.widths].filter(([id]) => isShown(normal, id)));
  return { ...normal, widths };
}
