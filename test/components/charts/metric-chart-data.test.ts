import { describe, expect, it } from 'vitest';
import {
  budgetPerRun,
  fetchJson,
  formatX,
  hoveredX,
  loadSeriesFiles,
  loadSpec,
  loadSpecSource,
  metricChartRows,
  valuesAt,
  type Fetch,
} from '../../../src/components/charts/metric-chart-data.ts';
import { encodeSeriesFile, decodeSeriesFile } from '../../../src/lib/charts/series-file.ts';
import { smoothEma, type SeriesRow } from '../../../src/lib/charts/series.ts';
import { STYLE_COUNT } from '../../../src/lib/charts/theme.ts';
import type { Metric, Point } from '../../../src/lib/model.ts';

const T0 = 1_700_000_000_000;

/** A fetch over an in-memory site that counts requests. */
function fakeFetch(files: Record<string, unknown>) {
  const calls: string[] = [];
  const fetchFn: Fetch = async (url) => {
    calls.push(url);
    const found = Object.hasOwn(files, url);
    return { ok: found, status: found ? 200 : 404, statusText: found ? 'OK' : 'Not Found', json: async () => files[url] };
  };
  return { fetchFn, calls };
}

function metric(values: number[], every = 1): Metric {
  const history: Point[] = values.map((value, i) => ({ step: i * every, timestamp: T0 + i * 1000, value }));
  return { latest: history.at(-1)!, history };
}

const fileA = encodeSeriesFile([{ id: 'aaaa1111', name: 'fox', startTime: T0, metrics: { loss: metric([4, 3, 2, 1]) } }]);
const fileB = encodeSeriesFile([{ id: 'bbbb2222', name: 'fox', metrics: { loss: metric([8, 6, 4], 2), acc: metric([0.5]) } }]);

describe('fetchJson(url, fetch)', () => {
  it('fetches each URL once, however many charts ask', async () => {
    const { fetchFn, calls } = fakeFetch({ '/data/once.json': { a: 1 } });
    const [x, y] = await Promise.all([fetchJson('/data/once.json', fetchFn), fetchJson('/data/once.json', fetchFn)]);
    expect(x).toEqual({ a: 1 });
    expect(y).toBe(x);
    expect(calls).toEqual(['/data/once.json']);
  });

  it('names the URL and the HTTP status on failure, and retries later', async () => {
    const { fetchFn, calls } = fakeFetch({});
    await expect(fetchJson('/data/missing.json', fetchFn)).rejects.toThrow('/data/missing.json: HTTP 404 Not Found');
    await expect(fetchJson('/data/missing.json', fetchFn)).rejects.toThrow(/404/);
    expect(calls).toHaveLength(2);
  });
});

describe('loadSeriesFiles(urls) / loadSpecSource(source) / loadSpec(source, theme, options)', () => {
  it('decodes data files, naming the URL of a bad one', async () => {
    const { fetchFn } = fakeFetch({ '/d/a.json': fileA, '/d/bad.json': { format: 'nope' } });
    const [decoded] = await loadSeriesFiles(['/d/a.json'], fetchFn);
    expect(decoded!.metrics.get('loss')![0]!.points).toHaveLength(4);
    await expect(loadSeriesFiles(['/d/bad.json'], fetchFn)).rejects.toThrow('/d/bad.json: format must be "runfolio.series/1", got "nope"');
  });

  it('picks the variant for theme, x axis and scale, fetching it when the map holds a URL', async () => {
    const spec = { operators: [] };
    const { fetchFn, calls } = fakeFetch({ '/specs.json': { 'dark/rel/log': '/specs/dark-rel-log.json', 'light/step/linear': spec }, '/specs/dark-rel-log.json': spec });
    const source = await loadSpecSource('/specs.json', fetchFn);
    expect(await loadSpec(source, 'light', { x: 'step', log: false, smoothing: 0 }, fetchFn)).toBe(spec);
    expect(await loadSpec(source, 'dark', { x: 'rel', log: true, smoothing: 0.5 }, fetchFn)).toEqual(spec);
    expect(calls).toEqual(['/specs.json', '/specs/dark-rel-log.json']);
    await expect(loadSpec(source, 'dark', { x: 'time', log: false, smoothing: 0 }, fetchFn)).rejects.toThrow('no chart spec for variant dark/time/linear');
  });
});

