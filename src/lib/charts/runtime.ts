/**
 * The browser's Vega runtime, as small as the charts allow: the `View` and only the dataflow
 * transforms that the runtime specs of compile.ts contain (test/lib/charts/runtime.test.ts
 * parses every spec variant and checks each operator type against `REGISTERED_TRANSFORMS`).
 *
 * Not imported here, on purpose: `vega` and `vega-embed` (every transform: `vega` alone bundles
 * to 193 KB gzipped), `vega-lite`, and `vega-parser` (specs are compiled and parsed at build
 * time by compile.ts). Bundled alone (esbuild --bundle --minify --format=esm, gzip -9) this module
 * is 125 KB; importing `parse` from vega-parser as well would make it 146 KB.
 *
 * Importing the module registers the transforms (in vega-dataflow's shared registry, which is
 * what `View` reads); nothing touches the DOM until `mountChart` is called, so svg.ts uses the
 * same runtime in Node.
 */
import type { Runtime, View as ViewType } from 'vega';
import { transforms } from 'vega-dataflow';
import { axisticks, datajoin, encode, legendentries, scale, sortitems } from 'vega-encode';
import {
  aggregate,
  collect,
  extent,
  facet,
  filter,
  formula,
  joinaggregate,
  multiextent,
  prefacet,
  proxy,
  relay,
  sieve,
  values,
  window,
} from 'vega-transforms';
import { View } from 'vega-view';
import { bound, mark, overlap, render, viewlayout } from 'vega-view-transforms';

export type { Runtime as RuntimeSpec } from 'vega';

const REGISTRY: Record<string, unknown> = {
  aggregate,
  axisticks,
  bound,
  collect,
  datajoin,
  encode,
  extent,
  facet,
  filter,
  formula,
  joinaggregate,
  legendentries,
  mark,
  multiextent,
  overlap,
  prefacet,
  proxy,
  relay,
  render,
  scale,
  sieve,
  sortitems,
  values,
  viewlayout,
  window,
};
Object.assign(transforms, REGISTRY);

/** Transform types a runtime spec may use, in code-unit order. */
export const REGISTERED_TRANSFORMS: readonly string[] = Object.keys(REGISTRY).sort();

export interface MountOptions {
  /** `svg` (default: crisp, text stays text) or `canvas`. */
  renderer?: 'svg' | 'canvas';
  /** Datasets by name (see `DATA` in specs.ts). */
  data: Record<string, readonly object[]>;
  /** Chart background; `null` lets the page's background show through. */
  background?: string | null;
}

/**
 * A View of a runtime spec. The View rewrites the spec's `eventConfig` in place, so it gets its
 * own copy: one fetched (or cached) spec can serve every chart of a page, one after another.
 */
export function createView(spec: Runtime, options: ConstructorParameters<typeof View>[1] = {}): ViewType {
  const own = spec.eventConfig === undefined ? spec : { ...spec, eventConfig: structuredClone(spec.eventConfig) };
  return new View(own, options);
}

/** Renders a runtime spec into `element` and resolves once drawn; call `view.finalize()` to dispose. */
export async function mountChart(element: HTMLElement, spec: Runtime, options: MountOptions): Promise<ViewType> {
  const view = createView(spec, { renderer: options.renderer ?? 'svg', container: element });
  for (const [name, rows] of Object.entries(options.data)) view.data(name, rows as object[]);
  if (options.background !== undefined) view.background(options.background ?? 'transparent');
  await view.runAsync();
  return view;
}
