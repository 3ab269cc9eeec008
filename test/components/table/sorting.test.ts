import { describe, expect, it } from 'vitest';
import { keyIndex, metricColumn, paramColumn, tableColumns, type SortValue } from '../../../src/components/table/columns.ts';
import { ariaSort, compareSortValues, nextSort, sortIndices } from '../../../src/components/table/sorting.ts';
import { layout, record } from './records.ts';

const sortValues = (values: SortValue[], ascending: boolean) => sortIndices(values.map((_, i) => i), (i) => values[i], ascending).map((i) => values[i]);

describe('sortIndices(indices, read, ascending)', () => {
  const numbers: SortValue[] = [3, NaN, undefined, 1, -Infinity, Infinity, 0];

  it('orders numbers numerically ascending, then NaN, then missing values', () => {
    expect(sortValues(numbers, true)).toEqual([-Infinity, 0, 1, 3, Infinity, NaN, undefined]);
  });

  it('keeps NaN and missing values last when descending too (MLflow)', () => {
    expect(sortValues(numbers, false)).toEqual([Infinity, 3, 1, 0, -Infinity, NaN, undefined]);
  });

  it('compares numbers as numbers, not as text', () => {
    expect(sortValues([10, 9, 100, 2], true)).toEqual([2, 9, 10, 100]);
  });

  it('compares strings by UTF-16 code unit, not by locale', () => {
    expect(sortValues(['b', 'B', 'a', 'é', '10', '9', 'Z'], true)).toEqual(['10', '9', 'B', 'Z', 'a', 'b', 'é']);
    expect(sortValues(['b', undefined, 'a'], false)).toEqual(['b', 'a', undefined]);
  });

  it('breaks ties by the default order (the record index) in both directions', () => {
    // Record indices 0..5 with values: ties among 4, 5 and 2 (value 1), 1 and 3 (missing).
    const values: SortValue[] = [2, undefined, 1, undefined, 1, 1];
    const order = [5, 4, 3, 2, 1, 0];
    expect(sortIndices(order, (i) => values[i], true)).toEqual([2, 4, 5, 0, 1, 3]);
    expect(sortIndices(order, (i) => values[i], false)).toEqual([0, 2, 4, 5, 1, 3]);
  });

  it('sorts only the given indices and returns a new array', () => {
    const indices = [3, 1];
    const sorted = sortIndices(indices, (i) => -i, true);
    expect(sorted).toEqual([3, 1]);
    expect(sorted).not.toBe(indices);
  });
});

describe('compareSortValues(a, b, ascending)', () => {
  it('treats two NaN and two missing values as ties', () => {
    expect(compareSortValues(NaN, NaN, true)).toBe(0);
    expect(compareSortValues(undefined, undefined, false)).toBe(0);
  });
});

describe('sorting table columns', () => {
  const index = keyIndex({ metrics: ['acc'], params: ['lr'] });
  const records = [
    record('a', { m: ['NaN'], p: ['0.1'] }),
    record('b', { m: [0.5], p: [null] }),
    record('c', { m: [null], p: ['0.01'] }),
    record('d', { m: ['-Infinity'], p: ['1e-3'] }),
    record('e', { m: [0.9], p: ['0.1'] }),
  ];
  const ids = (column: ReturnType<typeof tableColumns>[number], ascending: boolean) =>
    sortIndices(records.map((_, i) => i), (i) => column.sortValue(records[i]!), ascending).map((i) => records[i]!.id);

  it('reads metric values spelled NaN/Infinity as numbers, with null as missing', () => {
    expect(ids(metricColumn('acc', index), false)).toEqual(['e', 'b', 'd', 'a', 'c']);
  });

  it('sorts params as strings (MLflow stores them as text)', () => {
    // '0.01' < '0.1' (third character) < '1e-3'; the tie a/e keeps record order.
    expect(ids(paramColumn('lr', index), true)).toEqual(['c', 'a', 'e', 'd', 'b']);
  });

  it('orders runs without a name with the missing values', () => {
    const named = [record('x', { name: 'zeta' }), record('y', { name: '' }), record('z', { name: 'alpha' })];
    const name = tableColumns(layout(), keyIndex({ metrics: [], params: [] }))[0]!;
    expect(sortIndices([0, 1, 2], (i) => name.sortValue(named[i]!), false)).toEqual([0, 2, 1]);
  });
});

describe('nextSort(current, column)', () => {
  it('sorts a new column ascending, then flips the sorted one', () => {
    const first = nextSort(undefined, 'metric:acc');
    expect(first).toEqual({ column: 'metric:acc', direction: 'asc' });
    const second = nextSort(first, 'metric:acc');
    expect(second).toEqual({ column: 'metric:acc', direction: 'desc' });
    expect(nextSort(second, 'metric:acc')).toEqual({ column: 'metric:acc', direction: 'asc' });
    expect(nextSort(second, 'run:name')).toEqual({ column: 'run:name', direction: 'asc' });
  });
});

describe('ariaSort(sort, column)', () => {
  it('marks only the sorted column', () => {
    expect(ariaSort({ column: 'a', direction: 'desc' }, 'a')).toBe('descending');
    expect(ariaSort({ column: 'a', direction: 'asc' }, 'a')).toBe('ascending');
    expect(ariaSort({ column: 'a', direction: 'asc' }, 'b')).toBeUndefined();
    expect(ariaSort(undefined, 'a')).toBeUndefined();
  });
});
