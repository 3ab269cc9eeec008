import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { FIXTURES as ALL_FIXTURES } from '../../support/fixtures.ts';
import { tempDir } from '../../support/tmp.ts';

const FIXTURES = join(ALL_FIXTURES, 'real');

describe('readStores([a, b]) merging several stores', () => {
  it('keeps both experiments `0` of two stores, told apart by id and origin', async () => {
    const a = join(FIXTURES, 'augury', 'mlruns');
    const b = join(FIXTURES, 'packt-hpt', 'mlruns');
    const merged = await readStores([a, b]);
    const zeros = merged.experiments.filter((e) => e.name === 'Default');
    expect(zeros.map((e) => [e.id, e.origin])).toEqual([
      ['0', 'mlruns'],
      ['packt-hpt-mlruns:0', 'packt-hpt/mlruns'],
    ]);
    const alone = await readStores([b]);
    expect(merged.runs.filter((r) => r.experimentId === 'packt-hpt-mlruns:0').map((r) => r.id).sort()).toEqual(alone.runs.filter((r) => r.experimentId === '0').map((r) => r.id).sort());
    expect(merged.runs).toHaveLength((await readStores([a])).runs.length + alone.runs.length);
  });

  it('keeps a run found in two stores once, with a warning', async () => {
    const copy = join(tempDir(), 'copy', 'mlruns');
    cpSync(join(FIXTURES, 'yolo-slash', 'mlruns'), copy, { recursive: true });
    const merged = await readStores([join(FIXTURES, 'yolo-slash', 'mlruns'), copy]);
    const single = await readStores([join(FIXTURES, 'yolo-slash', 'mlruns')]);
    expect(merged.runs.map((r) => r.id)).toEqual(single.runs.map((r) => r.id));
    const duplicates = merged.warnings.filter((w) => w.message.includes('is also in'));
    expect(duplicates).toHaveLength(single.runs.length);
    expect(duplicates[0]?.path).toBe('copy/mlruns');
  });
});
