/** A run id found twice in one store (a copied run folder) is published once, with a warning naming both places. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { tempDir, writeTree } from '../../support/tmp.ts';

const RUN = 'c'.repeat(32);

function experiment(id: string): string {
  return `artifact_location: file:///x/mlruns/${id}\nexperiment_id: '${id}'\nlifecycle_stage: active\nname: exp-${id}\n`;
}

function run(experimentId: string, loss: string): Record<string, string> {
  return {
    [`${experimentId}/${RUN}/meta.yaml`]: `artifact_uri: file:///x/mlruns/${experimentId}/${RUN}/artifacts\nend_time: 1700000001000\nexperiment_id: '${experimentId}'\nlifecycle_stage: active\nrun_id: ${RUN}\nrun_name: copied\nrun_uuid: ${RUN}\nstart_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: ana\n`,
    [`${experimentId}/${RUN}/metrics/loss`]: `1700000000100 ${loss} 0\n`,
  };
}

describe('readStores([store]) with a run id found twice', () => {
  it('keeps the copy in the lowest active experiment of a file store and warns naming both folders', async () => {
    const root = join(tempDir(), 'mlruns');
    writeTree(root, { '2/meta.yaml': experiment('2'), '10/meta.yaml': experiment('10'), ...run('10', '0.9'), ...run('2', '0.5') });
    const snapshot = await readStores([root]);
    expect(snapshot.runs.map((r) => [r.id, r.experimentId])).toEqual([[RUN, '2']]);
    expect(snapshot.runs[0]?.metrics.loss?.latest.value).toBe(0.5);
    expect(snapshot.warnings).toEqual([{ path: `mlruns/10/${RUN}`, message: `run ${RUN} is also at mlruns/2/${RUN} (a copied run folder?); the copy there is kept, this one is not published` }]);
  });

  it('prefers the copy in an active experiment to one in .trash, as MLflow reads it', async () => {
    const root = join(tempDir(), 'mlruns');
    const trashed = Object.fromEntries(Object.entries(run('1', '0.1')).map(([k, v]) => [`.trash/${k}`, v]));
    writeTree(root, { '.trash/1/meta.yaml': experiment('1'), '5/meta.yaml': experiment('5'), ...trashed, ...run('5', '0.7') });
    const snapshot = await readStores([root]);
    expect(snapshot.runs.map((r) => r.experimentId)).toEqual(['5']);
    expect(snapshot.warnings.filter((w) => w.message.includes('is also at')).map((w) => w.path)).toEqual([`mlruns/.trash/1/${RUN}`]);
  });

  it('keeps one of two run.json files of an export with the same run id', async () => {
    const root = tempDir();
    const runJson = (name: string) => JSON.stringify({ mlflow: { info: { run_id: RUN, experiment_id: '1', status: 'FINISHED', lifecycle_stage: 'active', start_time: 1700000000000 }, params: {}, metrics: {}, tags: { 'mlflow.runName': name } } });
    writeTree(root, { 'a/run.json': runJson('first'), 'b/run.json': runJson('second') });
    const snapshot = await readStores([root]);
    expect(snapshot.runs.map((r) => r.name)).toEqual(['first']);
    const label = snapshot.warnings.find((w) => w.message.includes('is also at'));
    expect(label?.path).toMatch(/\/b\/run\.json$/);
    expect(label?.message).toMatch(/is also at .*\/a\/run\.json/);
  });
});
