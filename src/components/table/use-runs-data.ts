/**
 * The runs table's records as they arrive: chunk 0, then the rest in the background
 * (load-chunks.ts). Records only ever append, so indices into them stay valid while loading.
 * Nothing is fetched on the server or before hydration: the first render has no records.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import { chunkUrl } from './links.ts';
import { loadChunks, type LoadFailure } from './load-chunks.ts';

export interface RunsData {
  records: RunsTableRecord[];
  /** The metric and param keys the records' `m` and `p` align with; undefined before chunk 0. */
  keys: { metrics: string[]; params: string[] } | undefined;
  /** Chunks loaded so far. */
  loaded: number;
  /** The chunk that failed to load, with the reason; loading stopped there. */
  failure: LoadFailure | undefined;
  /** Loads again from the chunk that failed. */
  retry: () => void;
}

interface Loaded {
  records: RunsTableRecord[];
  keys: { metrics: string[]; params: string[] } | undefined;
  loaded: number;
}

export function useRunsData(base: string, experimentId: string, chunks: number): RunsData {
  const [data, setData] = useState<Loaded>({ records: [], keys: undefined, loaded: 0 });
  const [failure, setFailure] = useState<LoadFailure>();
  const [attempt, setAttempt] = useState(0);
  // The loader resumes where the last one stopped; a ref, so resuming does not restart the effect.
  const progress = useRef<Loaded>(data);

  useEffect(() => {
    const controller = new AbortController();
    setFailure(undefined);
    void loadChunks({
      from: progress.current.loaded,
      chunks,
      url: (k) => chunkUrl(base, experimentId, k),
      fetch: (url, init) => globalThis.fetch(url, init),
      ...(progress.current.keys ? { keys: progress.current.keys } : {}),
      signal: controller.signal,
      onChunk: (chunk) => {
        const next: Loaded = {
          records: progress.current.records.concat(chunk.rows),
          // Every chunk has the same keys (load-chunks.ts checks): keep one object, so memos hold.
          keys: progress.current.keys ?? { metrics: chunk.metrics, params: chunk.params },
          loaded: progress.current.loaded + 1,
        };
        progress.current = next;
        setData(next);
      },
    }).then((failed) => {
      if (failed && !controller.signal.aborted) setFailure(failed);
    });
    return () => controller.abort();
  }, [base, experimentId, chunks, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...data, failure, retry };
}
