import * as fs from 'node:fs';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFolder } from '../../src/build/publish.ts';
import { InputError } from '../../src/lib/errors.ts';
import { tempDir, writeTree } from '../support/tmp.ts';

/** A finished site staged in a folder of its own. */
function staged(): string {
  return writeTree(join(tempDir(), 'site'), { 'index.html': 'new', 'runs/a/index.html': 'run a' });
}

describe('replaceFolder(staged, out)', () => {
  it('moves the site in place of a missing --out, creating its parents', () => {
    const out = join(tempDir(), 'a', 'b', 'site');
    const site = staged();
    replaceFolder(site, out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(site)).toBe(false);
  });

  it('replaces an existing --out wholesale, keeps its .git, and leaves no sibling behind', () => {
    const out = writeTree(join(tempDir(), 'site'), { 'index.html': 'old', 'runs/gone/index.html': 'gone', '.git/HEAD': 'ref: refs/heads/gh-pages\n' });
    replaceFolder(staged(), out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'runs', 'gone'))).toBe(false);
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
  });

  it('copies across file systems (EXDEV) through a hidden sibling that does not outlive the call', () => {
    const out = writeTree(join(tempDir(), 'site'), { 'index.html': 'old' });
    const site = staged();
    const crossDevice = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from) === site) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
        fs.renameSync(from, to);
      },
    };
    replaceFolder(site, out, crossDevice);
    expect(readFileSync(join(out, 'runs', 'a', 'index.html'), 'utf8')).toBe('run a');
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
  });

  it('puts the old folder back when the new one cannot be moved in', () => {
    const out = writeTree(join(tempDir(), 'site'), { 'index.html': 'old' });
    const site = staged();
    let renames = 0;
    const failing = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        renames += 1;
        if (renames === 3) throw new Error('EIO');
        fs.renameSync(from, to);
      },
    };
    expect(() => replaceFolder(site, out, failing)).toThrow('EIO');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
  });

  it('replaces the folder a symbolic link points at, keeping the link', () => {
    const parent = tempDir();
    const target = writeTree(join(parent, 'served'), { 'index.html': 'old' });
    const link = join(parent, 'site');
    symlinkSync(target, link);
    replaceFolder(staged(), link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
  });

  it('refuses a file as --out', () => {
    const file = join(tempDir(), 'site');
    writeFileSync(file, 'not a folder');
    expect(() => replaceFolder(staged(), file)).toThrow(InputError);
  });
});
