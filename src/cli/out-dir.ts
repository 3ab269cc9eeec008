/**
 * Preparing the output folder. Astro leaves files it did not write, so a rebuild would keep pages
 * of runs that no longer exist: the folder is emptied first. Emptied only when that is safe: never
 * the current folder or one of its parents, never a folder holding a store being read; a `.git`
 * inside (a gh-pages worktree) is kept.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../lib/errors.ts';

export function prepareOutDir(outDir: string, cwd: string, stores: string[]): void {
  const out = resolve(outDir);
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  };
  if (inside(resolve(cwd), out)) throw new UsageError(`--out ${outDir} is the current folder or one of its parents; choose a folder of its own, such as dist`);
  for (const store of stores) {
    if (inside(resolve(store), out)) throw new UsageError(`--out ${outDir} contains the store ${store}; the output folder is emptied before a build`);
  }
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(out)) if (entry !== '.git') rmSync(resolve(out, entry), { recursive: true, force: true });
}
