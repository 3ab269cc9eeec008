import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupItems, groupKeyText, groupLabel, metricStats, parseGroupKey } from '../../../src/lib/analyze/groups.ts';
import { readStores } from '../../../src/lib/read/index.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { readRawRuns } from '../../support/raw-mlruns.ts';

describe('parseGroupKey(text)', () => {
  it('reads params. and tags. keys, the rest of the text being the key', () => {
    expect(parseGroupKey('params.model')).toEqual({ source: 'params', key: 'model' });
    expect(parseGroupKey('tags.team.name/x y')).toEqual({ source: 'tags', key: 'team.name/x y' });
    expect(groupKeyText({ source: 'params', key: 'a.b' })).toBe('params.a.b');
  });

  it('refuses other sources and empty keys', () => {
    for (const text of ['metrics.acc', 'attributes.status', 'params.', 'model', '', '.x']) expect(parseGroupKey(text)).toBeUndefined();
  });
});

describe('groupItems(items, valueOf)', () => {
  it('orders numeric values numerically, keeps members in input order and puts runs without the key last', () => {
    const items = [
      { id: 'a', lr: '0.1' },
      { id: 'b', lr: undefined },
      { id: 'c', lr: '0.01' },
      { id: 'd', lr: '0.1' },
      { id: 'e', lr: '1e-3' },
    ];
    const groups = groupItems(items, (i) => i.lr);
    expect(groups.map((g) => [g.value, g.members.map((m) => m.id)])).toEqual([
      ['1e-3', ['e']],
      ['0.01', ['c']],
      ['0.1', ['a', 'd']],
      [null, ['b']],
    ]);
  });

  it('orders text values by code unit once any value is not a number', () => {
    const groups = groupItems(['10', '9', 'rf', 'Zed', '9'], (v) => v);
    expect(groups.map((g) => [g.value, g.members.length])).toEqual([
      ['10', 1],
      ['9', 2],
      ['Zed', 1],
      ['rf', 1],
    ]);
  });

  it('keeps an empty string as a value of its own, apart from a missing key', () => {
    expect(groupItems(['', null, 'x'], (v) => v).map((g) => g.value)).toEqual(['', 'x', null]);
  });
});

describe('groupLabel(key, value)', () => {
  it('names the key and the value, or that the key is not set', () => {
    expect(groupLabel({ source: 'params', key: 'model' }, 'rf')).toBe('model = rf');
    expect(groupLabel({ source: 'tags', key: 'team' }, null)).toBe('team not set');
  });
});

/** Two-pass mean and sample standard deviation, written plainly: the reference metricStats must match. */
function reference(values: number[]) {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

describe('metricStats(values)', () => {
  it('gives count, mean, sample std, min and max', () => {
    const stats = metricStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(stats).toMatchObject({ runs: 8, count: 8, missing: 0, nan: 0, infinite: 0, mean: 5, min: 2, max: 9 });
    expect(stats.std).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('counts missing, NaN and infinite values and leaves them out of the statistics', () => {
    const stats = metricStats([1, null, 'NaN', 3, 'Infinity', undefined, -Infinity]);
    expect(stats).toMatchObject({ runs: 7, count: 2, missing: 2, nan: 1, infinite: 2, mean: 2, min: 1, max: 3 });
    expect(stats.std).toBeCloseTo(Math.SQRT2, 14);
  });

  it('has no std for one value, and no statistics at all without a finite value', () => {
    expect(metricStats([0.5])).toEqual({ runs: 1, count: 1, missing: 0, nan: 0, infinite: 0, mean: 0.5, min: 0.5, max: 0.5 });
    expect(metricStats([null, 'NaN'])).toEqual({ runs: 2, count: 0, missing: 1, nan: 1, infinite: 0 });
    expect(metricStats([])).toEqual({ runs: 0, count: 0, missing: 0, nan: 0, infinite: 0 });
  });

  it('stays accurate for values far from zero with a tiny spread', () => {
    const values = [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3];
    const stats = metricStats(values);
    expect(stats.std).toBeCloseTo(0.1, 6);
    expect(stats.mean).toBeCloseTo(1e9 + 0.2, 5);
  });

  it('matches an independent computation over the raw files of a real store (augury, by params.model)', async () => {
    const root = join(FIXTURES, 'real/augury/mlruns');
    const snapshot = await readStores([root]);
    const runs = snapshot.runs.filter((r) => r.lifecycleStage === 'active');
    const raw = readRawRuns(root).filter((r) => !r.deleted);
    const groups = groupItems(runs, (run) => (Object.hasOwn(run.params, 'model') ? (run.params.model as string) : null));
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) {
      const members = new Set(group.members.map((r) => r.id));
      const rawMembers = raw.filter((r) => (r.params.get('model') ?? null) === group.value);
      expect(rawMembers.map((r) => r.id).sort()).toEqual([...members].sort());
      for (const metric of ['match_accuracy', 'mean_absolute_error']) {
        const stats = metricStats(group.members.map((r) => r.metrics[metric]?.latest.value ?? null));
        const values = rawMembers.flatMap((r) => (r.metrics.has(metric) ? [r.metrics.get(metric) as number] : []));
        expect(stats.count + stats.missing).toBe(rawMembers.length);
        expect(stats.count).toBe(values.length);
        if (values.length === 0) continue;
        const expected = reference(values);
        expect(stats.mean).toBeCloseTo(expected.mean, 12);
        expect(stats.min).toBe(expected.min);
        expect(stats.max).toBe(expected.max);
        if (values.length > 1) expect(stats.std).toBeCloseTo(expected.std, 12);
        else expect(stats.std).toBeUndefined();
      }
    }
  });
});
