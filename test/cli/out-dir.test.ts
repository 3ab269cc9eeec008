import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutDir } from '../../src/cli/out-dir.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { tempDir } from '../support/tmp.ts';

describe('prepareOutDir(outDir, cwd, stores)', () => {
  it('empties an existing output folder but keeps a .git (a gh-pages worktree)', () => {
    const out = join(tempDir(), 'site');
    mkdirSync(join(out, '.git'), { recursive: true });
    mkdirSync(join(out, 'runs/old'), { recursive: true });
    writeFileSync(join(out, 'runs/old/index.html'), 'stale');
    prepareOutDir(out, tempDir(), []);
    expect(readdirSync(out)).toEqual(['.git']);
  });

  it('creates a missing output folder', () => {
    const out = join(tempDir(), 'a/b');
    prepareOutDir(out, tempDir(), []);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses the current folder, its parents and folders holding a store', () => {
    const cwd = join(tempDir(), 'project');
    mkdirSync(join(cwd, 'mlruns'), { recursive: true });
    expect(() => prepareOutDir(cwd, cwd, [])).toThrow(UsageError);
    expect(() => prepareOutDir(join(cwd, '..'), cwd, [])).toThrow(/current folder or one of its parents/);
    const elsewhere = join(tempDir(), 'x');
    expect(() => prepareOutDir(elsewhere, cwd, [join(elsewhere, 'mlruns')])).toThrow(/contains the store/);
    expect(existsSync(join(cwd, 'mlruns'))).toBe(true);
  });
});
