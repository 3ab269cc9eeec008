/** Shared by the chart tests: series rows made to order, and counting the marks in a rendered SVG. */
import { load } from 'cheerio';
import { chartRows, type ChartRows } from '../../../src/lib/charts/series.ts';
import type { MetricValue } from '../../../src/lib/model.ts';

export const T0 = 1_700_000_000_000;

/** Rows of runs whose histories are given as value lists (step i logged at T0 + i s); run k gets style k. */
export function rowsOf(runs: Record<string, readonly MetricValue[]>, metric = 'train/loss'): ChartRows {
  return chartRows(
    Object.entries(runs).map(([run, values], style) => ({
      run,
      metric,
      style,
      start: T0,
      points: values.map((value, i) => ({ step: i, timestamp: T0 + i * 1000, value })),
    })),
  );
}

/** A smooth decreasing series of n positive values. */
export function decay(n: number, scale = 1): number[] {
  return Array.from({ length: n }, (_, i) => scale * Math.exp(-i / 20) + 0.01);
}

/** The parsed SVG (XML mode: nothing is interpreted as HTML). */
export function parseSvg(svg: string) {
  return load(svg, { xml: true });
}

/**
 * The items drawn by a named mark (`name` in the spec → Vega's `<name>_marks` group); lines are
 * one `<g>` per series, so count `path`s inside them.
 */
export function items(svg: string, name: string): string[] {
  const $ = parseSvg(svg);
  return $(`g.${name}_marks`)
    .children('path, line, text, rect, circle')
    .map((_, el) => $(el).text() || $(el).attr('d') || '')
    .get();
}
