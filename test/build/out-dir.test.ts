import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir } from '../../src/build/out-dir.ts';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import { UsageError } from '../../src/lib/errors.ts';
import { tempDir } from '../support/tmp.ts';

describe('checkOutDir(outDir, cwd, stores)', async () => {
  it('accepts a folder of its own, existing or not', async () => {
    const cwd = tempDir();
    await expect(checkOutDir(join(cwd, 'dist'), cwd, [join(cwd, 'mlruns')])).resolves.toBeUndefined();
    await expect(checkOutDir(join(cwd, 'a/b'), cwd, [])).resolves.toBeUndefined();
  });

  it('refuses the current folder and its parents', async () => {
    const cwd = join(tempDir(), 'project');
    mkdirSync(cwd, { recursive: true });
    await expect(checkOutDir(cwd, cwd, [])).rejects.toThrow(UsageError);
    await expect(checkOutDir(join(cwd, '..'), cwd, [])).rejects.toThrow(/current folder or one of its parents/);
  });

  it('refuses a folder holding a store, sqlite:/// URIs included', async () => {
    const cwd = tempDir();
    const elsewhere = join(tempDir(), 'x');
    await expect(checkOutDir(elsewhere, cwd, [join(elsewhere, 'mlruns')])).rejects.toThrow(/contains the store/);
    await expect(checkOutDir(elsewhere, cwd, [`sqlite:///${join(elsewhere, 'mlflow.db')}`])).rejects.toThrow(/contains the store/);
  });

  it('refuses a folder inside a store, and accepts one beside the mlruns/ a project folder holds', async () => {
    const project = tempDir();
    writeMlruns({ experiments: [{ id: '0', name: 'Default', creationTime: 1_700_000_000_000 }], runs: [] }, join(project, 'mlruns'));
    await expect(checkOutDir(join(project, 'mlruns', 'site'), project, ['mlruns'])).rejects.toThrow(/--out .* is inside the store mlruns, which Runfolio only reads/);
    await expect(checkOutDir(join(project, 'mlruns', 'site'), project, ['.'])).rejects.toThrow(/is inside the store \./);
    await expect(checkOutDir(join(project, 'dist'), project, ['.'])).resolves.toBeUndefined();
  });
});
