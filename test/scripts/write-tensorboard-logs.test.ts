import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { ROOT } from '../support/fixtures.ts';
import { tempDir } from '../support/tmp.ts';

describe('scripts/write-tensorboard-logs.ts OUT', () => {
  it('writes a log tree of four runs that reads with the two warnings its damaged run calls for', async () => {
    const out = join(tempDir(), 'logs');
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/write-tensorboard-logs.ts'), out], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const snapshot = await readStores([out]);
    expect(snapshot.runs.map((r) => r.name).sort()).toEqual(['damaged', 'hf/runs/Dec01_12-00-00_host', 'keras/train', 'lightning_logs/version_0']);
    const lightning = snapshot.runs.find((r) => r.name === 'lightning_logs/version_0')!;
    expect(lightning.params).toEqual({ batch_size: '32', model: '!!python/object:__main__.Net', 'optimizer.lr': '0.001', 'optimizer.name': 'adam' });
    expect(snapshot.warnings.map((w) => w.message.split(' (')[0])).toEqual(['1 record failed the data CRC-32C check and was skipped', 'ends inside a record at byte 458']);
  });
});
