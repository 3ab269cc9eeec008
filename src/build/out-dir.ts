/**
 * Whether --out may be replaced: never the current folder or one of its parents, never a folder
 * holding a store being read (a build replaces --out wholesale, keeping only a `.git` inside), and
 * never a folder inside a store (stores are only read: `--out mlruns/site` would write into one).
 * Checked before any work, so a mistake costs nothing.
 */
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../lib/errors.ts';
import { detectStore } from '../lib/read/detect.ts';

export async function checkOutDir(outDir: string, cwd: string, stores: string[]): Promise<void> {
  const out = resolve(outDir);
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  };
  if (inside(resolve(cwd), out)) throw new UsageError(`--out ${outDir} is the current folder or one of its parents; choose a folder of its own, such as dist`);
  for (const store of stores) {
    const path = resolve(cwd, store.replace(/^sqlite:\/\/\//, ''));
    if (inside(path, out)) throw new UsageError(`--out ${outDir} contains the store ${store}; the output folder is replaced by a build`);
    // Where the store really is (`--store .` reads ./mlruns, so ./dist is fine). A TensorBoard
    // store is any folder with event files below it, often the project itself: left alone. A store
    // that cannot be read is the reader's to report.
    const location = await detectStore(path).catch(() => undefined);
    if (location && location.kind !== 'tensorboard' && location.kind !== 'sqlite' && inside(out, location.path)) {
      throw new UsageError(`--out ${outDir} is inside the store ${store}, which Runfolio only reads; choose a folder outside it, such as dist`);
    }
  }
}
