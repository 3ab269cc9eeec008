import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { tempDir } from '../../support/tmp.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/real');

describe('readStores([a, b]) merging several stores', () => {
  it('keeps both experiments `0` of two stores, told apart by id and origin', async () => {
    const a = join(FIXTURES, 'augury', 'mlruns');
    const b = join(FIXTURES, 'pe-mi-ops', 'mlruns');
    const merged = await readStores([a, b]);
    const zeros = merged.experiments.filter((e) => e.name === 'Default');
    expect(zeros.map((e) => [e.id, e.origin])).toEqual([
      ['0', 'mlruns'],
      ['pe-mi-ops-mlruns:0', 'pe-mi-ops/mlruns'],
    ]);
    const alone = await readStores([b]);
    expect(merged.runs.filter((r) => r.experimentId === 'pe-mi-ops-mlruns:0').map((r) => r.id).sort()).toEqual(alone.runs.map((r) => r.id).sort());
    expect(merged.runs).toHaveLength((await readStores([a])).runs.length + alone.runs.length);
  });

  it('keeps a run found in two stores once, with a warning', async () => {
    const copy = join(tempDir(), 'copy', 'mlruns');
    cpSync(join(FIXTURES, 'tfm1920', 'mlruns'), copy, { recursive: true });
    const merged = await readStores([join(FIXTURES, 'tfm1920', 'mlruns'), copy]);
    const single = await readStores([join(FIXTURES, 'tfm1920', 'mlruns')]);
    expect(merged.runs.map((r) => r.id)).toEqual(single.runs.map((r) => r.id));
    const duplicates = merged.warnings.filter((w) => w.message.includes('is also in'));
    expect(duplicates).toHaveLength(single.runs.length);
    expect(duplicates[0]?.path).toBe('copy/mlruns');
  });
});
