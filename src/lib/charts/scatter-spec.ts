/**
 * Scatter plot of one param or metric against another, a dot per run, reading `ScatterRow`s from
 * dataset `scatter`. Each axis is numeric or categorical (`axisType` decides from the values),
 * a numeric one logarithmic when its values span decades (outliers.ts `autoLogScale`).
 */
import type { TopLevelSpec } from 'vega-lite';
import { numericValue } from './parallel.ts';
import { DATA, frame, VEGA_LITE_SCHEMA, type FrameOptions } from './spec-frame.ts';
import { THEMES, themeConfig } from './theme.ts';

export type AxisType = 'quantitative' | 'nominal';

export interface ScatterAxis {
  /** The param or metric key, shown as the axis title. */
  title: string;
  /** Numbers on a linear axis, or categories in code-unit order. */
  type: AxisType;
  /** Numbers on a log axis (outliers.ts `autoLogScale`, as line charts decide): a learning rate swept from 1e-4 to 0.1 spreads out instead of piling up at 0. */
  log?: boolean;
}

/** One run in a scatter plot; numbers on a quantitative axis, strings on a nominal one. */
export interface ScatterRow {
  run: string;
  x: number | string;
  y: number | string;
}

export interface ScatterOptions extends FrameOptions {
  x: ScatterAxis;
  y: ScatterAxis;
}

/** Quantitative when every value spells a finite number (params are strings), else nominal. */
export function axisType(values: readonly (string | number)[]): AxisType {
  return values.length > 0 && values.every((v) => numericValue(v) !== undefined) ? 'quantitative' : 'nominal';
}

/** A value as its axis wants it: a number on a quantitative axis, the text on a nominal one. */
export function axisValue(value: string | number, type: AxisType): string | number {
  return type === 'quantitative' ? (numericValue(value) ?? NaN) : String(value);
}

export function scatterSpec(options: ScatterOptions): TopLevelSpec {
  const theme = options.theme ?? 'light';
  const axis = (channel: 'x' | 'y', a: ScatterAxis) =>
    a.type === 'quantitative'
      ? { field: channel, type: 'quantitative' as const, title: a.title, scale: a.log ? { type: 'log' as const } : { zero: false } }
      : { field: channel, type: 'nominal' as const, title: a.title, sort: 'ascending' as const };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of ${options.y.title} against ${options.x.title}`,
    data: { name: DATA.scatter },
    ...frame(options, 280),
    name: 'points',
    mark: { type: 'point', filled: true, size: 48, opacity: 0.85, color: THEMES[theme].runs[0] },
    encoding: {
      x: axis('x', options.x),
      y: axis('y', options.y),
      tooltip: [
        { field: 'run', type: 'nominal' },
        { field: 'x', type: options.x.type, title: options.x.title },
        { field: 'y', type: options.y.type, title: options.y.title },
      ],
    },
    config: themeConfig(theme),
  };
}
