import { describe, expect, it } from 'vitest';
import { parseMetricFile, parsePythonFloat, parsePythonInt } from '../../../src/lib/read/mlruns/metric-file.ts';
import { latestPoint, metricFromColumns, toMetric, type MetricColumns } from '../../../src/lib/read/metric-points.ts';

/** The parsed points in file order, as objects. */
function points(columns: MetricColumns) {
  return Array.from(columns.steps, (step, i) => ({ step, timestamp: columns.timestamps[i], value: columns.values[i] }));
}

describe('parsePythonFloat(text)', () => {
  it.each([
    ['0.5', 0.5],
    ['-3', -3],
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    ['1_000.5', 1000.5],
    [' 2.5 ', 2.5],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
  ])('reads %j as Python float() does', (text, expected) => {
    expect(parsePythonFloat(text)).toBe(expected);
  });

  it('reads nan in any case as NaN', () => {
    expect(parsePythonFloat('nan')).toBeNaN();
    expect(parsePythonFloat('NaN')).toBeNaN();
  });

  it.each(['', 'abc', '1.2.3', '0x10', '1e', '--1', '1,5'])('rejects %j as Python float() does', (text) => {
    expect(parsePythonFloat(text)).toBeUndefined();
  });
});

describe('parsePythonInt(text)', () => {
  it('reads integers and rejects decimals, as int() does', () => {
    expect(parsePythonInt('1700000000000')).toBe(1700000000000);
    expect(parsePythonInt('-4')).toBe(-4);
    expect(parsePythonInt('1.5')).toBeUndefined();
    expect(parsePythonInt('1e3')).toBeUndefined();
  });
});

describe('parseMetricFile(text)', () => {
  it('reads "timestamp value step" lines, and 2-field lines with step 0', () => {
    const { columns, badLines } = parseMetricFile('100 0.5 3\n200 0.25\n');
    expect(badLines).toEqual([]);
    expect(points(columns)).toEqual([
      { step: 3, timestamp: 100, value: 0.5 },
      { step: 0, timestamp: 200, value: 0.25 },
    ]);
  });

  it('reads nan, inf and -inf, and the Snapshot spells them as strings', () => {
    const { columns } = parseMetricFile('1 nan 0\n2 inf 1\n3 -inf 2\n');
    expect(Array.from(columns.values)).toEqual([NaN, Infinity, -Infinity]);
    expect(metricFromColumns(columns)?.history.map((p) => p.value)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });

  it('keeps the step of 4- and 5-field lines (MLflow 3 model and dataset metrics)', () => {
    const { columns } = parseMetricFile('1 0.5 7 abcdef\n2 0.6 8 ds digest\n');
    expect(Array.from(columns.steps)).toEqual([7, 8]);
  });

  it('reports lines that are not points, with their line numbers, and keeps the rest', () => {
    const { columns, badLines } = parseMetricFile('1 0.5 0\nhello world\n2 x 1\n\n3 0.7 2\n1 2 3 4 5 6\n');
    expect(points(columns)).toEqual([{ step: 0, timestamp: 1, value: 0.5 }, { step: 2, timestamp: 3, value: 0.7 }]);
    expect(badLines.map((b) => b.line)).toEqual([2, 3, 4, 6]);
  });

  it('accepts Windows line endings', () => {
    expect(parseMetricFile('1 0.5 0\r\n2 0.6 1\r\n').columns.values).toEqual(new Float64Array([0.5, 0.6]));
  });

  it('reads underscores and blanks by the Python rules (slow path)', () => {
    expect(points(parseMetricFile(' 1_000 2_5.5 3 \n').columns)).toEqual([{ step: 3, timestamp: 1000, value: 25.5 }]);
  });
});

describe('latestPoint(points)', () => {
  it('is the greatest (step, timestamp, value), not the last line', () => {
    const latest = latestPoint([
      { step: 5, timestamp: 10, value: 1 },
      { step: 9, timestamp: 5, value: 2 },
      { step: 9, timestamp: 5, value: 3 },
      { step: 2, timestamp: 99, value: 4 },
    ]);
    expect(latest).toEqual({ step: 9, timestamp: 5, value: 3 });
  });

  it('keeps the first point of a (step, timestamp) tie involving NaN, as Python max() does', () => {
    expect(latestPoint([{ step: 1, timestamp: 1, value: 'NaN' }, { step: 1, timestamp: 1, value: 5 }])?.value).toBe('NaN');
    expect(latestPoint([{ step: 1, timestamp: 1, value: 5 }, { step: 1, timestamp: 1, value: 'NaN' }])?.value).toBe(5);
  });

  it('orders Infinity above every number', () => {
    expect(latestPoint([{ step: 1, timestamp: 1, value: 'Infinity' }, { step: 1, timestamp: 1, value: 1e308 }])?.value).toBe('Infinity');
  });
});

describe('toMetric(points)', () => {
  it('sorts the history by step then timestamp and keeps repeated steps', () => {
    const metric = toMetric([
      { step: 2, timestamp: 5, value: 1 },
      { step: 1, timestamp: 9, value: 2 },
      { step: 1, timestamp: 3, value: 3 },
    ]);
    expect(metric?.history.map((p) => p.value)).toEqual([3, 2, 1]);
  });

  it('is undefined without points', () => {
    expect(toMetric([])).toBeUndefined();
  });
});

describe('parseMetricFile(text) on values Python and JavaScript read differently', () => {
  it.each(['0x1A', '0o17', '0b11', '\t', '1_0'])('reads %j as Python float() does', (value) => {
    const parsed = parseMetricFile(`1 ${value} 0\n`);
    const python = parsePythonFloat(value);
    if (python === undefined) expect(parsed.badLines).toHaveLength(1);
    else expect(Array.from(parsed.columns.values)).toEqual([python]);
  });
});

describe('metricFromColumns(columns)', () => {
  const columns = (rows: [number, number, number][]) => ({
    steps: new Float64Array(rows.map((r) => r[0])),
    timestamps: new Float64Array(rows.map((r) => r[1])),
    values: new Float64Array(rows.map((r) => r[2])),
  });

  it.each([
    [[[0, 1, 5], [1, 2, 4], [2, 3, 3]]],
    [[[2, 3, 3], [0, 1, 5], [1, 2, 4]]],
    [[[1, 1, NaN], [1, 1, 5], [0, 9, 1]]],
    [[[1, 1, 5], [1, 1, NaN], [1, 0, 9]]],
    [[[3, 1, Infinity], [3, 1, 7], [3, 1, -Infinity]]],
  ] as [number, number, number][][][])('picks the latest point and sorts the history exactly as toMetric does on points (%j)', (rows) => {
    const expected = toMetric(rows.map(([step, timestamp, value]) => ({ step, timestamp, value: Number.isFinite(value) ? value : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' })));
    expect(metricFromColumns(columns(rows))).toEqual(expected);
  });
});
