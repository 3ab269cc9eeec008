import { describe, expect, it } from 'vitest';
import { toRuntime, toVega } from '../../../src/lib/charts/compile.ts';
import { createView } from '../../../src/lib/charts/runtime.ts';
import { DATA, DOTS_UP_TO, lineChartSpec, parallelData, parallelSpec, scatterSpec, type XAxis, type YScale } from '../../../src/lib/charts/specs.ts';
import { renderSvg } from '../../../src/lib/charts/svg.ts';
import { decay, items, parseSvg, rowsOf, T0 } from './chart-fixtures.ts';

const AXES: XAxis[] = ['step', 'time', 'rel'];
const SCALES: YScale[] = ['linear', 'log'];

describe('toVega(spec)', () => {
  it('throws when Vega-Lite warns, naming the chart', () => {
    const bad = { description: 'bad chart', data: { name: 'x' }, mark: 'bar', encoding: { shape: { field: 'a', type: 'nominal' } } } as const;
    expect(() => toVega(bad as never)).toThrow(/Vega-Lite could not compile chart "bad chart": .*shape/);
  });
});

describe('lineChartSpec(options)', () => {
  it('compiles without warnings for every x axis, y scale, theme and interactivity', () => {
    for (const x of AXES) {
      for (const y of SCALES) {
        for (const theme of ['light', 'dark'] as const) {
          for (const interactive of [true, false]) {
            const spec = lineChartSpec({ metric: 'a.b/c d', x, y, theme, interactive });
            expect(spec.data).toEqual({ name: DATA.series });
            expect(() => toVega(spec)).not.toThrow();
          }
        }
      }
    }
  });

  it('draws a line per run, dots on short series only, and a glyph per non-finite value', async () => {
    const { rows, markers } = rowsOf({ short: decay(10), long: decay(DOTS_UP_TO + 1, 2), odd: [1, 'NaN', 0.5, 'Infinity', 0.2, '-Infinity'] });
    for (const x of AXES) {
      const svg = await renderSvg(lineChartSpec({ metric: 'loss', x, width: 500, interactive: false }), { series: rows, markers });
      expect(items(svg, 'lines')).toHaveLength(3);
      expect(items(svg, 'dots')).toHaveLength(10 + 3);
      expect(items(svg, 'nonfinite')).toEqual(['NaN', '+∞', '−∞']);
      const legend = parseSvg(svg)('g.role-legend-label text').map((_, el) => parseSvg(svg)(el).text()).get();
      expect(legend).toEqual(['long', 'odd', 'short']);
    }
  });

  it('drops values ≤ 0 on a log scale and says how many', async () => {
    const { rows, markers } = rowsOf({ a: [1, 0.5, 0, 0.25, -1, 0.1] });
    const linear = await renderSvg(lineChartSpec({ metric: 'm', width: 400, interactive: false }), { series: rows, markers });
    const log = await renderSvg(lineChartSpec({ metric: 'm', y: 'log', width: 400, interactive: false }), { series: rows, markers });
    expect(items(linear, 'dots')).toHaveLength(6);
    expect(items(log, 'dots')).toHaveLength(4);
    expect(items(log, 'log_note')).toEqual(['2 values ≤ 0 not shown (log scale)']);
    const positive = rowsOf({ a: [1, 0.5] });
    const clean = await renderSvg(lineChartSpec({ metric: 'm', y: 'log', width: 400, interactive: false }), { series: positive.rows, markers: [] });
    expect(items(clean, 'log_note')).toEqual([]);
  });

  it('shows the title unless told not to', async () => {
    const { rows } = rowsOf({ a: [1, 2] });
    const titled = await renderSvg(lineChartSpec({ metric: 'val/acc', width: 300, interactive: false }), { series: rows, markers: [] });
    const bare = await renderSvg(lineChartSpec({ metric: 'val/acc', title: null, width: 300, interactive: false }), { series: rows, markers: [] });
    expect(parseSvg(titled)('g.role-title-text text').text()).toBe('val/acc');
    expect(parseSvg(bare)('g.role-title-text text')).toHaveLength(0);
  });

  it("on hover, marks every run's point nearest to the hovered x and lists their values, highest first", async () => {
    // Run b logs every other step, so at step 3 its nearest points are steps 2 and 4 (tie: 2).
    const a = { run: 'a', metric: 'm', step: 0, time: T0, rel: 0, value: 0 };
    const series = [
      ...[0, 1, 2, 3, 4].map((step) => ({ ...a, step, time: T0 + step * 1000, rel: step, value: step / 10 })),
      ...[0, 2, 4].map((step) => ({ ...a, run: 'b', step, time: T0 + step * 1000, rel: step, value: 1 + step })),
    ];
    const cases: [XAxis, number, string][] = [
      ['step', 3, 'step 3'],
      ['rel', 3, '3 s'],
      ['time', T0 + 3000, '2023-11-14 22:13:23'],
    ];
    for (const [x, hovered, header] of cases) {
      const view = createView(toRuntime(lineChartSpec({ metric: 'm', x, width: 400 })), { renderer: 'none' });
      view.data(DATA.series, series).data(DATA.markers, []);
      await view.runAsync();
      view.signal('hover_tuple', { unit: 'hover_bands', fields: view.signal('hover_tuple_fields'), values: [hovered] });
      await view.runAsync();
      const svg = await view.toSVG();
      view.finalize();
      expect(items(svg, 'hover_header')).toEqual([header]);
      expect(items(svg, 'hover_values')).toEqual(['b: 3', 'a: 0.3']);
      expect(items(svg, 'hover_points')).toHaveLength(2);
      expect(items(svg, 'hover_rule')).toHaveLength(1);
    }
  });

  it('draws one invisible hover band per distinct x, reaching halfway to its neighbours', async () => {
    const { rows } = rowsOf({ a: [1, 2, 3], b: [3, 2, 1, 0] });
    const view = createView(toRuntime(lineChartSpec({ metric: 'm', width: 300 })), { renderer: 'none' });
    view.data(DATA.series, rows).data(DATA.markers, []);
    await view.runAsync();
    type Mark = { name?: string; items: { x: number; width: number }[] };
    const root = (view.scenegraph() as unknown as { root: { items: { items: Mark[] }[] } }).root;
    const bands = root.items[0]!.items.find((m) => m.name === 'hover_bands_marks')!.items;
    view.finalize();
    const x = (step: number) => (step / 3) * 300;
    expect(bands.map((b) => [b.x, b.x + b.width])).toEqual([
      [x(0), x(0.5)],
      [x(0.5), x(1.5)],
      [x(1.5), x(2.5)],
      [x(2.5), x(3)],
    ]);
  });
});

