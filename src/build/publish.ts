/**
 * Publishing a finished site: it replaces --out in one step at the very end of a build, so a
 * build that fails or is interrupted before leaves the previous --out exactly as it was.
 *
 * A folder cannot be swapped atomically for another, so the step is two renames done in one
 * synchronous stretch (no signal handler runs in between): the old folder steps aside under a
 * hidden sibling name, the new one takes its place, the old one is removed. A `.git` inside the
 * old folder (a gh-pages worktree) moves into the new one. When the temporary folder is on
 * another file system than --out (a tmpfs /tmp), the site is first copied to a hidden sibling,
 * which is removed again if the copy fails.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../lib/errors.ts';

type Fs = Pick<typeof nodeFs, 'renameSync' | 'cpSync' | 'rmSync' | 'mkdirSync' | 'lstatSync' | 'realpathSync' | 'existsSync'>;

export function replaceFolder(staged: string, out: string, fs: Fs = nodeFs): void {
  const target = resolveLink(out, fs);
  const info = fs.lstatSync(target, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) throw new InputError(`--out ${out} is a file, not a folder`);
  const parent = dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const hidden = (role: string) => join(parent, `.${basename(target)}.runfolio-${role}-${process.pid}`);

  const incoming = hidden('new');
  if (!moved(staged, incoming, fs)) {
    try {
      fs.cpSync(staged, incoming, { recursive: true, verbatimSymlinks: true });
    } catch (error) {
      fs.rmSync(incoming, { recursive: true, force: true });
      throw error;
    }
  }

  if (!info) {
    fs.renameSync(incoming, target);
    return;
  }
  const aside = hidden('old');
  fs.renameSync(target, aside);
  try {
    fs.renameSync(incoming, target);
  } catch (error) {
    fs.renameSync(aside, target);
    fs.rmSync(incoming, { recursive: true, force: true });
    throw error;
  }
  if (fs.existsSync(join(aside, '.git'))) fs.renameSync(join(aside, '.git'), join(target, '.git'));
  fs.rmSync(aside, { recursive: true, force: true });
}

/** Renames `from` to `to`; false when they are on different file systems. */
function moved(from: string, to: string, fs: Fs): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw error;
  }
}

/** --out may be a link to the folder that is served: replace the folder, keep the link. */
function resolveLink(out: string, fs: Fs): string {
  const info = fs.lstatSync(out, { throwIfNoEntry: false });
  return info?.isSymbolicLink() ? fs.realpathSync(out) : out;
}
