import { describe, expect, it } from 'vitest';
import { toRuntime, toVega } from '../../../src/lib/charts/compile.ts';
import { createView } from '../../../src/lib/charts/runtime.ts';
import { barChartSpec, barRows } from '../../../src/lib/charts/bar-spec.ts';
import { legendParams } from '../../../src/lib/charts/line-spec.ts';
import { DATA, DOTS_UP_TO, lineChartSpec, parallelData, parallelSpec, scatterSpec, type XAxis, type YScale } from '../../../src/lib/charts/specs.ts';
import { runStyle, THEMES } from '../../../src/lib/charts/theme.ts';
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
      const svg = await renderSvg(lineChartSpec({ metric: 'loss', x, width: 500, interactive: false, legendStyles: legendParams(rows) }), { series: rows, markers });
      expect(items(svg, 'lines')).toHaveLength(3);
      expect(items(svg, 'dots')).toHaveLength(10 + 3);
      expect(items(svg, 'nonfinite')).toEqual(['NaN', '+∞', '−∞']);
      const legend = parseSvg(svg)('g.role-legend-label text').map((_, el) => parseSvg(svg)(el).text()).get();
      expect(legend).toEqual(['short', 'long', 'odd']);
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

describe('scatter axes over orders of magnitude', () => {
  it('draws a learning rate swept from 1e-4 to 0.1 on a log axis, its dots apart', async () => {
    const rows = [0.0001, 0.0003, 0.001, 0.003, 0.1].map((x, i) => ({ run: `r${i}`, x, y: i }));
    const xOf = async (log: boolean) => {
      const svg = await renderSvg(scatterSpec({ x: { title: 'lr', type: 'quantitative', log }, y: { title: 'loss', type: 'quantitative' }, width: 300 }), { [DATA.scatter]: rows });
      return parseSvg(svg)('g.mark-symbol.role-mark path').map((_, el) => Number(/translate\(([\d.]+)/.exec(parseSvg(svg)(el).attr('transform') ?? '')?.[1])).get();
    };
    const gap = (xs: number[]) => Math.abs(xs[1]! - xs[0]!);
    const [linear, log] = [await xOf(false), await xOf(true)];
    expect(linear).toHaveLength(5);
    // Linear: the four small rates pile up within a few pixels; log: a fair share of the width apart.
    expect(gap(linear)).toBeLessThan(2);
    expect(gap(log)).toBeGreaterThan(30);
  });
});

describe('line chart axes and styles', () => {
  const axisLabels = (svg: string, axis: 'x' | 'y') => {
    const $ = parseSvg(svg);
    // Vega draws the y axis first; each axis' labels sit in its own role-axis group.
    return $('g.role-axis')
      .filter((_, el) => ($(el).attr('aria-label') ?? '').toLowerCase().includes(axis === 'x' ? 'x-axis' : 'y-axis'))
      .find('g.role-axis-label text')
      .map((_, el) => $(el).text())
      .get();
  };

  it('labels a flat series with the value itself, not padded with zeros', async () => {
    const { rows } = rowsOf({ pid: [15936, 15936, 15936], done: [0, 0, 0] });
    const svg = await renderSvg(lineChartSpec({ metric: 'pid', width: 400, interactive: false }), { series: rows.filter((r) => r.run === 'pid'), markers: [], bands: [] });
    expect(axisLabels(svg, 'y')).toEqual(['15,936']);
    const zero = await renderSvg(lineChartSpec({ metric: 'done', width: 400, interactive: false }), { series: rows.filter((r) => r.run === 'done'), markers: [], bands: [] });
    expect(axisLabels(zero, 'y')).toEqual(['0']);
  });

  it('puts step ticks on whole steps only, and trims decimals elsewhere', async () => {
    const { rows } = rowsOf({ a: [0.5, 0.4, 0.3, 0.25, 0.2] });
    const svg = await renderSvg(lineChartSpec({ metric: 'm', width: 600, interactive: false }), { series: rows, markers: [], bands: [] });
    expect(axisLabels(svg, 'x')).toEqual(['0', '1', '2', '3', '4']);
    for (const label of axisLabels(svg, 'y')) expect(label).toMatch(/^0(\.\d*[1-9])?$/);
    const rel = await renderSvg(lineChartSpec({ metric: 'm', x: 'rel', width: 600, interactive: false }), { series: rows, markers: [], bands: [] });
    expect(axisLabels(rel, 'x').filter((label) => label.includes('.')).length).toBeGreaterThan(0);
    for (const label of axisLabels(rel, 'x')) expect(label).toMatch(/^\d+(\.\d*[1-9])?$/);
  });

  it("draws each run in its row's colour and dash, one legend entry per run with both", async () => {
    const { rows } = rowsOf({ a: [3, 2, 1], b: [3, 2.5, 2], c: [1, 1.5, 2] });
    const restyled = rows.map((r) => (r.run === 'c' ? { ...r, style: 13 } : r));
    const legendStyles = legendParams(restyled);
    expect(legendStyles).toEqual({ styles: [0, 1, 13], labels: { 0: 'a', 1: 'b', 13: 'c' } });
    for (const theme of ['light', 'dark'] as const) {
      const svg = await renderSvg(lineChartSpec({ metric: 'm', theme, width: 400, interactive: false, legendStyles }), { series: restyled, markers: [], bands: [] });
      const $ = parseSvg(svg);
      const look = (style: number) => [runStyle(style, theme).color, runStyle(style, theme).dash.join(',')];
      expect($('g.lines_marks path').map((_, el) => [[$(el).attr('stroke'), $(el).attr('stroke-dasharray')]]).get()).toEqual([look(0), look(1), look(13)]);
      expect($('g.role-legend-label text').map((_, el) => $(el).text()).get()).toEqual(['a', 'b', 'c']);
      expect($('g.role-legend-symbol path').map((_, el) => [[$(el).attr('stroke'), $(el).attr('stroke-dasharray')]]).get()).toEqual([look(0), look(1), look(13)]);
    }
    expect(runStyle(13, 'light')).toEqual({ color: THEMES.light.runs[3], dash: [7, 3] });
  });

  it('fades every run but the highlighted one, and clips to a fixed y range', async () => {
    const { rows } = rowsOf({ a: [3, 2, 1], b: [100, 2.5, 2] });
    const view = createView(toRuntime(lineChartSpec({ metric: 'm', width: 400, interactive: false })), { renderer: 'none' });
    view.data(DATA.series, rows).data(DATA.markers, []).data(DATA.bands, []);
    view.signal('highlight', 'a').signal('ydomain', [0, 4]);
    await view.runAsync();
    const svg = await view.toSVG();
    view.finalize();
    const $ = parseSvg(svg);
    expect($('g.lines_marks path').map((_, el) => $(el).attr('stroke-opacity') ?? '1').get()).toEqual(['1', '0.15']);
    const ticks = axisLabels(svg, 'y').map(Number);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(4);
  });

  it("draws a group's band behind its mean line", async () => {
    const { rows } = rowsOf({ g: [2, 1.5, 1] });
    const bands = rows.map((r) => ({ ...r, lo: r.value - 0.2, hi: r.value + 0.2 }));
    const svg = await renderSvg(lineChartSpec({ metric: 'm', width: 400, interactive: false }), { series: rows, markers: [], bands });
    expect(items(svg, 'bands')).toHaveLength(1);
    expect(parseSvg(svg)('g.bands_marks path').attr('fill')).toBe(runStyle(0, 'light').color);
  });
});

describe('barChartSpec(options)', () => {
  const bars = [
    { run: 'best', value: 0.26, order: 0, style: 2 },
    { run: 'worst', value: 1.31, order: 1, style: 0 },
  ];

  it('compiles in both themes and draws a bar per run in its colour, in the order given, labelled with its value', async () => {
    for (const theme of ['light', 'dark'] as const) expect(() => toVega(barChartSpec({ metric: 'test_loss', theme }))).not.toThrow();
    const svg = await renderSvg(barChartSpec({ metric: 'test_loss', theme: 'dark', width: 400 }), { [DATA.bars]: bars });
    const $ = parseSvg(svg);
    expect($('g.bars_marks path').map((_, el) => $(el).attr('fill')).get()).toEqual([runStyle(2, 'dark').color, runStyle(0, 'dark').color]);
    expect(items(svg, 'values')).toEqual(['0.26', '1.31']);
    const labels = $('g.role-axis-label text').map((_, el) => $(el).text()).get();
    expect(labels.indexOf('best')).toBeLessThan(labels.indexOf('worst'));
  });
});

describe('barRows(values, direction)', () => {
  it('orders bars best first in the metric direction, ties in the order given', () => {
    const values = [
      { run: 'a', value: 0.5, style: 0 },
      { run: 'b', value: 0.2, style: 61 },
      { run: 'c', value: 0.5, style: 2 },
    ];
    expect(barRows(values, 'asc').map((r) => [r.run, r.order, r.style])).toEqual([
      ['b', 0, 11],
      ['a', 1, 0],
      ['c', 2, 2],
    ]);
    expect(barRows(values, 'desc').map((r) => r.run)).toEqual(['a', 'c', 'b']);
  });
});
