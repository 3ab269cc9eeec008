/**
 * Parallel coordinates of params (and metrics) → one metric, for many runs.
 *
 * `parallelData` normalizes each axis in TypeScript, so the spec stays generic (one compiled spec
 * for any set of params): numeric axes map min…max to 0…1, categorical axes spread their values
 * evenly in code-unit order. The data is long: a row per run and axis with fixed field names
 * (`run`, `dim`, `axis`, `pos`, `text`, `score`), plus tick rows labelling each axis.
 *
 * Which runs are drawn follows MLflow's parallel coordinates chart
 * (runs-charts/utils/parallelCoordinatesPlot.utils.ts `filterParallelCoordinateData`): a run
 * missing any axis is left out; an axis is numeric when at least half of the remaining runs
 * have a number there (runs with something else are then left out), otherwise categorical,
 * limited to 30 distinct values (runs with further values are left out). Unlike MLflow we call
 * a value numeric only when it spells a finite number ('' and 'inf' are categories).
 */
import type { TopLevelSpec } from 'vega-lite';
import { compareStrings } from '../order.ts';
import { formatNumber } from '../site/format.ts';
import { DATA, frame, VEGA_LITE_SCHEMA, type FrameOptions, type Layer } from './spec-frame.ts';
import { THEMES, themeConfig } from './theme.ts';

/** One run: axis key → its value (params are strings, metrics numbers); absent means missing. */
export interface ParallelInput {
  run: string;
  values: Readonly<Record<string, string | number | undefined>>;
}

export interface ParallelRow {
  run: string;
  /** Axis key (a param or metric key). */
  dim: string;
  /** Axis position, left to right. */
  axis: number;
  /** Normalized position on the axis, 0 (bottom) … 1 (top). */
  pos: number;
  /** The value as shown. */
  text: string;
  /** The color metric's value for this run. */
  score: number;
}

export interface ParallelTick {
  dim: string;
  axis: number;
  pos: number;
  text: string;
}

export interface ParallelData {
  rows: ParallelRow[];
  ticks: ParallelTick[];
  /** Runs left out (missing or unplottable values). */
  dropped: number;
}

/** MLflow's PARALLEL_CHART_MAX_NUMBER_STRINGS. */
export const MAX_CATEGORIES = 30;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number a value spells, or undefined. */
export function numericValue(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Axis positions for `dims` (left to right); `metric` colors the lines and must be numeric. */
export function parallelData(inputs: readonly ParallelInput[], dims: readonly string[], metric: string): ParallelData {
  const keys = [...dims];
  let runs = inputs.filter((r) => [...keys, metric].every((k) => Object.hasOwn(r.values, k) && r.values[k] !== undefined));
  runs = runs.filter((r) => numericValue(r.values[metric]!) !== undefined);
  const kinds = new Map<string, 'numeric' | 'categorical'>();
  for (const key of keys) {
    const numeric = runs.filter((r) => numericValue(r.values[key]!) !== undefined);
    if (numeric.length >= runs.length / 2) {
      kinds.set(key, 'numeric');
      runs = numeric;
      continue;
    }
    kinds.set(key, 'categorical');
    const allowed = new Set<string>();
    runs = runs.filter((r) => {
      const text = String(r.values[key]);
      if (allowed.has(text)) return true;
      if (allowed.size >= MAX_CATEGORIES) return false;
      allowed.add(text);
      return true;
    });
  }
  const rows: ParallelRow[] = [];
  const ticks: ParallelTick[] = [];
  keys.forEach((dim, axis) => {
    const place = kinds.get(dim) === 'numeric' ? numericAxis(runs.map((r) => numericValue(r.values[dim]!)!)) : categoricalAxis(runs.map((r) => String(r.values[dim])));
    for (const tick of place.ticks) ticks.push({ dim, axis, ...tick });
    runs.forEach((r, i) => rows.push({ run: r.run, dim, axis, pos: place.positions[i]!, text: String(r.values[dim]), score: numericValue(r.values[metric]!)! }));
  });
  return { rows, ticks, dropped: inputs.length - runs.length };
}

/** Axis labels are short: four significant digits. */
const AXIS_DIGITS = 4;

interface Placement {
  positions: number[];
  ticks: { pos: number; text: string }[];
}

function numericAxis(values: number[]): Placement {
  if (values.length === 0) return { positions: [], ticks: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { positions: values.map(() => 0.5), ticks: [{ pos: 0.5, text: formatNumber(min, AXIS_DIGITS) }] };
  return {
    positions: values.map((v) => (v - min) / (max - min)),
    ticks: [
      { pos: 0, text: formatNumber(min, AXIS_DIGITS) },
      { pos: 0.5, text: formatNumber((min + max) / 2, AXIS_DIGITS) },
      { pos: 1, text: formatNumber(max, AXIS_DIGITS) },
    ],
  };
}

function categoricalAxis(values: string[]): Placement {
  const categories = [...new Set(values)].sort(compareStrings);
  const at = (i: number) => (categories.length === 1 ? 0.5 : i / (categories.length - 1));
  const index = new Map(categories.map((c, i) => [c, i]));
  return { positions: values.map((v) => at(index.get(v)!)), ticks: categories.map((text, i) => ({ pos: at(i), text })) };
}


export interface ParallelOptions extends FrameOptions {
  /** The metric coloring the lines (legend title). */
  metric: string;
}

/** Parallel coordinates over datasets `parallel` (rows) and `parallel_ticks`. */
export function parallelSpec(options: ParallelOptions): TopLevelSpec {
  const theme = options.theme ?? 'light';
  const colors = THEMES[theme];
  const x = { field: 'axis', type: 'ordinal' as const, axis: null, scale: { padding: 0.3 } };
  const y = { field: 'pos', type: 'quantitative' as const, axis: null, scale: { domain: [0, 1] } };
  const ticks = { name: DATA.parallelTicks };
  const layers: Layer[] = [
    { name: 'axes', data: ticks, transform: [{ aggregate: [{ op: 'count', as: 'ticks' }], groupby: ['axis'] }], mark: { type: 'rule', color: colors.line, aria: false }, encoding: { x } },
    {
      name: 'lines',
      mark: { type: 'line', strokeWidth: 1.5, opacity: 0.85 },
      encoding: {
        x,
        y,
        detail: { field: 'run', type: 'nominal' },
        color: { field: 'score', type: 'quantitative', title: options.metric, scale: { scheme: { ...colors.sequential } } },
        tooltip: [{ field: 'run', type: 'nominal' }, { field: 'score', type: 'quantitative', title: options.metric, format: '.6~g' }],
      },
    },
    { name: 'ticks', data: ticks, mark: { type: 'text', align: 'left', dx: 4, fontSize: 9, color: colors.muted, aria: false }, encoding: { x, y, text: { field: 'text' } } },
    {
      name: 'titles',
      data: ticks,
      transform: [{ aggregate: [{ op: 'count', as: 'ticks' }], groupby: ['axis', 'dim'] }],
      mark: { type: 'text', baseline: 'bottom', dy: -6, fontWeight: 600 },
      encoding: { x, y: { value: 0 }, text: { field: 'dim' } },
    },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Parallel coordinates of runs colored by ${options.metric}`,
    data: { name: DATA.parallel },
    ...frame(options, 300),
    layer: layers,
    config: themeConfig(theme),
  };
}
