/** The W&B fixture-facts comparison must notice a wrong fact, or every test built on it passes vacuously. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores, type ReadCounts } from '../../src/lib/read/index.ts';
import { FIXTURES } from './fixtures.ts';
import { compareWandbFacts, type WandbExpected } from './wandb-facts.ts';

const dir = join(FIXTURES, 'trackers/wandb/kwt-0.12-killed');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as WandbExpected;

describe('compareWandbFacts(actual, expected)', () => {
  it('names each fact that differs, and nothing else', async () => {
    const reads: ReadCounts[] = [];
    const snapshot = await readStores([dir], { onRead: (r) => reads.push(r) });
    const read = reads[0] as ReadCounts;
    const run = snapshot.runs[0];
    const loss = run?.metrics['Training/loss'];
    if (!run || !loss) throw new Error('fixture changed');
    run.name = '';
    run.status = 'RUNNING';
    loss.history.pop();
    delete run.metrics['system/cpu'];
    run.params.extra = '1';
    read.counts['records: output'] = 221;
    expect(compareWandbFacts({ ...snapshot, read }, expected)).toEqual([
      'name: expected "First try", got null',
      'status: expected "KILLED", got "RUNNING"',
      'record_counts: expected {"files":1,"header":1,"history":862,"output":222,"run":1,"stats":18,"telemetry":1}, got {"files":1,"header":1,"history":862,"output":221,"run":1,"stats":18,"telemetry":1}',
      'params: expected {"Notes":"Default Hyper Parameters, Swish activation."}, got {"Notes":"Default Hyper Parameters, Swish activation.","extra":"1"}',
      'Training/loss count: expected 861, got 860',
      'Training/loss last_step: expected 861, got 860',
      'stats cpu: no system/ metric',
    ]);
  });
});
