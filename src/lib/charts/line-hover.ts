/**
 * The line chart's hover: a dashed rule at the x nearest to the pointer, each run's point nearest
 * to that x highlighted, and a box listing every run's value there (highest first), drawn in
 * the half of the plot away from the rule so it never hides the points it describes.
 *
 * The `hover` parameter is a point selection on the x field. It picks the nearest x in one
 * dimension, like MLflow's scanline tooltip, using invisible bands, one per distinct x, that
 * reach halfway to the neighbouring x values: the pointer is always over the band of the
 * nearest x. (Vega-Lite's `nearest: true` would need a Voronoi diagram, which measures distance
 * in x *and* y and costs the browser runtime ~7 KB gzipped more.) Runs whose x values differ
 * (downsampling, wall time) still each show their point nearest to the hovered x.
 */
import { NUMBER_FORMAT, STEP_FORMAT, VALUE_FORMAT, type Layer } from './spec-frame.ts';
import type { XAxis } from './line-spec.ts';

export interface HoverParts {
  x: XAxis;
  xEnc: object;
  yEnc: object;
  /** The runs' colours as fills (line-spec.ts `runEncodings().paint`). */
  fill: object;
  /** Transforms every series layer starts with (the log scale's filter, line-spec.ts PAINT). */
  positive: object[];
  /** Background of the values box. */
  bg: string;
}

export const HOVER_PARAM = 'hover';

export function hoverLayers(parts: HoverParts): Layer[] {
  const { x, xEnc, yEnc, fill, positive } = parts;
  const field = JSON.stringify(x);
  const selected = `${HOVER_PARAM}[${field}]`;
  // Each run's point nearest to the hovered x (ties: the smaller x).
  const nearest = [
    ...positive,
    { calculate: `${selected} ? abs(datum[${field}] - ${selected}[0]) : null`, as: 'distance' },
    { filter: 'isValid(datum.distance)' },
    { window: [{ op: 'row_number', as: 'rank' }], groupby: ['run'], sort: [{ field: 'distance' }, { field: x }] },
    { filter: 'datum.rank === 1' },
  ];
  return [
    {
      name: 'hover_bands',
      transform: [
        ...positive,
        { aggregate: [{ op: 'count', as: 'points' }], groupby: [x] },
        { window: [{ op: 'lag', field: x, as: 'previous' }, { op: 'lead', field: x, as: 'next' }], sort: [{ field: x }] },
        { calculate: `isValid(datum.previous) ? (datum.previous + datum[${field}]) / 2 : datum[${field}]`, as: 'bandStart' },
        { calculate: `isValid(datum.next) ? (datum.next + datum[${field}]) / 2 : datum[${field}]`, as: 'bandEnd' },
      ],
      mark: { type: 'rect', opacity: 0, aria: false },
      params: [
        { name: HOVER_PARAM, select: { type: 'point', fields: [x], on: 'pointermove', clear: 'pointerout', toggle: false } },
      ],
      encoding: { x: { ...xEnc, field: 'bandStart' }, x2: { field: 'bandEnd' }, y: { value: 0 }, y2: { value: 'height' } },
    },
    {
      name: 'hover_rule',
      transform: [...positive, { filter: { param: HOVER_PARAM, empty: false } }, { aggregate: [{ op: 'count', as: 'runs' }], groupby: [x] }],
      mark: { type: 'rule', strokeDash: [3, 3], aria: false },
      encoding: { x: xEnc },
    },
    ...valuesBox(nearest, x, parts.bg, fill),
    { name: 'hover_points', transform: nearest, mark: { type: 'point', filled: true, size: 50, stroke: parts.bg, strokeWidth: 1, aria: false }, encoding: { x: xEnc, y: yEnc, fill } },
  ] as Layer[];
}

/** Header (the hovered x) and one "run: value" line per run, on a translucent background. */
function valuesBox(nearest: object[], x: XAxis, bg: string, fill: object): Layer[] {
  // The header shows the hovered x itself; each run's nearest point may lie beside it.
  const hovered = `${HOVER_PARAM}[${JSON.stringify(x)}][0]`;
  const xText = x === 'time' ? `utcFormat(${hovered}, '%Y-%m-%d %H:%M:%S')` : `format(${hovered}, '${x === 'step' ? STEP_FORMAT : NUMBER_FORMAT}')`;
  const header = x === 'step' ? `'step ' + ${xText}` : x === 'rel' ? `${xText} + ' s'` : xText;
  const lines = [
    ...nearest,
    { calculate: `datum.run + ': ' + format(datum.value, '${VALUE_FORMAT}')`, as: 'label' },
    { window: [{ op: 'row_number', as: 'line' }], sort: [{ field: 'value', order: 'descending' }, { field: 'run' }] },
    // Text is not measured in a transform; ~6.2 px per character of an 11 px sans-serif font.
    { calculate: 'length(datum.label) * 6.2 + 12', as: 'labelWidth' },
    { joinaggregate: [{ op: 'count', as: 'lines' }, { op: 'max', field: 'labelWidth', as: 'boxWidth' }] },
    { calculate: `scale('x', ${hovered}) < width / 2 ? width - 4 - datum.boxWidth : 4`, as: 'left' },
  ];
  const left = { field: 'left', type: 'quantitative', scale: null };
  return [
    {
      transform: [...lines, { filter: 'datum.line === 1' }, { calculate: header, as: 'header' }],
      layer: [
        {
          name: 'hover_box',
          transform: [
            { calculate: 'datum.left + datum.boxWidth', as: 'right' },
            { calculate: '2', as: 'top' },
            { calculate: '8 + 14 * (datum.lines + 1)', as: 'bottom' },
          ],
          mark: { type: 'rect', fill: bg, opacity: 0.88, cornerRadius: 3, aria: false },
          encoding: { x: left, x2: { field: 'right' }, y: { field: 'top', type: 'quantitative', scale: null }, y2: { field: 'bottom' } },
        },
        {
          name: 'hover_header',
          mark: { type: 'text', baseline: 'top', align: 'left', fontWeight: 600, dx: 6, aria: false },
          encoding: { x: left, y: { value: 8 }, text: { field: 'header' } },
        },
      ],
    },
    {
      name: 'hover_values',
      transform: [...lines, { calculate: '8 + 14 * datum.line', as: 'top' }],
      mark: { type: 'text', baseline: 'top', align: 'left', dx: 6, aria: false },
      encoding: {
        x: left,
        y: { field: 'top', type: 'quantitative', scale: null },
        text: { field: 'label' },
        fill,
        order: { field: 'line', type: 'quantitative' },
      },
    },
  ] as Layer[];
}
