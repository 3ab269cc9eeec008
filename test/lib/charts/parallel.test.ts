import { describe, expect, it } from 'vitest';
import { MAX_CATEGORIES, numericValue, parallelData } from '../../../src/lib/charts/parallel.ts';
import { axisType, axisValue } from '../../../src/lib/charts/scatter-spec.ts';

describe('parallelData(inputs, dims, metric)', () => {
  it('maps numeric axes min…max to 0…1 and labels min, middle and max', () => {
    const data = parallelData(
      [
        { run: 'a', values: { lr: '0.1', acc: 0.5 } },
        { run: 'b', values: { lr: '0.3', acc: 0.9 } },
        { run: 'c', values: { lr: '0.2', acc: 0.7 } },
      ],
      ['lr', 'acc'],
      'acc',
    );
    const lr = data.rows.filter((r) => r.dim === 'lr');
    expect(lr.map((r) => [r.run, r.pos])).toEqual([['a', 0], ['b', 1], ['c', expect.closeTo(0.5, 12)]]);
    expect(lr.map((r) => r.score)).toEqual([0.5, 0.9, 0.7]);
    expect(data.ticks.filter((t) => t.dim === 'lr').map((t) => [t.pos, t.text])).toEqual([[0, '0.1'], [0.5, '0.2'], [1, '0.3']]);
    expect(data.rows.filter((r) => r.dim === 'acc').every((r) => r.axis === 1)).toBe(true);
  });

  it('spreads categorical values evenly in code-unit order', () => {
    const data = parallelData(
      ['sgd', 'Adam', 'adam', 'sgd'].map((opt, i) => ({ run: `r${i}`, values: { opt, acc: i } })),
      ['opt'],
      'acc',
    );
    expect(data.ticks.map((t) => [t.text, t.pos])).toEqual([['Adam', 0], ['adam', 0.5], ['sgd', 1]]);
    expect(data.rows.map((r) => r.pos)).toEqual([1, 0, 0.5, 1]);
  });

  it('puts a single value in the middle of its axis', () => {
    const data = parallelData([{ run: 'a', values: { lr: '1', opt: 'x', acc: 1 } }, { run: 'b', values: { lr: '1', opt: 'x', acc: 2 } }], ['lr', 'opt'], 'acc');
    expect(data.rows.map((r) => r.pos)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('leaves out runs missing an axis or the metric, as MLflow does', () => {
    const data = parallelData(
      [
        { run: 'full', values: { lr: '0.1', acc: 0.5 } },
        { run: 'no-lr', values: { acc: 0.5 } },
        { run: 'no-acc', values: { lr: '0.1' } },
        { run: 'nan-acc', values: { lr: '0.1', acc: NaN } },
      ],
      ['lr'],
      'acc',
    );
    expect([...new Set(data.rows.map((r) => r.run))]).toEqual(['full']);
    expect(data.dropped).toBe(3);
  });

  it('treats an axis as numeric when at least half the runs have numbers there, dropping the others', () => {
    const numeric = parallelData(['1', '2', 'None', '4'].map((lr, i) => ({ run: `r${i}`, values: { lr, acc: i } })), ['lr'], 'acc');
    expect(numeric.rows.map((r) => r.run)).toEqual(['r0', 'r1', 'r3']);
    expect(numeric.dropped).toBe(1);
    const categorical = parallelData(['1', 'x', 'y', 'z'].map((lr, i) => ({ run: `r${i}`, values: { lr, acc: i } })), ['lr'], 'acc');
    expect(categorical.rows).toHaveLength(4);
    expect(categorical.ticks.map((t) => t.text)).toEqual(['1', 'x', 'y', 'z']);
  });

  it(`keeps at most ${MAX_CATEGORIES} categories per axis, dropping runs with further ones`, () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ run: `r${i}`, values: { name: `v${i}`, acc: i } }));
    const data = parallelData(inputs, ['name'], 'acc');
    expect(data.ticks).toHaveLength(MAX_CATEGORIES);
    expect(data.dropped).toBe(10);
  });
});

describe('numericValue(value)', () => {
  it('reads finite numbers only', () => {
    expect(['1', ' 2.5 ', '-3e-4', '.5'].map(numericValue)).toEqual([1, 2.5, -3e-4, 0.5]);
    expect(['', 'inf', 'NaN', '0x10', '1,5', 'None'].map(numericValue)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(numericValue(Infinity)).toBeUndefined();
  });
});

describe('axisType(values) / axisValue(value, type)', () => {
  it('is quantitative when every value spells a number, nominal otherwise', () => {
    expect(axisType(['1', '0.5', 2])).toBe('quantitative');
    expect(axisType(['1', 'adam'])).toBe('nominal');
    expect(axisType([])).toBe('nominal');
    expect(axisValue('0.5', 'quantitative')).toBe(0.5);
    expect(axisValue(3, 'nominal')).toBe('3');
  });
});
