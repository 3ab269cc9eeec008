import { describe, expect, it } from 'vitest';
import { SYNTHETIC_EPOCH, syntheticSpec } from '../../scripts/lib/synthetic.ts';

describe('syntheticSpec(options)', () => {
  it('has the benchmark shape by default: 10 params, 5 metrics × 100 steps, one run in ten nested', () => {
    const spec = syntheticSpec({ runs: 40 });
    expect(spec.runs).toHaveLength(40);
    for (const run of spec.runs) {
      expect(Object.keys(run.params ?? {})).toHaveLength(10);
      expect(Object.keys(run.metrics ?? {})).toHaveLength(5);
      for (const points of Object.values(run.metrics ?? {})) expect(points).toHaveLength(100);
    }
    expect(spec.runs.filter((r) => r.parentId !== undefined)).toHaveLength(4);
    expect(spec.experiments.map((e) => e.name)).toEqual(['Default', 'synthetic-1']);
  });

  it('nests each child under a run of its own experiment that is not itself nested', () => {
    const spec = syntheticSpec({ runs: 100, nestedEvery: 4, experiments: 3 });
    const byId = new Map(spec.runs.map((r) => [r.id, r]));
    const children = spec.runs.filter((r) => r.parentId !== undefined);
    expect(children).toHaveLength(25);
    for (const child of children) {
      const parent = byId.get(child.parentId as string);
      expect(parent?.experimentId).toBe(child.experimentId);
      expect(parent?.parentId).toBeUndefined();
    }
    expect(new Set(spec.runs.map((r) => r.experimentId))).toEqual(new Set(['1', '2', '3']));
  });

  it('follows its arguments only: same arguments, same spec; another seed, other runs', () => {
    const a = syntheticSpec({ runs: 25, seed: 3, params: 12, metrics: 7, steps: 9 });
    expect(syntheticSpec({ runs: 25, seed: 3, params: 12, metrics: 7, steps: 9 })).toEqual(a);
    const b = syntheticSpec({ runs: 25, seed: 4, params: 12, metrics: 7, steps: 9 });
    expect(b.runs.map((r) => r.id)).not.toEqual(a.runs.map((r) => r.id));
    expect(Object.keys(a.runs[0]?.params ?? {})).toHaveLength(12);
  });

  it('dates everything from its fixed epoch, not from the clock', () => {
    const spec = syntheticSpec({ runs: 30, steps: 10 });
    const times = spec.runs.flatMap((r) => [r.startTime, r.endTime as number, ...Object.values(r.metrics ?? {}).flat().map((p) => p.timestamp)]);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(SYNTHETIC_EPOCH);
    expect(Math.max(...times)).toBeLessThan(SYNTHETIC_EPOCH + 24 * 3600_000);
  });

  it('gives unique 32-hex run ids', () => {
    const ids = syntheticSpec({ runs: 2000, steps: 1, metrics: 1, params: 1 }).runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rejects a store without experiments for its runs', () => {
    expect(() => syntheticSpec({ runs: 1, experiments: 0 })).toThrow(/experiments must be a positive integer/);
  });
});
