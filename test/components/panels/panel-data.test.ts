import { describe, expect, it } from 'vitest';
import { barData, legendEntries, lineData, yAxis } from '../../../src/components/panels/panel-data.ts';
import { decodeSeriesFile, encodeSeriesFile } from '../../../src/lib/charts/series-file.ts';
import { makeRun } from '../../lib/analyze/snapshot.ts';

const points = (values: number[]) => values.map((value, step) => ({ step, timestamp: 1000 + step, value }));
function file(id: string, style: number, metrics: Record<string, number[]>) {
  const run = makeRun({ id, name: `run-${id}`, metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, points(v)])) });
  return decodeSeriesFile(JSON.parse(JSON.stringify(encodeSeriesFile([{ ...run, style }]))), id);
}

const files = [file('a', 4, { loss: [3, 2, 1], test: [0.5] }), file('b', 9, { loss: [4, 3, 2], test: [0.3] }), file('c', 2, { loss: [5, 4, 3] })];

describe('legendEntries(runs, files)', () => {
  it("lists the drawn runs in order with their labels and the styles their files give, skipping runs whose file is missing", () => {
    expect(legendEntries({ kind: 'shown', ids: ['b', 'gone', 'a'], total: 3 }, files)).toEqual([
      { key: 'b', label: 'run-b', style: 9, runId: 'b', runIds: ['b'] },
      { key: 'a', label: 'run-a', style: 4, runId: 'a', runIds: ['a'] },
    ]);
  });

  it('lists groups with their size, styled by position', () => {
    const entries = legendEntries({ kind: 'groups', groupBy: 'params.lr', total: 2, groups: [{ label: 'lr=1', runIds: ['a', 'b'] }, { label: 'lr=2', runIds: ['c'] }] }, files);
    expect(entries.map((e) => [e.label, e.style, e.runId])).toEqual([
      ['lr=1 (2 runs)', 0, undefined],
      ['lr=2 (1 run)', 1, undefined],
    ]);
  });
});

describe('lineData(entries, files, metric, options)', () => {
  it("draws each run's history in its style", () => {
    const entries = legendEntries({ kind: 'shown', ids: ['a', 'b'], total: 2 }, files.slice(0, 2));
    const { series, bands } = lineData(entries, files.slice(0, 2), 'loss', { smoothing: 0, band: 'std' });
    expect(series.map((r) => [r.run, r.value, r.style])).toEqual([
      ['run-a', 3, 4], ['run-a', 2, 4], ['run-a', 1, 4],
      ['run-b', 4, 9], ['run-b', 3, 9], ['run-b', 2, 9],
    ]);
    expect(bands).toEqual([]);
  });

  it('draws a group as its mean with a band', () => {
    const entries = legendEntries({ kind: 'groups', groupBy: 'x', total: 1, groups: [{ label: 'g', runIds: ['a', 'b'] }] }, files);
    const { series, bands } = lineData(entries, files, 'loss', { smoothing: 0, band: 'minmax' });
    expect(series.map((r) => r.value)).toEqual([3.5, 2.5, 1.5]);
    expect(bands.map((b) => [b.lo, b.hi])).toEqual([[3, 4], [2, 3], [1, 2]]);
  });
});

describe('barData(entries, files, metric, direction)', () => {
  it("gives each run's latest value, best first, leaving out runs without one", () => {
    const entries = legendEntries({ kind: 'shown', ids: ['a', 'b', 'c'], total: 3 }, files);
    expect(barData(entries, files, 'test', 'asc').map((r) => [r.run, r.value, r.style])).toEqual([
      ['run-b', 0.3, 9],
      ['run-a', 0.5, 4],
    ]);
  });
});

describe('yAxis(values, log, ignoreOutliers)', () => {
  const decades = [90, 30, 10, 3, 1, 0.3, 0.2, 0.1];
  it('goes logarithmic when asked, or on its own when the values span decades', () => {
    expect(yAxis(decades, 'auto', 'full')).toEqual({ log: true });
    expect(yAxis(decades, 'linear', 'full')).toEqual({ log: false });
    expect(yAxis([1, 2, 3], 'log', 'full')).toEqual({ log: true });
  });

  it('cuts spikes by default, outliers when asked, nothing on "everything"', () => {
    const spiky = [...Array.from({ length: 200 }, (_, i) => 1 + (i % 50) / 100), 1000];
    expect(yAxis(spiky, 'linear', 'spikes').domain![1]).toBeLessThan(2);
    expect(yAxis(spiky, 'linear', 'full').domain).toBeUndefined();
    // A few moderate outliers: not spikes that flatten the rest, but outside the 5th–95th percentiles.
    const steady = [...Array.from({ length: 200 }, (_, i) => 1 + (i % 50) / 100), ...Array.from({ length: 6 }, () => 1.9)];
    expect(yAxis(steady, 'linear', 'spikes').domain).toBeUndefined();
    expect(yAxis(steady, 'linear', 'outliers').domain![1]).toBeLessThan(1.9);
  });
});
