/**
 * The metric history line chart: one metric, one or many runs overlaid, reading `SeriesRow`s
 * from dataset `series`, `MarkerRow`s from `markers` and `BandRow`s from `bands` (series.ts,
 * groups.ts).
 *
 * - A line per run in the colour and dash of its style index (styleEncodings: a run looks the
 *   same on every page), its name in the legend; series of at most `DOTS_UP_TO` points also get
 *   dots, so a single logged value is visible.
 * - A group of runs is a line (its mean) over a band (± std or min–max) in the group's colour.
 * - x: step (integer ticks only: a 5-step run has no tick at 2.5), wall time (UTC, so
 *   build-time SVGs do not depend on the machine's zone) or seconds since the run started; y:
 *   linear or log. A log scale cannot show values ≤ 0: they are dropped and a note in the corner
 *   says how many. Numbers on axes and in the hover box use d3-format specifiers that trim
 *   trailing zeros (`15,936`, not `15,936.000000`).
 * - Parameters the page sets at run time: `highlight` (a run label: the others fade, for legend
 *   and table-row hover), `ydomain` (`[lo, hi]` fixes the y range and clips, e.g. to ignore
 *   outliers; null lets the data decide) and the legend's entries (legendParams). Static SVGs
 *   bake them in.
 * - NaN / ±∞ values are marked with glyphs along the top edge, where they were logged.
 * - Interactive variants add the hover layers of line-hover.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { hoverLayers } from './line-hover.ts';
import { DATA, frame, HIGHLIGHT_PARAM, LEGEND_LABELS_PARAM, LEGEND_STYLES_PARAM, NUMBER_FORMAT, STEP_FORMAT, VEGA_LITE_SCHEMA, Y_DOMAIN_PARAM, type FrameOptions, type Layer } from './spec-frame.ts';
import { styleRanges, THEMES, themeConfig, type Theme } from './theme.ts';

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
  /** Fix the y range and clip lines outside it, e.g. to keep a spike or a diverged run from flattening the rest. */
  yDomain?: [number, number];
  /** The legend's entries baked in (static SVGs); interactive charts set the parameters at run time. */
  legendStyles?: { styles: number[]; labels: Record<string, string> };
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
  if (x === 'time') return { field: x, type: 'temporal' as const, title: X_TITLES[x], scale: { type: 'utc' as const } };
  const axis = x === 'step' ? { format: STEP_FORMAT, tickMinStep: 1 } : { format: NUMBER_FORMAT };
  return { field: x, type: 'quantitative' as const, title: X_TITLES[x], scale: { zero: false, nice: false }, axis };
}

/**
 * Colour and dash by the rows' `style`, through scales over every style index (theme.ts
 * `styleRanges`), so style i is the same colour and dash in every chart whichever runs it holds.
 * The legend lists the styles of `legend_styles` (in that order) labelled by `legend_labels`
 * (style → run label): parameters the page sets, or the SVG builder bakes in (legendParams).
 * `fill` paints the layers that are not lines (dots, bands, glyphs, hover, bars) from the same
 * index under another name (`paint`, added by PAINT), on a scale without a legend: on the same
 * field Vega-Lite would merge that (disabled) legend with the lines' one, and a second `color`
 * channel would change the legend (its marks' opacity) so it no longer merges with the dash
 * legend into one.
 */
export function styleEncodings(theme: Theme, legend: boolean) {
  const { colors, dashes } = styleRanges(theme);
  const domain = colors.map((_, i) => i);
  const legendSpec = legend
    ? {
        orient: 'bottom' as const,
        columns: 2,
        symbolType: 'stroke' as const,
        symbolStrokeWidth: 2,
        // No title: a chart whose page draws its own legend then shows nothing at all.
        title: null,
        values: { expr: LEGEND_STYLES_PARAM },
        labelExpr: `${LEGEND_LABELS_PARAM}[datum.value]`,
      }
    : null;
  return {
    color: { field: 'style', type: 'ordinal' as const, title: 'run', scale: { domain, range: colors }, legend: legendSpec },
    strokeDash: { field: 'style', type: 'ordinal' as const, title: 'run', scale: { domain, range: dashes }, legend: legendSpec },
    fill: { field: 'paint', type: 'ordinal' as const, scale: { domain, range: colors }, legend: null },
  };
}

/** The transform every layer painted with `styleEncodings().fill` starts with. */
export const PAINT = { calculate: 'datum.style', as: 'paint' };

/** What a chart's legend lists: each run's style (in drawing order) and label. */
export function legendParams(rows: readonly { run: string; style: number }[]): { styles: number[]; labels: Record<string, string> } {
  const labels: Record<string, string> = {};
  const styles: number[] = [];
  for (const row of rows) {
    if (Object.hasOwn(labels, String(row.style))) continue;
    labels[String(row.style)] = row.run;
    styles.push(row.style);
  }
  return { styles, labels };
}

