import { describe, expect, it } from 'vitest';
import { decodeRunIndex, loadRunIndex } from '../../../src/components/search/run-index.ts';
import type { Fetch } from '../../../src/components/charts/metric-chart-data.ts';

const ENTRY = { id: 'r1', name: 'bright-fox', experimentId: '1', experimentName: 'exp', status: 'FINISHED', startTime: 1_700_000_000_000 };

describe('decodeRunIndex(json, source)', () => {
  it('accepts entries with and without a start time', () => {
    const { startTime: _, ...noStart } = ENTRY;
    expect(decodeRunIndex([ENTRY, { ...noStart, id: 'r2' }], 'i.json')).toEqual([ENTRY, { ...noStart, id: 'r2' }]);
  });

  it('names the file, the entry and the field when malformed', () => {
    expect(() => decodeRunIndex({}, 'i.json')).toThrow('i.json: expected a JSON array of runs, got {}');
    expect(() => decodeRunIndex([ENTRY, null], 'i.json')).toThrow('i.json: [1] must be an object, got null');
    expect(() => decodeRunIndex([{ ...ENTRY, experimentName: 7 }], 'i.json')).toThrow('i.json: [0].experimentName must be a string, got 7');
    expect(() => decodeRunIndex([{ ...ENTRY, startTime: '2024' }], 'i.json')).toThrow('i.json: [0].startTime must be epoch ms, got "2024"');
  });
});

describe('loadRunIndex(base, fetch)', () => {
  it('fetches the index under the base path', async () => {
    const calls: string[] = [];
    const fetchFn: Fetch = async (url) => {
      calls.push(url);
      return { ok: true, status: 200, statusText: 'OK', json: async () => [ENTRY] };
    };
    expect(await loadRunIndex('/sub/path/', fetchFn)).toEqual([ENTRY]);
    expect(calls).toEqual(['/sub/path/data/runs-index.json']);
  });
});
