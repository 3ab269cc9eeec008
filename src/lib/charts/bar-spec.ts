/**
 * A metric each run logged once (a final test score): a horizontal bar per run, reading
 * `BarRow`s from dataset `bars`, in the runs' own colours (their `style`, as in line charts),
 * in the order the rows give (`order`: best first), each labelled with its value. Bars start at
 * zero, as bar lengths must. The `highlight` parameter fades the other runs; the height follows
 * the number of bars (`barsHeight`).
 */
import type { TopLevelSpec } from 'vega-lite';
import { highlightOpacity, PAINT, styleEncodings } from './line-spec.ts';
import type { RowStyle } from './series.ts';
import { DATA, frame, HIGHLIGHT_PARAM, LEGEND_LABELS_PARAM, LEGEND_STYLES_PARAM, NUMBER_FORMAT, VALUE_FORMAT, VEGA_LITE_SCHEMA, Y_DOMAIN_PARAM, type FrameOptions, type Layer } from './spec-frame.ts';
import { styleIndex, themeConfig } from './theme.ts';

export interface BarRow extends RowStyle {
  run: string;
  value: number;
  /** Position from the top. */
  order: number;
}

export interface BarChartOptions extends Omit<FrameOptions, 'height'> {
  metric: string;
  /** The title (default: the metric; `null` leaves it to the page). */
  title?: string | null;
  /** How many bars, for the height (a page sets it at run time with `barsHeight`). */
  bars?: number;
}

/** Bar rows of runs' values, best first in `direction` (ties: the order given). */
export function barRows(values: readonly { run: string; value: number; style: number }[], direction: 'asc' | 'desc'): BarRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return values
    .map((v, i) => ({ ...v, i }))
    .sort((a, b) => sign * (a.value - b.value) || a.i - b.i)
    .map(({ run, value, style }, order) => ({ run, value, order, style: styleIndex(style) }));
}

/** Pixels per bar. */
export const BAR_STEP = 22;

/** The plot height for `bars` bars (not a discrete step height: Vega-Lite would then warn about the container width). */
export function barsHeight(bars: number): number {
  return Math.max(1, bars) * BAR_STEP;
}

export function barChartSpec(options: BarChartOptions): TopLevelSpec {
  const { metric, theme = 'light' } = options;
  const { fill } = styleEncodings(theme, false);
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: { field: 'order', op: 'min' as const }, axis: { labelLimit: 160 } };
  // Not stacked: no stack transform in the browser's runtime (runtime.ts), and one bar per run never stacks.
  const x = { field: 'value', type: 'quantitative' as const, title: null, stack: null, axis: { format: NUMBER_FORMAT } };
  const layers: Layer[] = [
    { name: 'bars', transform: [PAINT], mark: { type: 'bar' }, encoding: { x, y, fill, opacity: highlightOpacity(0.3) } },
    {
      name: 'values',
      transform: [{ calculate: `format(datum.value, '${VALUE_FORMAT}')`, as: 'label' }],
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, aria: false },
      encoding: { x, y, text: { field: 'label' }, opacity: highlightOpacity(0.3) },
    },
  ];
  const title = options.title === undefined ? metric : options.title;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Bar chart of ${metric}, one bar per run`,
    ...(title === null ? {} : { title: { text: title } }),
    data: { name: DATA.bars },
    // The parameters of line charts, so pages set them alike: here bars always start at zero and the run names are the axis labels.
    params: [
      { name: HIGHLIGHT_PARAM, value: '' },
      { name: Y_DOMAIN_PARAM, value: null },
      { name: LEGEND_STYLES_PARAM, value: [] },
      { name: LEGEND_LABELS_PARAM, value: {} },
    ],
    ...frame({ ...(options.width !== undefined ? { width: options.width } : {}) }, barsHeight(options.bars ?? 1)),
    // Room on the right for the longest bar's value label.
    padding: { left: 5, top: 5, bottom: 5, right: 64 },
    layer: layers,
    config: themeConfig(theme),
  };
}
