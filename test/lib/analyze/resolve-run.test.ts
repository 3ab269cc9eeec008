import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../../src/lib/analyze/resolve-run.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import type { Run, Snapshot } from '../../../src/lib/model.ts';

const run = (id: string, name: string, experimentId = '1', lifecycleStage: 'active' | 'deleted' = 'active'): Run => ({
  id, experimentId, name, status: 'FINISHED', lifecycleStage, params: {}, tags: {}, metrics: {}, inputs: [], artifacts: [], loggedModels: [],
});

const snapshot: Pick<Snapshot, 'runs' | 'experiments' | 'models'> = {
  experiments: [{ id: '1', name: 'vision', lifecycleStage: 'active', tags: {} }],
  runs: [run('aaaa1111', 'baseline'), run('aaaa2222', 'sweep'), run('bbbb3333', 'baseline', '1', 'deleted')],
  models: [{ name: 'clf', tags: {}, aliases: { champion: '2' }, versions: [{ version: '1', stage: 'None', status: 'READY', runId: 'aaaa2222', tags: {} }, { version: '2', stage: 'Production', status: 'READY', runId: 'aaaa1111', tags: {} }] }],
};

describe('resolveRun(snapshot, ref)', () => {
  it('finds a run by id, unique prefix, EXPERIMENT/RUN_NAME and model version or alias', () => {
    expect(resolveRun(snapshot, 'aaaa2222').id).toBe('aaaa2222');
    expect(resolveRun(snapshot, 'bbbb').id).toBe('bbbb3333');
    expect(resolveRun(snapshot, 'vision/baseline').id).toBe('aaaa1111');
    expect(resolveRun(snapshot, '1/sweep').id).toBe('aaaa2222');
    expect(resolveRun(snapshot, 'models:/clf/1').id).toBe('aaaa2222');
    expect(resolveRun(snapshot, 'models:/clf@champion').id).toBe('aaaa1111');
  });

  it('finds EXPERIMENT/RUN_NAME when the run name holds "/" (TensorBoard runs are folder paths), and the experiment name too', () => {
    const nested: Pick<Snapshot, 'runs' | 'experiments' | 'models'> = {
      experiments: [{ id: 'e1', name: 'runs', lifecycleStage: 'active', tags: {} }, { id: 'e2', name: '/Shared/yolo', lifecycleStage: 'active', tags: {} }],
      runs: [run('cccc1111', 'strict/run_1', 'e1'), run('cccc2222', '.', 'e1'), run('dddd1111', 'v8/n', 'e2')],
      models: [],
    };
    expect(resolveRun(nested, 'runs/strict/run_1').id).toBe('cccc1111');
    expect(resolveRun(nested, 'runs/.').id).toBe('cccc2222');
    expect(resolveRun(nested, '/Shared/yolo/v8/n').id).toBe('dddd1111');
  });

  it.each([
    ['aaaa', /ambiguous: 2 runs start with it/],
    ['nope', /no run matches "nope"/],
    ['models:/other/1', /no registered model named "other"/],
    ['models:/clf@staging', /has no alias "staging" \(aliases: champion\)/],
    ['models:/clf/9', /has no version 9/],
  ])('explains %s', (ref, message) => {
    expect(() => resolveRun(snapshot, ref)).toThrow(UsageError);
    expect(() => resolveRun(snapshot, ref)).toThrow(message);
  });
});
