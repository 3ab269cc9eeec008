/** `runfolio build` against the size budgets (src/lib/site/budgets.ts), with the real executable. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import type { StoreSpec } from '../../src/generate/store-spec.ts';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/tmp.ts';

const T0 = 1_700_000_000_000;
const RUN = 'c'.repeat(32);

/** One run whose tag holds `bytes` of text (hex digits, which gzip cannot shrink below half, unless `plain`): its run page and data file carry all of it. */
function storeWithTag(bytes: number, plain = true): StoreSpec {
  const text = plain ? 'x'.repeat(bytes) : randomBytes(bytes / 2).toString('hex');
  return {
    experiments: [{ id: '0', name: 'Default', creationTime: T0 }],
    runs: [{ id: RUN, experimentId: '0', name: 'huge-tag', status: 'FINISHED', startTime: T0, endTime: T0 + 1000, tags: { log: text } }],
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

describe('runfolio build, when a page is heavier than its budget', () => {
  it('warns, naming the page, its first view and the budget, and still builds', () => {
    const dir = tempDir();
    const store = join(dir, 'mlruns');
    writeMlruns(storeWithTag(600 * 1024, false), store);
    const out = join(dir, 'site');
    const result = runCli(['build', '--store', store, '--out', out]);
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^warning: runs/${RUN}/index.html: first view \\d+ KB gzipped, over the 150 KB budget of a run page$`));
  });
});

describe('runfolio build --artifacts-budget', () => {
  it('exits 2 with one line for a budget it cannot read', () => {
    const result = runCli(['build', '--store', join(tempDir(), 'none'), '--artifacts-budget', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('runfolio: build: --artifacts-budget takes FILE[,RUN[,SITE]] sizes such as 2MB,10MB,200MB (or 0 to copy nothing), got "lots"');
  });
});
