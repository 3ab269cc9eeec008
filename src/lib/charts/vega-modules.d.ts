/**
 * Types for the Vega sub-packages the chart runtime imports directly (they ship no typings of
 * their own; the `vega` package's typings describe the same classes and functions).
 */
declare module 'vega-view' {
  export { View } from 'vega';
}

declare module 'vega-parser' {
  export { parse } from 'vega';
}

declare module 'vega-scenegraph' {
  export { resetSVGDefIds } from 'vega';
}

declare module 'vega-dataflow' {
  /** The registry the runtime looks transform types up in, by lower-case name. */
  export const transforms: Record<string, unknown>;
}

declare module 'vega-transforms' {
  export const aggregate: unknown, collect: unknown, compare: unknown, extent: unknown, facet: unknown, field: unknown,
    filter: unknown, formula: unknown, joinaggregate: unknown, key: unknown, multiextent: unknown, params: unknown,
    prefacet: unknown, proxy: unknown, relay: unknown, sieve: unknown, tupleindex: unknown, values: unknown,
    window: unknown;
}

declare module 'vega-view-transforms' {
  export const bound: unknown, identifier: unknown, mark: unknown, overlap: unknown, render: unknown, viewlayout: unknown;
}

declare module 'vega-encode' {
  export const axisticks: unknown, datajoin: unknown, encode: unknown, legendentries: unknown, linkpath: unknown,
    pie: unknown, scale: unknown, sortitems: unknown, stack: unknown;
}
