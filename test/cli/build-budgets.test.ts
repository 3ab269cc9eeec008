/** `runfolio build` against the size budgets (src/lib/site/budgets.ts), with the real executable. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMlruns } from '../../scripts/lib/write-mlruns.ts';
import type { StoreSpec } from '../../scripts/lib/store-spec.ts';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/tmp.ts';

const T0 = 1_700_000_000_000;
const RUN = 'c'.repeat(32);

/** One run whose tag holds `bytes` of text: its run page and data file carry all of it. */
function storeWithTag(bytes: number): StoreSpec {
  return {
    experiments: [{ id: '0', name: 'Default', creationTime: T0 }],
    runs: [{ id: RUN, experimentId: '0', name: 'huge-tag', status: 'FINISHED', startTime: T0, endTime: T0 + 1000, tags: { log: 'x'.repeat(bytes) } }],
  };
}

describe('runfolio build, when an output file passes 25 MB', () => {
  it('fails with exit 1 and one line naming the file', () => {
    const dir = tempDir();
    const store = join(dir, 'mlruns');
    writeMlruns(storeWithTag(26 * 1024 * 1024), store);
    const out = join(dir, 'site');
    const result = runCli(['build', '--store', store, '--out', out]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^runfolio: ${join(out, `runs/${RUN}/index.html`).replaceAll('/', '\\/')} is 26 MB, over the 25 MB a published file may have \\(and \\d+ more files?\\); hosts such as Cloudflare Pages refuse it$`));
  });
});

describe('runfolio build, when every file is within 25 MB', () => {
  it('exits 0 without budget warnings', () => {
    const dir = tempDir();
    const store = join(dir, 'mlruns');
    writeMlruns(storeWithTag(1000), store);
    const result = runCli(['build', '--store', store, '--out', join(dir, 'site')]);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/warning|budget/);
  });
});
