import { describe, expect, it } from 'vitest';
import { memoryKey, recallColumns, rememberColumns, type StorageLike } from '../../../src/components/table/column-memory.ts';

function storage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('rememberColumns(storage, base, experimentId, entries) and recallColumns(…)', () => {
  it('remembers per site and experiment', () => {
    const s = storage();
    rememberColumns(s, '/repo-a/', '1', ['metrics.acc', 'params.lr~12']);
    rememberColumns(s, '/repo-b/', '1', ['metrics.loss']);
    expect(recallColumns(s, '/repo-a/', '1')).toEqual(['metrics.acc', 'params.lr~12']);
    expect(recallColumns(s, '/repo-b/', '1')).toEqual(['metrics.loss']);
    expect(recallColumns(s, '/repo-a/', '2')).toBeUndefined();
  });

  it('remembers an empty layout as such', () => {
    const s = storage();
    rememberColumns(s, '/', '1', []);
    expect(recallColumns(s, '/', '1')).toEqual([]);
  });

  it('ignores values that are not its own', () => {
    const s = storage();
    for (const value of ['not json', '[1,2]', '{"v":2,"columns":[]}', '{"v":1,"columns":[1]}', 'null']) {
      s.items.set(memoryKey('/', '1'), value);
      expect(recallColumns(s, '/', '1')).toBeUndefined();
    }
  });

  it('carries on when storage is missing or throws', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberColumns(throwing, '/', '1', ['metrics.acc'])).not.toThrow();
    expect(recallColumns(throwing, '/', '1')).toBeUndefined();
    expect(recallColumns(undefined, '/', '1')).toBeUndefined();
  });
});
