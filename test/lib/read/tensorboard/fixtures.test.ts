/** The three real log trees in test/fixtures/trackers/tensorboard/, read and checked fact by fact against their expected.json. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTensorboard } from '../../../../src/lib/read/tensorboard/index.ts';
import type { UnpublishedCount } from '../../../../src/lib/read/types.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { hashTree } from '../../../support/tmp.ts';
import { compareTensorboardFacts, type ExpectedTbFacts } from '../../../support/tensorboard-facts.ts';

const TREES = join(FIXTURES, 'trackers/tensorboard');

async function read(name: string) {
  const counts: UnpublishedCount[] = [];
  const contents = await readTensorboard(join(TREES, name), name, { onUnpublished: (c) => counts.push(c) });
  return { contents, counts };
}

function expected(name: string): ExpectedTbFacts {
  return JSON.parse(readFileSync(join(TREES, name, 'expected.json'), 'utf8')) as ExpectedTbFacts;
}

describe('readTensorboard(fixture tree)', () => {
  it.each(readdirSync(TREES).sort())('%s: every fact of expected.json holds', async (name) => {
    const { contents, counts } = await read(name);
    expect(compareTensorboardFacts(join(TREES, name), contents, counts, expected(name))).toEqual([]);
  });

  it('reads the same tree to the same runs twice, and writes nothing', async () => {
    const before = hashTree(TREES);
    const a = await read('pytorch-reducer');
    const b = await read('pytorch-reducer');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(hashTree(TREES)).toBe(before);
  });
});

describe('compareTensorboardFacts(dir, contents, counts, expected)', () => {
  it('names each fact that differs', async () => {
    const { contents, counts } = await read('lightning-fractaldb');
    const run = contents.runs[0]!;
    run.status = 'FAILED';
    run.params.learning_rate = '0.01';
    const metric = run.metrics.train_loss_step!;
    metric.history.pop();
    metric.latest = { ...metric.latest, value: 1 };
    delete run.metrics.epoch;
    counts.pop();
    expect(compareTensorboardFacts(join(TREES, 'lightning-fractaldb'), contents, counts, expected('lightning-fractaldb'))).toEqual([
      'run lightning_logs/version_0 status: expected "FINISHED", got "FAILED"',
      'run lightning_logs/version_0 param learning_rate: expected "0.001", got "0.01"',
      'run lightning_logs/version_0 metric keys: missing epoch',
      'run lightning_logs/version_0 scalar "train_loss_step" count: expected 78, got 77',
      'run lightning_logs/version_0 scalar "train_loss_step" distinct_steps: expected 78, got 77',
      'run lightning_logs/version_0 scalar "train_loss_step" latest value: expected 0.9547617435455322, got 1',
      'run lightning_logs/version_0 scalar "train_loss_step" first and last step: expected [49,3899], got [49,3849]',
      expect.stringMatching(/^run lightning_logs\/version_0 other_tags: expected .*session_start_info.*, got /),
      'totals: expected {"runs":1,"scalar_points":402,"scalar_series":7}, got {"runs":1,"scalar_points":397,"scalar_series":6}',
    ]);
  });
});