describe('parallelSpec(options)', () => {
  const inputs = Array.from({ length: 12 }, (_, i) => ({
    run: `run ${i}`,
    values: { lr: String(10 ** -(i % 4)), optimizer: ['adam', 'sgd'][i % 2]!, acc: 0.5 + i / 100 },
  }));

  it('compiles without warnings in both themes', () => {
    for (const theme of ['light', 'dark'] as const) expect(() => toVega(parallelSpec({ metric: 'acc', theme }))).not.toThrow();
  });

  it('draws a line per run, an axis per dimension with its title and tick labels', async () => {
    const data = parallelData(inputs, ['lr', 'optimizer', 'acc'], 'acc');
    const svg = await renderSvg(parallelSpec({ metric: 'acc', width: 500 }), { [DATA.parallel]: data.rows, [DATA.parallelTicks]: data.ticks });
    expect(items(svg, 'lines')).toHaveLength(12);
    expect(items(svg, 'axes')).toHaveLength(3);
    expect(items(svg, 'titles')).toEqual(['lr', 'optimizer', 'acc']);
    expect(items(svg, 'ticks')).toEqual(expect.arrayContaining(['adam', 'sgd', '0.001', '1']));
  });
});

describe('scatterSpec(options)', () => {
  it('compiles without warnings for numeric and categorical axes and draws a dot per run', async () => {
    const rows = [
      { run: 'a', x: 0.1, y: 'adam' },
      { run: 'b', x: 0.01, y: 'sgd' },
      { run: 'c', x: 0.001, y: 'adam' },
    ];
    for (const yType of ['nominal', 'quantitative'] as const) {
      const spec = scatterSpec({ x: { title: 'lr', type: 'quantitative' }, y: { title: 'opt', type: yType }, width: 300 });
      expect(() => toVega(spec)).not.toThrow();
    }
    const svg = await renderSvg(scatterSpec({ x: { title: 'lr', type: 'quantitative' }, y: { title: 'optimizer', type: 'nominal' }, width: 300 }), { [DATA.scatter]: rows });
    expect(items(svg, 'points')).toHaveLength(3);
    const labels = parseSvg(svg)('g.role-axis-label text').map((_, el) => parseSvg(svg)(el).text()).get();
    expect(labels).toEqual(expect.arrayContaining(['adam', 'sgd']));
  });
});
