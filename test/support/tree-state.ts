/** What a folder holds, as paths with size and modification time (no contents read): cheap enough for a whole node_modules. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function treeState(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = lstatSync(path);
      const entry = rel ? `${rel}/${name}` : name;
      out.push(`${entry} ${info.isDirectory() ? 'dir' : info.size} ${info.mtimeMs}`);
      if (info.isDirectory() && !info.isSymbolicLink()) walk(path, entry);
    }
  };
  walk(root, '');
  return out;
}