describe('metricChartRows(files, metric, options)', () => {
  const files = [decodeSeriesFile(fileA, 'a'), decodeSeriesFile(fileB, 'b')];

  it('merges the runs of several files, labelling runs that share a name apart', () => {
    const { rows } = metricChartRows(files, 'loss', { smoothing: 0 });
    expect([...new Set(rows.map((r) => r.run))]).toEqual(['fox (aaaa1111)', 'fox (bbbb2222)']);
    expect(rows.filter((r) => r.run === 'fox (bbbb2222)').map((r) => r.step)).toEqual([0, 2, 4]);
  });

  it('uses the display names given, and relative time from the run start when known', () => {
    const { rows } = metricChartRows(files, 'loss', { smoothing: 0, runNames: { aaaa1111: 'baseline', bbbb2222: 'candidate' } });
    expect(rows.filter((r) => r.run === 'baseline').map((r) => r.rel)).toEqual([0, 1, 2, 3]);
    expect(rows.filter((r) => r.run === 'candidate')).toHaveLength(3);
  });

  it('smooths each run and thins it to its share of the point budget', () => {
    const smoothed = metricChartRows(files, 'loss', { smoothing: 0.5 });
    expect(smoothed.rows.filter((r) => r.run === 'fox (aaaa1111)').map((r) => r.value)).toEqual(smoothEma([4, 3, 2, 1], 0.5));
    const long = decodeSeriesFile(encodeSeriesFile([{ id: 'r', name: 'r', metrics: { m: metric(Array.from({ length: 3000 }, (_, i) => Math.sin(i))) } }]), 'l');
    expect(metricChartRows([long], 'm', { smoothing: 0, totalPoints: 500 }).rows).toHaveLength(500);
  });

  it('draws each run in the style its file gives, two runs of a chart never alike', () => {
    const styled = [
      decodeSeriesFile(encodeSeriesFile([{ id: 'r1', name: 'one', style: 3, metrics: { m: metric([1, 2]) } }]), 'r1'),
      decodeSeriesFile(encodeSeriesFile([{ id: 'r2', name: 'two', style: 3 + STYLE_COUNT, metrics: { m: metric([3, 4]) } }]), 'r2'),
      decodeSeriesFile(encodeSeriesFile([{ id: 'r3', name: 'three', metrics: { m: metric([3, 4]) } }]), 'r3'),
    ];
    const { rows } = metricChartRows(styled, 'm', { smoothing: 0 });
    const styleOf = (run: string) => [...new Set(rows.filter((r) => r.run === run).map((r) => r.style))];
    // Style 53 is style 3 again (50 styles): the second run takes the next free one; a run without a style the first free one.
    expect([styleOf('one'), styleOf('two'), styleOf('three')]).toEqual([[3], [4], [0]]);
  });

  it('returns no rows for a metric no run logged', () => {
    expect(metricChartRows(files, 'nope', { smoothing: 0 })).toEqual({ rows: [], markers: [] });
  });
});

describe('budgetPerRun(runs, total)', () => {
  it('shares the total among runs, never below 100 points', () => {
    expect(budgetPerRun(1)).toBe(5000);
    expect(budgetPerRun(4, 1000)).toBe(250);
    expect(budgetPerRun(200)).toBe(100);
  });
});

describe('valuesAt(rows, axis, x) / hoveredX(signal, axis)', () => {
  const row = (run: string, step: number, value: number): SeriesRow => ({ run, metric: 'm', step, time: T0 + step, rel: step, value, style: 0 });
  const rows = [row('a', 0, 1), row('a', 10, 2), row('b', 4, 9), row('b', 6, 5)];

  it("lists each run's point nearest to x, highest value first, ties going to the smaller x", () => {
    expect(valuesAt(rows, 'step', 5)).toEqual([
      { run: 'b', value: 9, at: 4 },
      { run: 'a', value: 1, at: 0 },
    ]);
    expect(valuesAt(rows, 'step', 9)).toEqual([
      { run: 'b', value: 5, at: 6 },
      { run: 'a', value: 2, at: 10 },
    ]);
  });

  it('reads the hovered x from the selection signal', () => {
    expect(hoveredX({ step: [12], vlPoint: {} }, 'step')).toBe(12);
    expect(hoveredX({}, 'step')).toBeUndefined();
    expect(hoveredX(null, 'rel')).toBeUndefined();
  });
});

describe('formatX(axis, x)', () => {
  it('spells steps, seconds and UTC times', () => {
    expect(formatX('step', 1200)).toBe('step 1,200');
    expect(formatX('rel', 2.5)).toBe('2.5 s');
    expect(formatX('time', Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02 03:04:05 UTC');
  });
});