/** Faded unless no run is highlighted or this is the one. */
export function highlightOpacity(faded: number, full = 1) {
  return { condition: { test: `${HIGHLIGHT_PARAM} !== '' && datum.run !== ${HIGHLIGHT_PARAM}`, value: faded }, value: full };
}

export function lineChartSpec(options: LineChartOptions): TopLevelSpec {
  const { metric, x = 'step', y = 'linear', theme = 'light', legend = true, interactive = true } = options;
  const xEnc = xEncoding(x);
  const yEnc = {
    field: 'value',
    type: 'quantitative' as const,
    title: null,
    scale: { ...(y === 'log' ? { type: 'log' as const } : { zero: false }), domainRaw: { expr: Y_DOMAIN_PARAM } },
    axis: { format: NUMBER_FORMAT },
  };
  const { color, strokeDash, fill } = styleEncodings(theme, legend);
  const positive = y === 'log' ? [{ filter: 'datum.value > 0' }] : [];
  const layers: Layer[] = [
    bandLayer(xEnc, yEnc, fill, y),
    {
      name: 'lines',
      transform: positive,
      mark: { type: 'line', clip: true },
      // A selection bound to the legend, only so that Vega makes the legend's items respond to the
      // pointer: the page reads which run is pointed at (use-chart-view.ts) and sets `highlight`.
      ...(legend ? { params: [{ name: 'legend_hover', select: { type: 'point' as const, fields: ['style'], on: 'pointerover', clear: 'pointerout' }, bind: { legend: 'pointerover' } }] } : {}),
      encoding: {
        x: xEnc,
        y: yEnc,
        color,
        strokeDash,
        // Screen readers (and tests) name a line by its run, not by its style index.
        description: { field: 'run', type: 'nominal' },
        // Not `opacity`: Vega-Lite would copy it into the colour legend only, which then no longer merges with the dash legend.
        strokeOpacity: highlightOpacity(0.15),
        strokeWidth: { condition: { test: `datum.run === ${HIGHLIGHT_PARAM}`, value: 2.5 }, value: 1.5 },
      },
    },
    {
      name: 'dots',
      transform: [...positive, PAINT, { joinaggregate: [{ op: 'count', as: 'points' }], groupby: ['run'] }, { filter: `datum.points <= ${DOTS_UP_TO}` }],
      mark: { type: 'point', filled: true, size: 18, opacity: 1, aria: false, clip: true },
      encoding: { x: xEnc, y: yEnc, fill, fillOpacity: highlightOpacity(0.15) },
    },
    markerLayer(xEnc, fill),
    ...(interactive ? hoverLayers({ x, xEnc, yEnc, fill, positive: [...positive, PAINT], bg: THEMES[theme].bg }) : []),
  ];
  if (y === 'log') layers.push(logNote());
  const title = options.title === undefined ? metric : options.title;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Line chart of ${metric} by ${X_TITLES[x]}`,
    ...(title === null ? {} : { title: { text: title } }),
    data: { name: DATA.series },
    params: [
      { name: HIGHLIGHT_PARAM, value: '' },
      { name: Y_DOMAIN_PARAM, value: options.yDomain ?? null },
      { name: LEGEND_STYLES_PARAM, value: options.legendStyles?.styles ?? [] },
      { name: LEGEND_LABELS_PARAM, value: options.legendStyles?.labels ?? {} },
    ],
    ...frame(options, 240),
    layer: layers,
    config: themeConfig(theme),
  };
}

/** A group's spread (± std or min–max) as a band behind its mean line, in the group's colour. */
function bandLayer(xEnc: object, yEnc: object, fill: object, y: YScale): Layer {
  return {
    name: 'bands',
    data: { name: DATA.bands },
    transform: [...(y === 'log' ? [{ filter: 'datum.lo > 0' }] : []), PAINT],
    mark: { type: 'area', clip: true, aria: false },
    encoding: {
      x: xEnc,
      y: { ...yEnc, field: 'lo' },
      y2: { field: 'hi' },
      fill,
      fillOpacity: highlightOpacity(0.04, 0.2),
    },
  } as Layer;
}

/** NaN / ±∞ glyphs along the top edge, at the x where they were logged, in the run's color. */
function markerLayer(xEnc: object, fill: object): Layer {
  return {
    name: 'nonfinite',
    data: { name: DATA.markers },
    transform: [{ calculate: "datum.kind === 'nan' ? 'NaN' : datum.kind === 'inf' ? '+∞' : '−∞'", as: 'glyph' }, PAINT],
    mark: { type: 'text', baseline: 'top', fontSize: 9 },
    encoding: {
      x: xEnc,
      y: { value: 2 },
      text: { field: 'glyph' },
      fill,
      tooltip: [{ field: 'run' }, { field: 'step', format: STEP_FORMAT }, { field: 'glyph', title: 'value' }],
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
