/**
 * A big synthetic store (written by our MLflow-format writer): worker threads and the
 * single-thread path give the same Snapshot, and every run of the spec comes back.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../../scripts/lib/synthetic.ts';
import { writeMlruns } from '../../../src/generate/write-mlruns.ts';
import { readStores } from '../../../src/lib/read/index.ts';
import { snapshotToJson } from '../../../src/lib/snapshot-json.ts';
import { tempDir } from '../../support/tmp.ts';

const RUNS = 1200;

describe('readStores([big mlruns]) with worker threads', () => {
  const root = join(tempDir(), 'mlruns');
  const spec = syntheticSpec({ runs: RUNS, steps: 20 });
  beforeAll(() => writeMlruns(spec, root));

  it('reads the same Snapshot on worker threads as on one thread', async () => {
    const threaded = await readStores([root], { threads: 2 });
    const single = await readStores([root], { threads: 1 });
    expect(threaded.runs).toHaveLength(RUNS);
    expect(snapshotToJson(threaded)).toBe(snapshotToJson(single));
  });

  it('returns every run of the spec with its params and full histories', async () => {
    const snapshot = await readStores([root], { threads: 2 });
    const byId = new Map(snapshot.runs.map((r) => [r.id, r]));
    for (const run of spec.runs) {
      const read = byId.get(run.id);
      expect(read?.params).toEqual(run.params ?? {});
      for (const [key, points] of Object.entries(run.metrics ?? {})) expect(read?.metrics[key]?.history).toHaveLength(points.length);
    }
  });

  it('reports progress up to the number of runs', async () => {
    const seen: number[] = [];
    await readStores([root], { threads: 2, onProgress: (done, total) => seen.push(done === total ? -1 : done) });
    expect(seen.at(-1)).toBe(-1);
  });
});
