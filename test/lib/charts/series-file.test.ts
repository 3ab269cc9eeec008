import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSeriesFile, encodeSeriesFile, SERIES_FORMAT, type EncodableRun } from '../../../src/lib/charts/series-file.ts';
import type { Metric, MetricValue, Point } from '../../../src/lib/model.ts';

const T0 = 1_700_000_000_000;

function metric(history: Point[]): Metric {
  return { latest: history.at(-1)!, history };
}

function history(values: MetricValue[], stepEvery = 1): Point[] {
  return values.map((value, i) => ({ step: i * stepEvery, timestamp: T0 + i * 1234 + (i % 3), value }));
}

const runs: EncodableRun[] = [
  {
    id: 'aaaa',
    name: 'fox',
    startTime: T0 - 500,
    metrics: { 'train/loss': metric(history([0.9, 'NaN', 0.5, 'Infinity', 0.25, '-Infinity'])), 'acc.top 1': metric(history([0.1, 0.2], 10)) },
  },
  { id: 'bbbb', name: '<script>x</script>', metrics: { 'train/loss': metric(history([1.5, 1e-300, -2.5e10, 0.1 + 0.2])) } },
];

describe('encodeSeriesFile(runs) / decodeSeriesFile(json)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runfolio-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round trips every point exactly through a JSON file on disk', () => {
    const file = path.join(dir, 'run.json');
    fs.writeFileSync(file, JSON.stringify(encodeSeriesFile(runs)));
    const decoded = decodeSeriesFile(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    expect(decoded.runs).toEqual([{ id: 'aaaa', name: 'fox', start: T0 - 500 }, { id: 'bbbb', name: '<script>x</script>' }]);
    expect([...decoded.metrics.keys()]).toEqual(['acc.top 1', 'train/loss']);
    expect(decoded.metrics.get('train/loss')).toEqual([
      { runId: 'aaaa', total: 6, points: runs[0]!.metrics['train/loss']!.history },
      { runId: 'bbbb', total: 4, points: runs[1]!.metrics['train/loss']!.history },
    ]);
    expect(decoded.metrics.get('acc.top 1')).toEqual([{ runId: 'aaaa', total: 2, points: runs[0]!.metrics['acc.top 1']!.history }]);
  });

  it('stores steps and times as differences within each run', () => {
    const encoded = encodeSeriesFile(runs, { metrics: ['acc.top 1'] });
    expect(encoded.metrics).toHaveLength(1);
    const [column] = encoded.metrics;
    expect(column!.counts).toEqual([2, 0]);
    expect(column!.step).toEqual([0, 10]);
    expect(column!.time).toEqual([T0, 1235]);
  });

  it('is smaller than the same points as JSON objects', () => {
    const long = [{ id: 'r', name: 'r', metrics: { loss: metric(history(Array.from({ length: 500 }, (_, i) => 1 / (i + 1)))) } }];
    const columnar = JSON.stringify(encodeSeriesFile(long)).length;
    const objects = JSON.stringify(long[0]!.metrics.loss.history).length;
    expect(columnar).toBeLessThan(objects * 0.6);
  });

  it('thins each series to the budget, keeps non-finite values as markers in history order, and records the total', () => {
    const values: MetricValue[] = Array.from({ length: 1000 }, (_, i) => (i === 500 ? 'NaN' : Math.sin(i / 10)));
    const encoded = encodeSeriesFile([{ id: 'r', name: 'r', metrics: { m: metric(history(values)) } }], { budget: 100 });
    const decoded = decodeSeriesFile(JSON.parse(JSON.stringify(encoded)), 'x.json').metrics.get('m')![0]!;
    expect(decoded.total).toBe(1000);
    expect(decoded.points.length).toBeLessThanOrEqual(101);
    expect(decoded.points.filter((p) => p.value === 'NaN').map((p) => p.step)).toEqual([500]);
    const steps = decoded.points.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(999);
  });

  it('writes the format marker first', () => {
    expect(Object.keys(encodeSeriesFile([]))).toEqual(['format', 'runs', 'metrics']);
    expect(encodeSeriesFile([]).format).toBe(SERIES_FORMAT);
  });
});

describe('decodeSeriesFile(json, source) on bad input', () => {
  const good = () => JSON.parse(JSON.stringify(encodeSeriesFile(runs)));

  it('names the file and the format it expected', () => {
    expect(() => decodeSeriesFile({ ...good(), format: 'other/1' }, 'data/r.json')).toThrow('data/r.json: format must be "runfolio.series/1", got "other/1"');
    expect(() => decodeSeriesFile('<html>', 'data/r.json')).toThrow('data/r.json: the file must be a JSON object, got "<html>"');
  });

  it('names the field holding a bad value', () => {
    const bad = good();
    bad.metrics[1].value[2] = 'nan';
    expect(() => decodeSeriesFile(bad, 'r.json')).toThrow('r.json: metrics[1].value[2] must be a number or "NaN", "Infinity", "-Infinity", got "nan"');
  });

  it('rejects columns whose lengths disagree with the counts', () => {
    const bad = good();
    bad.metrics[1].step.pop();
    expect(() => decodeSeriesFile(bad, 'r.json')).toThrow(/r\.json: metrics\[1\]\.step, time and value must be 10 entries each \(the sum of counts\), got 9, 10 and 10/);
  });

  it("carries a run's style index, and rejects one that is not an integer ≥ 0", () => {
    const styled = encodeSeriesFile([{ ...runs[0]!, style: 7 }]);
    expect(styled.runs[0]!.style).toBe(7);
    expect(decodeSeriesFile(JSON.parse(JSON.stringify(styled)), 'r.json').runs[0]!.style).toBe(7);
    const bad = good();
    bad.runs[0].style = -1;
    expect(() => decodeSeriesFile(bad, 'r.json')).toThrow('r.json: runs[0].style must be an integer ≥ 0, got -1');
  });

  it('rejects non-integer steps', () => {
    const bad = good();
    bad.metrics[0].step[0] = 0.5;
    expect(() => decodeSeriesFile(bad, 'r.json')).toThrow('r.json: metrics[0].step[0] must be an integer, got 0.5');
  });
});
