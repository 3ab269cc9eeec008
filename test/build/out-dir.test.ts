import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir } from '../../src/build/out-dir.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { tempDir } from '../support/tmp.ts';

describe('checkOutDir(outDir, cwd, stores)', () => {
  it('accepts a folder of its own, existing or not', () => {
    const cwd = tempDir();
    expect(() => checkOutDir(join(cwd, 'dist'), cwd, [join(cwd, 'mlruns')])).not.toThrow();
    expect(() => checkOutDir(join(cwd, 'a/b'), cwd, [])).not.toThrow();
  });

  it('refuses the current folder and its parents', () => {
    const cwd = join(tempDir(), 'project');
    mkdirSync(cwd, { recursive: true });
    expect(() => checkOutDir(cwd, cwd, [])).toThrow(UsageError);
    expect(() => checkOutDir(join(cwd, '..'), cwd, [])).toThrow(/current folder or one of its parents/);
  });

  it('refuses a folder holding a store, sqlite:/// URIs included', () => {
    const cwd = tempDir();
    const elsewhere = join(tempDir(), 'x');
    expect(() => checkOutDir(elsewhere, cwd, [join(elsewhere, 'mlruns')])).toThrow(/contains the store/);
    expect(() => checkOutDir(elsewhere, cwd, [`sqlite:///${join(elsewhere, 'mlflow.db')}`])).toThrow(/contains the store/);
  });
});
