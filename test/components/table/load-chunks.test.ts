import { describe, expect, it } from 'vitest';
import { checkChunk, loadChunks, type FetchLike } from '../../../src/components/table/load-chunks.ts';
import type { RunsTableChunk } from '../../../src/lib/site/table-data.ts';
import { record } from './records.ts';

const url = (k: number) => `/base/data/experiments/0/runs-${k}.json`;

function chunk(k: number, chunks = 4, metrics = ['acc']): RunsTableChunk {
  return { metrics, params: [], chunk: k, chunks, total: chunks * 2, rows: [record(`r${k}a`), record(`r${k}b`)] };
}

/** A fetch over an in-memory site that records the URLs asked for. */
function fakeFetch(files: Record<string, unknown>, onRequest?: (url: string) => void) {
  const calls: string[] = [];
  const fetch: FetchLike = async (u) => {
    calls.push(u);
    onRequest?.(u);
    const found = Object.hasOwn(files, u);
    return { ok: found, status: found ? 200 : 404, statusText: found ? 'OK' : 'Not Found', json: async () => files[u] };
  };
  return { fetch, calls };
}

describe('loadChunks(options)', () => {
  it('loads chunk 0 first, then the others in order, handing each over as it arrives', async () => {
    const files = Object.fromEntries([0, 1, 2, 3].map((k) => [url(k), chunk(k)]));
    const { fetch, calls } = fakeFetch(files);
    const got: number[] = [];
    const failure = await loadChunks({ from: 0, chunks: 4, url, fetch, onChunk: (c) => got.push(c.chunk) });
    expect(failure).toBeUndefined();
    expect(calls).toEqual([url(0), url(1), url(2), url(3)]);
    expect(got).toEqual([0, 1, 2, 3]);
  });

  it('stops at the first failure, naming the file, and keeps what arrived', async () => {
    const files = { [url(0)]: chunk(0), [url(1)]: chunk(1), [url(3)]: chunk(3) };
    const { fetch, calls } = fakeFetch(files);
    const got: number[] = [];
    const failure = await loadChunks({ from: 0, chunks: 4, url, fetch, onChunk: (c) => got.push(c.chunk) });
    expect(failure).toEqual({ chunk: 2, message: `${url(2)}: HTTP 404 Not Found` });
    expect(got).toEqual([0, 1]);
    expect(calls).not.toContain(url(3));
  });

  it('resumes at a given chunk', async () => {
    const { fetch, calls } = fakeFetch({ [url(2)]: chunk(2), [url(3)]: chunk(3) });
    const got: number[] = [];
    await loadChunks({ from: 2, chunks: 4, url, fetch, keys: { metrics: ['acc'], params: [] }, onChunk: (c) => got.push(c.chunk) });
    expect(calls).toEqual([url(2), url(3)]);
    expect(got).toEqual([2, 3]);
  });

  it('reports a network error as a failure of that chunk', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadChunks({ from: 0, chunks: 2, url, fetch, onChunk: () => {} })).toEqual({ chunk: 0, message: 'Failed to fetch' });
  });

  it('rejects a chunk whose keys differ from the ones already loaded', async () => {
    const { fetch } = fakeFetch({ [url(0)]: chunk(0), [url(1)]: chunk(1, 4, ['loss']) });
    const failure = await loadChunks({ from: 0, chunks: 2, url, fetch, onChunk: () => {} });
    expect(failure?.chunk).toBe(1);
    expect(failure?.message).toContain(url(1));
    expect(failure?.message).toContain('keys differ');
  });

  it('stops quietly when aborted (the island unmounted)', async () => {
    const controller = new AbortController();
    const files = Object.fromEntries([0, 1, 2, 3].map((k) => [url(k), chunk(k)]));
    const { fetch } = fakeFetch(files, (u) => {
      if (u === url(1)) controller.abort();
    });
    const got: number[] = [];
    const failure = await loadChunks({ from: 0, chunks: 4, url, fetch, signal: controller.signal, onChunk: (c) => got.push(c.chunk) });
    expect(failure).toBeUndefined();
    expect(got).toEqual([0]);
  });
});

describe('checkChunk(value, url, k, keys)', () => {
  it('accepts a chunk of the expected number', () => {
    const c = chunk(1);
    expect(checkChunk(c, url(1), 1)).toBe(c);
  });

  it('names the file and the key that is wrong', () => {
    expect(() => checkChunk([], url(0), 0)).toThrow(`${url(0)}: expected a runs table chunk (a JSON object)`);
    expect(() => checkChunk(chunk(2), url(1), 1)).toThrow(`${url(1)}: "chunk" must be 1, got 2`);
    expect(() => checkChunk({ ...chunk(0), rows: {} }, url(0), 0)).toThrow(`${url(0)}: "rows" must be a list`);
    expect(() => checkChunk({ ...chunk(0), metrics: [1] }, url(0), 0)).toThrow('"metrics" and "params" must be lists of keys');
  });
});
