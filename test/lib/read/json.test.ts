import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { snapshotToJson } from '../../../src/lib/snapshot-json.ts';
import { FIXTURES as ALL_FIXTURES } from '../../support/fixtures.ts';
import { tempDir, writeTree } from '../../support/tmp.ts';

const FIXTURES = join(ALL_FIXTURES, 'real');
const RUN = '0123456789abcdef0123456789abcdef';

describe('readStores([file.json]) with a Runfolio snapshot', () => {
  it.each(['packt-hpt', 'yolo-slash', 'augury'])('export → import → export is byte-identical (%s)', async (name) => {
    const first = snapshotToJson(await readStores([join(FIXTURES, name, 'mlruns')]));
    const file = join(tempDir(), 'snapshot.json');
    writeFileSync(file, first);
    const second = snapshotToJson(await readStores([file]));
    expect(second).toBe(first);
  });

  it('rejects a snapshot that breaks the schema, naming the file and the key', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'runfolio.snapshot/1', experiments: [], runs: [{ id: 'x' }], models: [], warnings: [] }));
    await expect(readStores([file])).rejects.toThrow(/bad\.json: not a valid Runfolio snapshot: runs\.0\.experimentId/);
  });
});

describe('readStores([file.json]) with an MLflow REST runs/search response', () => {
  const response = {
    runs: [
      {
        info: { run_id: RUN, experiment_id: '3', run_name: 'rf', status: 'FINISHED', start_time: '1700000000000', end_time: 1700000005000, lifecycle_stage: 'active', user_id: 'ana' },
        data: {
          metrics: [{ key: 'rmse', value: 0.5, timestamp: '1700000004000', step: '4' }, { key: 'loss', value: 'NaN', timestamp: 1700000004000, step: 0 }],
          params: [{ key: 'max_depth', value: '6' }],
          tags: [{ key: 'mlflow.parentRunId', value: 'p'.repeat(32) }, { key: 'mlflow.note.content', value: '# Note' }],
        },
        inputs: { dataset_inputs: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset: { name: 'wine', digest: 'abc123' } }] },
      },
      { info: { experiment_id: '3' }, data: {} },
    ],
  };

  it('reads runs with their latest metrics, int64 strings and NaN, and skips a broken run with a warning', async () => {
    const file = join(tempDir(), 'runs.json');
    writeFileSync(file, JSON.stringify(response));
    const snapshot = await readStores([file]);
    expect(snapshot.experiments.map((e) => e.id)).toEqual(['3']);
    const [run] = snapshot.runs;
    expect(run).toMatchObject({ id: RUN, name: 'rf', status: 'FINISHED', startTime: 1700000000000, user: 'ana', parentId: 'p'.repeat(32), description: '# Note', params: { max_depth: '6' } });
    expect(run?.metrics.rmse?.latest).toEqual({ step: 4, timestamp: 1700000004000, value: 0.5 });
    expect(run?.metrics.loss?.latest.value).toBe('NaN');
    expect(run?.inputs).toEqual([{ name: 'wine', digest: 'abc123', context: 'train' }]);
    expect(snapshot.runs).toHaveLength(1);
    expect(snapshot.warnings.find((w) => w.path === 'runs.json/runs[1]')?.message).toMatch(/run_id is missing; run skipped/);
  });
});

describe('readStores([folder]) with an mlflow-export-import experiment export', () => {
  it('reads experiment.json and runs/<id>/run.json with full histories', async () => {
    const root = writeTree(join(tempDir(), 'export'), {
      'experiment.json': JSON.stringify({ system: {}, info: {}, mlflow: { experiment: { experiment_id: '1', name: 'sklearn_wine', lifecycle_stage: 'active', tags: { team: 'ml' }, creation_time: 1684623705797 }, runs: [RUN] } }),
      [`runs/${RUN}/run.json`]: JSON.stringify({
        system: {},
        mlflow: {
          info: { run_uuid: RUN, run_id: RUN, experiment_id: '1', status: 'FINISHED', start_time: 1684623849419, lifecycle_stage: 'active', run_name: 'wine' },
          params: { max_depth: '4' },
          metrics: { rmse: [{ value: 0.9, timestamp: 2, step: 1 }, { value: 0.7, timestamp: 1, step: 0 }] },
          tags: { 'mlflow.user': 'andre' },
        },
      }),
    });
    const snapshot = await readStores([root]);
    expect(snapshot.experiments).toEqual([expect.objectContaining({ id: '1', name: 'sklearn_wine', tags: { team: 'ml' } })]);
    const run = snapshot.runs[0];
    expect(run?.user).toBe('andre');
    expect(run?.metrics.rmse?.history.map((p) => p.value)).toEqual([0.7, 0.9]);
    expect(run?.metrics.rmse?.latest.value).toBe(0.9);
  });
});

describe('readStores([file.json]) with JSON of another shape', () => {
  it.each([
    ['{"hello": 1}', /unknown shape: expected a Runfolio export/],
    ['{"runs": [', /not valid JSON/],
  ])('fails with one line naming the file for %j', async (content, message) => {
    const file = join(tempDir(), 'other.json');
    writeFileSync(file, content);
    const error = await readStores([file]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('other.json');
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
