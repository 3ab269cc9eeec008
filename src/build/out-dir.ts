/**
 * Whether --out may be replaced: never the current folder or one of its parents, never a folder
 * holding a store being read (a build replaces --out wholesale, keeping only a `.git` inside).
 * Checked before any work, so a mistake costs nothing.
 */
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../lib/errors.ts';

export function checkOutDir(outDir: string, cwd: string, stores: string[]): void {
  const out = resolve(outDir);
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  };
  if (inside(resolve(cwd), out)) throw new UsageError(`--out ${outDir} is the current folder or one of its parents; choose a folder of its own, such as dist`);
  for (const store of stores) {
    const path = store.replace(/^sqlite:\/\/\//, '');
    if (inside(resolve(cwd, path), out)) throw new UsageError(`--out ${outDir} contains the store ${store}; the output folder is replaced by a build`);
  }
}
