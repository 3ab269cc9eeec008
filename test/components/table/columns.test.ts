import { describe, expect, it } from 'vitest';
import { durationMs, initialChoice, keyIndex, metricColumn, paramColumn, RUN_COLUMNS, sourceBasename, tableColumns, toggleKey } from '../../../src/components/table/columns.ts';
import { record, T0 } from './records.ts';

const column = (id: string) => RUN_COLUMNS.find((c) => c.id === id)!;

describe('RUN_COLUMNS', () => {
  it('are name, status, start, duration, user, source and git commit, in that order', () => {
    expect(RUN_COLUMNS.map((c) => c.label)).toEqual(['Name', 'Status', 'Start (UTC)', 'Duration', 'User', 'Source', 'Git commit']);
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

  it('show the status as words, the name or the short id, and the first 8 characters of the commit', () => {
    expect(column('run:status').text(record('a', { status: 'KILLED' }))).toBe('Killed');
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

  it('show metrics to 6 significant digits with the full value as title', () => {
    const c = metricColumn('val/loss', index);
    expect(c.text(r)).toBe('0.123457');
    expect(c.title?.(r)).toBe('0.123456789');
    expect(c.exportValue(r)).toBe(0.123456789);
  });

  it('come after the run columns, metrics first, in the chosen order', () => {
    const ids = tableColumns({ metrics: ['a.b c', 'val/loss'], params: ['toString'] }, index).map((c) => c.id);
    expect(ids.slice(RUN_COLUMNS.length)).toEqual(['metric:a.b c', 'metric:val/loss', 'param:toString']);
  });
});

describe('initialChoice(defaults, available) and toggleKey(keys, key, on)', () => {
  it('keeps default keys the experiment has, once each', () => {
    expect(initialChoice({ metrics: ['acc', 'gone', 'acc'], params: ['lr'] }, { metrics: ['loss', 'acc'], params: [] })).toEqual({ metrics: ['acc'], params: [] });
  });

  it('appends a newly chosen key, removes an unchosen one, and keeps a key chosen twice in place', () => {
    expect(toggleKey(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleKey(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleKey(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
  });
});
