/**
 * The chart spec builders, in one place: each returns a Vega-Lite `TopLevelSpec` that reads
 * named datasets (spec-frame.ts `DATA`), so one compiled spec serves every run and the data is
 * inserted at render time.
 *
 * - `lineChartSpec` (line-spec.ts): one metric's history, one or many runs (or groups of runs).
 * - `barChartSpec` (bar-spec.ts): a metric each run logged once, a bar per run.
 * - `parallelSpec` + `parallelData` (parallel.ts): params → metric for many runs.
 * - `scatterSpec` (scatter-spec.ts): one param or metric against another.
 *
 * Text from the store (metric keys, run names, param values) lands in titles, legends and
 * labels. Vega escapes it when it renders SVG (tested in svg.test.ts); whoever inlines a spec's
 * JSON in HTML must escape it for that context (`<` in a `<script>` block).
 */
export { DATA, type FrameOptions } from './spec-frame.ts';
export { barChartSpec, barRows, type BarChartOptions, type BarRow } from './bar-spec.ts';
export { DOTS_UP_TO, lineChartSpec, lineVariantKey, X_TITLES, type LineChartOptions, type XAxis, type YScale } from './line-spec.ts';
export { parallelData, parallelSpec, type ParallelData, type ParallelInput, type ParallelOptions, type ParallelRow, type ParallelTick } from './parallel.ts';
export { axisType, axisValue, scatterSpec, type AxisType, type ScatterAxis, type ScatterOptions, type ScatterRow } from './scatter-spec.ts';
export { THEMES, themeConfig, type Theme } from './theme.ts';
