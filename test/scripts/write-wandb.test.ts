import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { pythonJson } from '../../scripts/lib/write-wandb.ts';
import { writeSyntheticWandb } from '../../scripts/lib/synthetic-wandb.ts';
import { tempDir } from '../support/tmp.ts';

describe('writeSyntheticWandb(options, dir)', () => {
  it('writes the same bytes for the same options, and runs the reader reads whole', async () => {
    const a = join(tempDir(), 'wandb');
    const b = join(tempDir(), 'wandb');
    writeSyntheticWandb({ runs: 12, steps: 30 }, a);
    writeSyntheticWandb({ runs: 12, steps: 30 }, b);
    const contents = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name)).toString('base64')).sort();
    expect(contents(a)).toEqual(contents(b));
    const snapshot = await readStores([a]);
    expect(snapshot.runs).toHaveLength(12);
    expect(snapshot.experiments.map((e) => e.id)).toEqual(['speech', 'text', 'vision']);
    expect(snapshot.warnings).toEqual([]);
    for (const run of snapshot.runs) {
      expect(run.metrics['train/loss']?.history).toHaveLength(30);
      expect(run.metrics['system/cpu']?.history).toHaveLength(3);
      expect(Object.keys(run.params)).toHaveLength(11);
    }
  });
});

describe('pythonJson(value)', () => {
  it('spells non-finite numbers as Python json.dumps does', () => {
    expect(pythonJson({ a: Number.NaN, b: [Number.POSITIVE_INFINITY, -Infinity], c: 'NaN', d: 1.5 })).toBe('{"a":NaN,"b":[Infinity,-Infinity],"c":"NaN","d":1.5}');
  });
});
