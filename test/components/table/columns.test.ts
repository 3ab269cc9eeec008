import { describe, expect, it } from 'vitest';
import { charsForWidth, columnGroups, durationMs, keyIndex, labelWidth, metricColumn, METRIC_WIDTH, NAME_COLUMN, paramColumn, sourceBasename, tableColumns } from '../../../src/components/table/columns.ts';
import { layout, record, T0 } from './records.ts';

const RUN_COLUMNS = tableColumns(layout(), keyIndex({ metrics: [], params: [] }));
const column = (id: string) => RUN_COLUMNS.find((c) => c.id === id)!;

describe('Name and the attribute columns', () => {
  it('are name, status, start, duration, user, source and git commit, in that order', () => {
    expect(RUN_COLUMNS.map((c) => c.label)).toEqual(['Name', 'Status', 'Start (UTC)', 'Duration', 'User', 'Source', 'Git commit']);
    expect(RUN_COLUMNS.map((c) => c.group)).toEqual(['name', 'attributes', 'attributes', 'attributes', 'attributes', 'attributes', 'attributes']);
    expect(RUN_COLUMNS[0]).toBe(NAME_COLUMN);
  });

  it('show the start in UTC in a fixed format, and the full time as its title', () => {
    const r = record('a', { start: T0 });
    expect(column('run:start').text(r)).toBe('2023-11-14 22:13');
    expect(column('run:start').title?.(r)).toBe('2023-11-14T22:13:20.000Z');
    expect(column('run:start').text(record('b'))).toBe('—');
  });

  it('show the duration from start and end, missing while either is unknown', () => {
    expect(durationMs(record('a', { start: T0, end: T0 + 3_723_000 }))).toBe(3_723_000);
    expect(column('run:duration').text(record('a', { start: T0, end: T0 + 3_723_000 }))).toBe('1h 02m');
    expect(durationMs(record('b', { start: T0 }))).toBeUndefined();
    expect(column('run:duration').sortValue(record('b', { end: T0 }))).toBeUndefined();
  });

  it('show the status as the status badge spells it, the name or the short id, and the first 8 characters of the commit', () => {
    expect(column('run:status').text(record('a', { status: 'KILLED' }))).toBe('killed');
    expect(column('run:name').text(record('0123456789abcdef', { name: '' }))).toBe('01234567');
    expect(column('run:commit').text(record('a', { commit: '0123456789abcdef' }))).toBe('01234567');
    expect(column('run:commit').title?.(record('a', { commit: '0123456789abcdef' }))).toBe('0123456789abcdef');
  });
});

describe('sourceBasename(source)', () => {
  it('keeps the file name of a path or URL', () => {
    expect(sourceBasename('/home/ada/project/train.py')).toBe('train.py');
    expect(sourceBasename('C:\\Users\\ada\\nb.ipynb')).toBe('nb.ipynb');
    expect(sourceBasename('https://github.com/org/repo/')).toBe('repo');
    expect(sourceBasename('train.py')).toBe('train.py');
    expect(sourceBasename(undefined)).toBeUndefined();
  });
});

describe('metric and param columns', () => {
  const keys = { metrics: ['val/loss', 'a.b c', '__proto__'], params: ['constructor', 'toString'] };
  const index = keyIndex(keys);
  const r = record('a', { m: [0.123456789, 'NaN', 7], p: ['x', null] });

  it('read keys with any characters by their position, not as object paths', () => {
    expect(metricColumn('val/loss', index).sortValue(r)).toBe(0.123456789);
    expect(metricColumn('a.b c', index).sortValue(r)).toBeNaN();
    expect(metricColumn('__proto__', index).exportValue(r)).toBe(7);
    expect(paramColumn('constructor', index).text(r)).toBe('x');
    expect(paramColumn('toString', index).sortValue(r)).toBeUndefined();
    expect(metricColumn('unknown', index).sortValue(r)).toBeUndefined();
  });

  it('show metrics to 6 significant digits at the default width, with the exact value as title', () => {
    const c = metricColumn('val/loss', index);
    expect(c.width).toBe(METRIC_WIDTH);
    expect(c.text(r)).toBe('0.123457');
    expect(c.title?.(r)).toBe('0.123456789');
    expect(c.exportValue(r)).toBe(0.123456789);
    expect(metricColumn('val/loss', index).title?.(record('b', { m: [0.5] }))).toBeUndefined();
  });

  it('show six digits at a default width, more once the reader widens the column, fewer where a value would not fit', () => {
    const long = record('a', { m: [-0.000123456789012345] });
    const at = (width?: number) => tableColumns(layout({ metrics: ['val/loss'], ...(width === undefined ? {} : { widths: [['metric:val/loss', width]] }) }), index)[1]!;
    expect(at().text(r)).toBe('0.123457');
    expect(metricColumn('val/loss', index, 14).text(r)).toBe('0.123457');
    expect(at(14).text(r)).toBe('0.123456789');
    expect(at(5).text(r)).toBe('0.12346');
    expect(at(4).text(r)).toBe('0.123');
    for (const width of [4, 5, METRIC_WIDTH, 14, 30]) expect(at(width).text(long).length).toBeLessThanOrEqual(charsForWidth(width));
    expect(Number(at(14).text(long))).toBe(-0.000123456789012345);
  });

  it('come after Name, metrics then params then attributes, in the chosen order, at the widths set', () => {
    const columns = tableColumns(layout({ metrics: ['a.b c', 'val/loss'], params: ['toString'], attributes: ['status'], widths: [['param:toString', 20], ['run:name', 30]] }), index);
    expect(columns.map((c) => c.id)).toEqual(['run:name', 'metric:a.b c', 'metric:val/loss', 'param:toString', 'run:status']);
    expect(columns.map((c) => c.width)).toEqual([30, METRIC_WIDTH, METRIC_WIDTH, 20, 7]);
  });
});

describe('labelWidth(label, min, primary)', () => {
  it('widens a column for a long label, room for the primary metric\'s star included, up to 14 rem', () => {
    expect(labelWidth('acc', METRIC_WIDTH)).toBe(METRIC_WIDTH);
    expect(labelWidth('val/accuracy', METRIC_WIDTH)).toBe(METRIC_WIDTH);
    expect(labelWidth('val/accuracy', METRIC_WIDTH, true)).toBe(9.5);
    expect(labelWidth('pipeline__pipeline-2__eloregressor__home_ground_advantage', 9)).toBe(14);
    const index = keyIndex({ metrics: ['val/accuracy'], params: [] });
    expect(tableColumns(layout({ metrics: ['val/accuracy'] }), index, 'val/accuracy')[1]!.width).toBe(9.5);
    expect(tableColumns(layout({ metrics: ['val/accuracy'], widths: [['metric:val/accuracy', 20]] }), index, 'val/accuracy')[1]!.width).toBe(20);
  });
});

describe('columnGroups(columns)', () => {
  it('gives each run of columns of one group its header span', () => {
    const index = keyIndex({ metrics: ['val/loss', '__proto__'], params: ['constructor'] });
    const columns = tableColumns(layout({ metrics: ['val/loss', '__proto__'], params: ['constructor'], attributes: ['status', 'start'] }), index);
    expect(columnGroups(columns)).toEqual([
      { group: 'name', span: 1 },
      { group: 'metrics', span: 2 },
      { group: 'params', span: 1 },
      { group: 'attributes', span: 2 },
    ]);
  });
});
