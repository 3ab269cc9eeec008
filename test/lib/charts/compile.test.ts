import { describe, expect, it } from 'vitest';
import { lineChartVariants, toRuntime, toVega } from '../../../src/lib/charts/compile.ts';
import { lineChartSpec, lineVariantKey } from '../../../src/lib/charts/specs.ts';
import { renderSvg } from '../../../src/lib/charts/svg.ts';
import { items, rowsOf } from './chart-fixtures.ts';

describe('toRuntime(spec)', () => {
  it('gives the same JSON every time (builds stay byte-identical)', () => {
    const spec = lineChartSpec({ metric: 'loss', x: 'time', y: 'log', theme: 'dark' });
    expect(JSON.stringify(toRuntime(spec))).toBe(JSON.stringify(toRuntime(spec)));
  });

  it('accepts a Vega spec compiled beforehand', async () => {
    const spec = lineChartSpec({ metric: 'loss', width: 300, interactive: false });
    const { rows, markers } = rowsOf({ a: [3, 2, 1] });
    const svg = await renderSvg(toRuntime(toVega(spec)), { series: rows, markers });
    expect(items(svg, 'lines')).toHaveLength(1);
  });
});

describe('lineChartVariants(base)', () => {
  it('compiles every theme × x axis × y scale, keyed by lineVariantKey', () => {
    const variants = lineChartVariants({ metric: 'loss' });
    expect(Object.keys(variants)).toHaveLength(12);
    expect(variants[lineVariantKey('dark', 'rel', 'log')]).toEqual(toRuntime(lineChartSpec({ metric: 'loss', theme: 'dark', x: 'rel', y: 'log' })));
    expect(variants[lineVariantKey('light', 'step', 'linear')]).not.toEqual(variants[lineVariantKey('dark', 'step', 'linear')]);
  });
});
