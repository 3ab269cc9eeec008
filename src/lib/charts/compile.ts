/**
 * Build-time compilation (Node only): Vega-Lite spec → Vega spec → Vega runtime dataflow.
 *
 * Browsers receive the last form, the JSON dataflow description that Vega's parser produces
 * (`vega-parser` `parse`), so they load neither vega-lite nor the parser: runtime.ts is only the
 * View and the transforms these specs use (125 KB gzipped, 146 KB with the parser). A runtime
 * spec is bigger than the Vega spec it comes from (a line chart: ~72 KB, 9 KB gzipped, against
 * 12 KB and 3 KB), so write each variant to its own file and let the island fetch the one it shows.
 *
 * A Vega-Lite warning means a spec builder bug (the specs do not depend on data), so it throws.
 */
import { parse } from 'vega-parser';
import type { Runtime, Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { lineChartSpec, lineVariantKey, THEME_NAMES, X_AXES, Y_SCALES, type LineChartOptions } from './line-spec.ts';

export type { Runtime as RuntimeSpec, Spec as VegaSpec } from 'vega';

/** Vega-Lite → Vega; throws on any Vega-Lite warning or error. */
export function toVega(spec: TopLevelSpec): VegaSpec {
  const problems: string[] = [];
  const record = (...args: unknown[]) => {
    problems.push(args.map(String).join(' '));
    return logger;
  };
  const logger = { level: () => logger, warn: record, error: record, info: () => logger, debug: () => logger };
  const { spec: vega } = compile(spec, { logger: logger as never });
  if (problems.length > 0) throw new Error(`Vega-Lite could not compile chart "${describe(spec)}": ${problems.join('; ')}`);
  return vega as VegaSpec;
}

/** Vega-Lite (or Vega) → the JSON dataflow a `View` from runtime.ts runs. */
export function toRuntime(spec: TopLevelSpec | VegaSpec): Runtime {
  const vega = isVegaLite(spec) ? toVega(spec) : spec;
  // A JSON round trip: the result must be exactly what a browser gets from a data file.
  return JSON.parse(JSON.stringify(parse(vega))) as Runtime;
}

export { THEME_NAMES, X_AXES, Y_SCALES } from './line-spec.ts';

/**
 * Every line chart variant the island can switch to (theme × x axis × y scale), keyed by
 * `lineVariantKey`, compiled to runtime specs.
 */
export function lineChartVariants(base: Omit<LineChartOptions, 'theme' | 'x' | 'y'>): Record<string, Runtime> {
  const out: Record<string, Runtime> = {};
  for (const theme of THEME_NAMES) {
    for (const x of X_AXES) {
      for (const y of Y_SCALES) out[lineVariantKey(theme, x, y)] = toRuntime(lineChartSpec({ ...base, theme, x, y }));
    }
  }
  return out;
}

function isVegaLite(spec: TopLevelSpec | VegaSpec): spec is TopLevelSpec {
  return typeof spec.$schema === 'string' ? spec.$schema.includes('vega-lite') : !('marks' in spec || 'signals' in spec);
}

function describe(spec: TopLevelSpec): string {
  return typeof spec.description === 'string' ? spec.description : 'untitled';
}
