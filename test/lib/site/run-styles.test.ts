import { describe, expect, it } from 'vitest';
import { runStyles } from '../../../src/lib/site/run-styles.ts';

describe('runStyles(runs)', () => {
  it("numbers each experiment's runs by start time, oldest first, then by id, a run without a start last", () => {
    const styles = runStyles([
      { id: 'c', experimentId: '1', startTime: 30 },
      { id: 'x', experimentId: '2', startTime: 5 },
      { id: 'a', experimentId: '1', startTime: 10 },
      { id: 'b', experimentId: '1', startTime: 10 },
      { id: 'n', experimentId: '1' },
    ]);
    expect(Object.fromEntries(styles)).toEqual({ a: 0, b: 1, c: 2, n: 3, x: 0 });
  });

  it('keeps the styles of existing runs when new runs are added', () => {
    const old = [
      { id: 'r1', experimentId: '1', startTime: 1 },
      { id: 'r2', experimentId: '1', startTime: 2 },
    ];
    const grown = runStyles([...old, { id: 'r3', experimentId: '1', startTime: 3 }]);
    expect(grown.get('r1')).toBe(runStyles(old).get('r1'));
    expect(grown.get('r2')).toBe(runStyles(old).get('r2'));
    expect(grown.get('r3')).toBe(2);
  });
});
