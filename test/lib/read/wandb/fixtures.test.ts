/** The real W&B run folders in test/fixtures/trackers/wandb, read fact by fact against their expected.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores, type ReadCounts } from '../../../../src/lib/read/index.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { compareWandbFacts, type WandbExpected } from '../../../support/wandb-facts.ts';

const WANDB = join(FIXTURES, 'trackers/wandb');

async function readFixture(name: string) {
  const reads: ReadCounts[] = [];
  const snapshot = await readStores([join(WANDB, name)], { onRead: (r) => reads.push(r) });
  const expected = JSON.parse(readFileSync(join(WANDB, name, 'expected.json'), 'utf8')) as WandbExpected;
  return { snapshot, read: reads[0] as ReadCounts, expected };
}

describe.each(['kwt-0.12-killed', 'cs336-0.21-core'])('the %s fixture', (name) => {
  it('agrees with every fact of its expected.json', async () => {
    const { snapshot, read, expected } = await readFixture(name);
    expect(compareWandbFacts({ ...snapshot, read }, expected)).toEqual([]);
  });
});
