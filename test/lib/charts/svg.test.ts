import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tmp.ts';
import { toRuntime } from '../../../src/lib/charts/compile.ts';
import { legendParams } from '../../../src/lib/charts/line-spec.ts';
import { DATA, lineChartSpec, parallelData, parallelSpec } from '../../../src/lib/charts/specs.ts';
import { prefixIds, renderSvg } from '../../../src/lib/charts/svg.ts';
import { decay, items, parseSvg, rowsOf } from './chart-fixtures.ts';

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "a & b 'quoted'\ttab\nnewline"];

function parallelCharts() {
  const inputs = HOSTILE.map((run, i) => ({ run, values: { [`opt"><svg onload=alert(${i})>`]: ['<b>adam</b>', 'sgd & co'][i % 2]!, acc: i / 10 } }));
  const data = parallelData(inputs, [`opt"><svg onload=alert(0)>`, 'acc'], 'acc');
  return { spec: parallelSpec({ metric: '<acc>', width: 400 }), data: { [DATA.parallel]: data.rows, [DATA.parallelTicks]: data.ticks } };
}

describe('renderSvg(spec, data)', () => {
  const hostile = rowsOf(Object.fromEntries(HOSTILE.map((name, i) => [name, [...decay(5, i + 1), 'NaN']])), 'loss</text><script>alert(2)</script>');
  const spec = lineChartSpec({ metric: 'loss</text><script>alert(2)</script>', width: 480, interactive: false, legendStyles: legendParams(hostile.rows) });

  it('escapes run names, metric keys and param values: no element comes from the data', async () => {
    for (const { svg } of [
      { svg: await renderSvg(spec, { series: hostile.rows, markers: hostile.markers }) },
      { svg: await renderSvg(parallelCharts().spec, parallelCharts().data) },
    ]) {
      expect(svg).not.toMatch(/<script|<img|<svg onload|<b>/);
      const $ = parseSvg(svg);
      expect($('script, img, b, foreignObject, a')).toHaveLength(0);
      expect($('svg')).toHaveLength(1);
      for (const el of $('*').toArray()) {
        for (const name of Object.keys((el as { attribs: Record<string, string> }).attribs)) expect(name).not.toMatch(/^on/i);
      }
    }
  });

  it('keeps the hostile text as text, exactly as it was spelled', async () => {
    const svg = await renderSvg(spec, { series: hostile.rows, markers: hostile.markers });
    const $ = parseSvg(svg);
    const legend = $('g.role-legend-label text').map((_, el) => $(el).text()).get();
    expect(legend).toContain('<script>alert(1)</script>');
    // Long legend labels are cut to the label limit with an ellipsis.
    expect(legend.some((label) => label.startsWith('"><img src=x'))).toBe(true);
    expect($('g.role-title-text text').text()).toBe('loss</text><script>alert(2)</script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes quotes in attributes (aria labels carry run names)', async () => {
    const svg = await renderSvg(spec, { series: hostile.rows, markers: hostile.markers });
    const labels = parseSvg(svg)('[aria-label]').map((_, el) => parseSvg(svg)(el).attr('aria-label')).get();
    expect(labels.some((label) => label.includes('"><img src=x onerror=alert(1)>'))).toBe(true);
    expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const data = { series: hostile.rows, markers: hostile.markers };
    const first = await renderSvg(spec, data);
    await renderSvg(parallelCharts().spec, parallelCharts().data); // moves Vega's global id counters
    expect(await renderSvg(spec, data)).toBe(first);
    const p1 = await renderSvg(parallelCharts().spec, parallelCharts().data);
    expect(await renderSvg(parallelCharts().spec, parallelCharts().data)).toBe(p1);
  });

  it('prefixes internal ids per chart, so SVGs inlined in one page never share one', async () => {
    const one = await renderSvg(parallelCharts().spec, parallelCharts().data);
    const other = await renderSvg(parallelSpec({ metric: 'other', width: 300 }), parallelCharts().data);
    const ids = (svg: string) => parseSvg(svg)('[id]').map((_, el) => parseSvg(svg)(el).attr('id')).get();
    expect(ids(one).length).toBeGreaterThan(0);
    expect(ids(one).filter((id) => ids(other).includes(id))).toEqual([]);
    for (const id of ids(one)) expect(one).toContain(`url(#${id})`);
    const named = await renderSvg(parallelCharts().spec, parallelCharts().data, { idPrefix: 'run-7-acc-' });
    expect(ids(named).every((id) => id.startsWith('run-7-acc-'))).toBe(true);
  });

  it('works as a standalone .svg file and inline in HTML', async () => {
    const svg = await renderSvg(spec, { series: hostile.rows, markers: hostile.markers });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'chart.svg'), svg);
    const $ = parseSvg(fs.readFileSync(path.join(dir, 'chart.svg'), 'utf8'));
    expect($('svg').attr('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(items(svg, 'lines')).toHaveLength(3);
  });

  it('accepts a runtime spec compiled beforehand and renders the same chart', async () => {
    const data = { series: hostile.rows, markers: hostile.markers };
    expect(await renderSvg(toRuntime(spec), data)).toBe(await renderSvg(spec, data));
  });

  it('renders 20 runs × 300 points in well under a second per chart', async () => {
    const runs = Object.fromEntries(Array.from({ length: 20 }, (_, r) => [`run ${r}`, decay(300, r + 1)]));
    const { rows, markers } = rowsOf(runs);
    const runtime = toRuntime(lineChartSpec({ metric: 'loss', width: 640, interactive: false }));
    await renderSvg(runtime, { series: rows, markers });
    const started = performance.now();
    for (let i = 0; i < 5; i++) await renderSvg(runtime, { series: rows, markers });
    expect((performance.now() - started) / 5).toBeLessThan(1000);
  });

  it("rejects a spec sized to its 'container', which has no width in Node", async () => {
    await expect(renderSvg(lineChartSpec({ metric: 'm' }), { series: [], markers: [] })).rejects.toThrow(/needs a pixel width/);
  });

  it('rejects an id prefix that could break out of an attribute', async () => {
    await expect(renderSvg(spec, { series: [], markers: [] }, { idPrefix: '"x' })).rejects.toThrow(/idPrefix must start with a letter/);
  });
});

describe('prefixIds(svg, prefix)', () => {
  it('rewrites ids and references to them, and nothing in text or other attributes', () => {
    const svg = '<svg><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)" aria-label="url(#clip1)"><text>url(#clip1) id="clip1"</text></g></svg>';
    expect(prefixIds(svg, 'p-')).toBe(
      '<svg><defs><clipPath id="p-clip1"/></defs><g clip-path="url(#p-clip1)" aria-label="url(#clip1)"><text>url(#clip1) id="clip1"</text></g></svg>',
    );
  });
});
