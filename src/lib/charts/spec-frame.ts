/**
 * What every chart spec shares: the named datasets it reads, its size options and the layer type.
 *
 * Specs read NAMED datasets (`data: {name}`), never inline values, so one compiled spec serves
 * every run: data is inserted at render time (`view.data(name, rows)`) by the browser island or
 * by svg.ts. Field names are fixed; metric keys and run names only ever appear as values.
 */
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';
import type { Theme } from './theme.ts';

export type Layer = UnitSpec<Field> | LayerSpec<Field>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Dataset names the specs read. */
export const DATA = {
  /** `SeriesRow[]` (series.ts): finite points of metric histories. */
  series: 'series',
  /** `MarkerRow[]` (series.ts): where runs logged NaN or ±Infinity. */
  markers: 'markers',
  /** `BandRow[]` (groups.ts): the spread of a group of runs around its mean line. */
  bands: 'bands',
  /** `BarRow[]` (bar-spec.ts): one value per run, for metrics logged once. */
  bars: 'bars',
  /** `ParallelRow[]` (parallel.ts): one row per run and axis. */
  parallel: 'parallel',
  /** `ParallelTick[]` (parallel.ts): axis labels of the parallel coordinates. */
  parallelTicks: 'parallel_ticks',
  /** `ScatterRow[]` (scatter-spec.ts). */
  scatter: 'scatter',
} as const;

/** Run-time parameters every line and bar chart declares: the highlighted run's label ('' for none), and a fixed y range or null. */
export const HIGHLIGHT_PARAM = 'highlight';
export const Y_DOMAIN_PARAM = 'ydomain';
/** The legend's entries: style indices in order, and style → run label (line-spec.ts `legendParams`). */
export const LEGEND_STYLES_PARAM = 'legend_styles';
export const LEGEND_LABELS_PARAM = 'legend_labels';

/**
 * d3-format specifiers of the charts' numbers: steps as integers with thousands separators;
 * other numbers with the precision their tick spacing needs, trailing zeros trimmed (without
 * `~`, a flat series' single tick reads `15,936.000000`); hover values to six significant digits.
 */
export const STEP_FORMAT = ',d';
export const NUMBER_FORMAT = ',~r';
export const VALUE_FORMAT = ',.6~r';

/** Runs a chart of several runs draws at first: the experiment panels (the best runs, or the table's first rows) and their static SVGs alike. */
export const DRAWN_RUNS = 10;

export interface FrameOptions {
  theme?: Theme;
  /** Pixels, or `container` (the default) to follow the element's width in the browser; SVG needs pixels. */
  width?: number | 'container';
  /** Pixels of the plot area. */
  height?: number;
}

/**
 * Size of a chart. A `container` width fits the element, and the view grows again when its
 * content does at run time (a legend filled in by a parameter, bars added), instead of drawing
 * past its own bottom edge where the pointer cannot reach.
 */
export function frame(options: FrameOptions, defaultHeight: number): { width: number | 'container'; height: number; autosize?: { type: 'fit-x'; contains: 'padding'; resize: true } } {
  const width = options.width ?? 'container';
  return { width, height: options.height ?? defaultHeight, ...(width === 'container' ? { autosize: { type: 'fit-x', contains: 'padding', resize: true } } : {}) };
}
