import { describe, expect, it } from 'vitest';
import { hiddenColumns, uniformReason } from '../../../src/components/table/hidden-columns.ts';
import { T0, layout } from './records.ts';

describe('uniformReason(column)', () => {
  it('says what every run holds, as the cells would show it', () => {
    expect(uniformReason({ id: 'run:user', value: 'unknown' })).toBe('unknown in every run');
    expect(uniformReason({ id: 'run:source', value: '/home/ada/train.py' })).toBe('train.py in every run');
    expect(uniformReason({ id: 'run:commit', value: '0123456789abcdef' })).toBe('01234567 in every run');
    expect(uniformReason({ id: 'run:status', value: 'FINISHED' })).toBe('finished in every run');
    expect(uniformReason({ id: 'run:start', value: T0 })).toBe('2023-11-14 22:13 UTC in every run');
    expect(uniformReason({ id: 'run:duration', value: 65_000 })).toBe('1m 05s in every run');
    expect(uniformReason({ id: 'metric:epochs', value: 10.000000000000002 })).toBe('10 in every run');
    expect(uniformReason({ id: 'param:seed', value: '42' })).toBe('42 in every run');
  });

  it('says when a column is empty in every run', () => {
    expect(uniformReason({ id: 'run:commit', value: null })).toBe('empty in every run');
  });
});

describe('hiddenColumns(layout, uniform)', () => {
  it('lists every hidden attribute, then the hidden metrics and params that tell no run apart', () => {
    const uniform = [
      { id: 'run:user', value: 'unknown' },
      { id: 'run:commit', value: null },
      { id: 'param:seed', value: '42' },
      { id: 'metric:epochs', value: 10 },
      { id: 'param:shown', value: 'x' },
    ];
    const hidden = hiddenColumns(layout({ params: ['shown'], attributes: ['status', 'start', 'duration'] }), uniform);
    expect(hidden).toEqual([
      { id: 'run:user', label: 'User', reason: 'unknown in every run' },
      { id: 'run:source', label: 'Source', reason: undefined },
      { id: 'run:commit', label: 'Git commit', reason: 'empty in every run' },
      { id: 'param:seed', label: 'params.seed', reason: '42 in every run' },
      { id: 'metric:epochs', label: 'metrics.epochs', reason: '10 in every run' },
    ]);
  });

  it('lists nothing when every column that could be is shown', () => {
    expect(hiddenColumns(layout(), [{ id: 'run:user', value: 'x' }])).toEqual([]);
  });
});
