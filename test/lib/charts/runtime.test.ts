import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lineChartVariants, toRuntime, type RuntimeSpec } from '../../../src/lib/charts/compile.ts';
import { createView, REGISTERED_TRANSFORMS } from '../../../src/lib/charts/runtime.ts';
import { barChartSpec, lineChartSpec, parallelSpec, scatterSpec } from '../../../src/lib/charts/specs.ts';

interface Operator {
  type: string;
  params?: { subflow?: { $subflow?: { operators: Operator[] } } };
}

/** Operator types of a runtime spec, facet subflows included. */
function operatorTypes(operators: readonly Operator[], into = new Set<string>()): Set<string> {
  for (const op of operators) {
    into.add(op.type);
    const sub = op.params?.subflow?.$subflow;
    if (sub) operatorTypes(sub.operators, into);
  }
  return into;
}

/** Every spec variant the site can ship. */
function allRuntimeSpecs(): RuntimeSpec[] {
  const axes = ['quantitative', 'nominal'] as const;
  return [
    ...Object.values(lineChartVariants({ metric: 'm' })),
    ...Object.values(lineChartVariants({ metric: 'm', legend: false, width: 300 })),
    toRuntime(lineChartSpec({ metric: 'm', y: 'log', interactive: false, width: 300 })),
    ...(['light', 'dark'] as const).map((theme) => toRuntime(parallelSpec({ metric: 'm', theme }))),
    ...(['light', 'dark'] as const).map((theme) => toRuntime(barChartSpec({ metric: 'm', title: null, theme }))),
    ...axes.flatMap((x) => axes.map((y) => toRuntime(scatterSpec({ x: { title: 'a', type: x }, y: { title: 'b', type: y } })))),
  ];
}

describe('REGISTERED_TRANSFORMS', () => {
  const used = new Set<string>();
  for (const spec of allRuntimeSpecs()) operatorTypes((spec as unknown as { operators: Operator[] }).operators, used);
  // Plain operators (signals, values) need no transform.
  used.delete('operator');

  it('covers every operator type of every compiled spec variant', () => {
    expect([...used].filter((type) => !REGISTERED_TRANSFORMS.includes(type))).toEqual([]);
  });

  it('registers nothing the specs do not use', () => {
    expect(REGISTERED_TRANSFORMS.filter((type) => !used.has(type))).toEqual([]);
  });
});

describe('createView(spec)', () => {
  it('leaves the runtime spec as it was, so one spec can serve several charts', async () => {
    const spec = toRuntime(lineChartSpec({ metric: 'm', width: 300 }));
    const before = JSON.stringify(spec);
    for (let i = 0; i < 2; i++) {
      const view = createView(spec, { renderer: 'none' });
      await view.runAsync();
      view.finalize();
    }
    expect(JSON.stringify(spec)).toBe(before);
  });
});

describe('runtime.ts bundled for the browser', () => {
  it('pulls in neither vega, vega-embed, vega-lite nor the parser, and stays within 130 KB gzipped', async () => {
    const result = await build({
      entryPoints: ['src/lib/charts/runtime.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const packages = new Set(Object.keys(result.metafile.inputs).map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1]).filter(Boolean));
    for (const banned of ['vega', 'vega-embed', 'vega-lite', 'vega-parser']) expect(packages.has(banned)).toBe(false);
    expect(packages.has('vega-view')).toBe(true);
    const gzipped = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(130 * 1024);
  });
});
