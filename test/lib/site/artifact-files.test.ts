import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactFolders, readArtifact } from '../../../src/lib/site/artifact-files.ts';
import { EXPERIMENT, RUN_A, RUN_B, writeArtifactStore } from '../../support/artifact-store.ts';
import { tempDir, writeTree } from '../../support/tmp.ts';

describe('artifactFolders(stores)', () => {
  it("finds each run's artifacts/ folder in a file store, given the store or the folder holding it", async () => {
    const dir = tempDir();
    const store = writeArtifactStore(join(dir, 'mlruns'));
    for (const given of [store, dir]) {
      const folders = await artifactFolders([given]);
      expect(folders.get(RUN_A)).toBe(join(store, EXPERIMENT, RUN_A, 'artifacts'));
      expect(folders.get(RUN_B)).toBe(join(store, EXPERIMENT, RUN_B, 'artifacts'));
    }
  });

  it('keeps the first store’s folder for a run found in two, and skips an artifacts/ folder that is a link', async () => {
    const first = writeTree(tempDir(), { 'mlruns/0/meta.yaml': 'name: Default\n', 'mlruns/0/r1/artifacts/a.txt': 'one' });
    const second = writeTree(tempDir(), { 'mlruns/0/meta.yaml': 'name: Default\n', 'mlruns/0/r1/artifacts/a.txt': 'two', 'mlruns/0/r2/meta.yaml': '' });
    symlinkSync(join(first, 'mlruns/0/r1/artifacts'), join(second, 'mlruns/0/r2/artifacts'));
    const folders = await artifactFolders([join(first, 'mlruns'), join(second, 'mlruns')]);
    expect(folders.get('r1')).toBe(join(first, 'mlruns/0/r1/artifacts'));
    expect(folders.has('r2')).toBe(false);
  });
});

describe('readArtifact(folder, path, size)', () => {
  const folder = () => {
    const dir = writeTree(tempDir(), { 'artifacts/a/plot.png': 'png', 'outside.txt': 'SECRET', 'artifacts/big.bin': 'x'.repeat(100) });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere/file.txt'), 'SECRET');
    symlinkSync(join(dir, 'outside.txt'), join(dir, 'artifacts/link.txt'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'artifacts/linked-dir'));
    return join(dir, 'artifacts');
  };

  it('reads a regular file inside the folder', () => {
    const result = readArtifact(folder(), 'a/plot.png', 3);
    expect(result.ok && result.bytes.toString()).toBe('png');
  });

  it('never follows a symbolic link, to a file or through a folder', () => {
    const dir = folder();
    expect(readArtifact(dir, 'link.txt', 1000)).toEqual({ ok: false, reason: 'it is a symbolic link (not followed)' });
    expect(readArtifact(dir, 'linked-dir/file.txt', 1000)).toEqual({ ok: false, reason: 'a folder on its path is missing or a symbolic link' });
  });

  it.each(['../outside.txt', 'a/../../outside.txt', '/etc/passwd', 'a//plot.png', 'a\\..\\x'])('refuses the path %j, which leaves the folder', (path) => {
    expect(readArtifact(folder(), path, 1000)).toEqual({ ok: false, reason: 'its path leaves the artifact folder' });
  });

  it('reads nothing when the file no longer has the size the budget counted', () => {
    expect(readArtifact(folder(), 'big.bin', 99)).toEqual({ ok: false, reason: 'it changed while the site was built (100 bytes, not 99)' });
  });

  it('reports a file that is gone or a folder in its place', () => {
    const dir = folder();
    expect(readArtifact(dir, 'nope.txt', 10)).toEqual({ ok: false, reason: 'the file is missing from the store' });
    expect(readArtifact(dir, 'a', 10)).toEqual({ ok: false, reason: 'it is not a regular file' });
  });
});
