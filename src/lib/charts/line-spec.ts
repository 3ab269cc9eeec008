/**
 * The metric history line chart: one metric, one or many runs overlaid, reading `SeriesRow`s
 * from dataset `series` and `MarkerRow`s from `markers` (series.ts).
 *
 * - A line per run, colored by run with the run names in the legend; series of at most
 *   `DOTS_UP_TO` points also get dots, so a single logged value is visible.
 * - x: step, wall time (UTC, so build-time SVGs do not depend on the machine's zone) or
 *   seconds since the run started; y: linear or log. A log scale cannot show values ≤ 0: they
 *   are dropped and a note in the corner says how many.
 * - NaN / ±∞ values are marked with glyphs along the top edge, where they were logged.
 * - Interactive variants add the hover layers of line-hover.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { hoverLayers } from './line-hover.ts';
import { DATA, frame, VEGA_LITE_SCHEMA, type FrameOptions, type Layer } from './spec-frame.ts';
import { THEMES, themeConfig, type Theme } from './theme.ts';

export type XAxis = 'step' | 'time' | 'rel';
export type YScale = 'linear' | 'log';

/** The variants a line chart is compiled in (lineVariantKey): browser-safe lists. */
export const THEME_NAMES: readonly Theme[] = ['light', 'dark'];
export const X_AXES: readonly XAxis[] = ['step', 'time', 'rel'];
export const Y_SCALES: readonly YScale[] = ['linear', 'log'];

export interface LineChartOptions extends FrameOptions {
  /** The metric key, shown as the title (pass `title: null` to leave it to the page). */
  metric: string;
  title?: string | null;
  x?: XAxis;
  y?: YScale;
  /** Show the run legend (default true). */
  legend?: boolean;
  /** Add the hover rule and values box (default true; static SVGs leave them out). */
  interactive?: boolean;
  /** Fix the y range (linear scale) and clip lines outside it, e.g. to keep a diverged run from flattening the rest. */
  yDomain?: [number, number];
}

/** Series with at most this many points also get dots (MLflow's MARKER_DISPLAY_THRESHOLD, RunsMetricsLinePlot.tsx). */
export const DOTS_UP_TO = 60;

export const X_TITLES: Record<XAxis, string> = { step: 'step', time: 'time (UTC)', rel: 'relative time (s)' };

/** Key of a line chart variant, for maps of compiled specs. */
export function lineVariantKey(theme: Theme, x: XAxis, y: YScale): string {
  return `${theme}/${x}/${y}`;
}

/** The x encoding of an axis choice; its field is the axis name (`step`, `time`, `rel`). */
function xEncoding(x: XAxis) {
  return x === 'time'
    ? { field: x, type: 'temporal' as const, title: X_TITLES[x], scale: { type: 'utc' as const } }
    : { field: x, type: 'quantitative' as const, title: X_TITLES[x], scale: { zero: false, nice: false } };
}

export function lineChartSpec(options: LineChartOptions): TopLevelSpec {
  const { metric, x = 'step', y = 'linear', theme = 'light', legend = true, interactive = true } = options;
  const xEnc = xEncoding(x);
  const clip = options.yDomain !== undefined && y === 'linear';
  const yEnc = {
    field: 'value',
    type: 'quantitative' as const,
    title: null,
    scale: y === 'log' ? { type: 'log' as const } : clip ? { zero: false, domain: options.yDomain, nice: true } : { zero: false },
  };
  const color = { field: 'run', type: 'nominal' as const, title: 'run', legend: legend ? { orient: 'bottom' as const, columns: 2 } : null };
  const positive = y === 'log' ? [{ filter: 'datum.value > 0' }] : [];
  const layers: Layer[] = [
    { name: 'lines', transform: positive, mark: { type: 'line', strokeWidth: 1.5, clip }, encoding: { x: xEnc, y: yEnc, color } },
    {
      name: 'dots',
      transform: [...positive, { joinaggregate: [{ op: 'count', as: 'points' }], groupby: ['run'] }, { filter: `datum.points <= ${DOTS_UP_TO}` }],
      mark: { type: 'point', filled: true, size: 18, opacity: 1, aria: false, clip },
      encoding: { x: xEnc, y: yEnc, color },
    },
    markerLayer(xEnc, color),
    ...(interactive ? hoverLayers({ x, xEnc, yEnc, color, positive, bg: THEMES[theme].bg }) : []),
  ];
  if (y === 'log') layers.push(logNote());
  const title = options.title === undefined ? metric : options.title;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Line chart of ${metric} by ${X_TITLES[x]}`,
    ...(title === null ? {} : { title: { text: title } }),
    data: { name: DATA.series },
    ...frame(options, 240),
    layer: layers,
    config: themeConfig(theme),
  };
}

/** NaN / ±∞ glyphs along the top edge, at the x where they were logged, in the run's color. */
function markerLayer(xEnc: object, color: object): Layer {
  return {
    name: 'nonfinite',
    data: { name: DATA.markers },
    transform: [{ calculate: "datum.kind === 'nan' ? 'NaN' : datum.kind === 'inf' ? '+∞' : '−∞'", as: 'glyph' }],
    mark: { type: 'text', baseline: 'top', fontSize: 9 },
    encoding: {
      x: xEnc,
      y: { value: 2 },
      text: { field: 'glyph' },
      color,
      tooltip: [{ field: 'run' }, { field: 'step' }, { field: 'glyph', title: 'value' }],
    },
  } as Layer;
}

/** "n values ≤ 0 not shown (log scale)" in the bottom-right corner, only when there are some. */
function logNote(): Layer {
  return {
    name: 'log_note',
    transform: [
      { filter: 'datum.value <= 0' },
      { aggregate: [{ op: 'count', as: 'hidden' }] },
      { filter: 'datum.hidden > 0' },
      { calculate: "datum.hidden + (datum.hidden === 1 ? ' value' : ' values') + ' ≤ 0 not shown (log scale)'", as: 'note' },
    ],
    mark: { type: 'text', align: 'right', baseline: 'bottom', fontSize: 10, dy: -4 },
    encoding: { x: { value: 'width' }, y: { value: 'height' }, text: { field: 'note' } },
  } as Layer;
}
