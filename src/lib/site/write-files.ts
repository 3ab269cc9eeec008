/** Writing the site's generated files (Node only): a function that puts bytes at a site path under a folder, creating folders once each. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `content` at `sitePath` (a path from the site root, `/data/…`). */
export type WriteFile = (sitePath: string, content: string | Uint8Array) => void;

/** A WriteFile into the folder `root` (the site, or the data staged beside it). */
export function writeUnder(root: string): WriteFile {
  const made = new Set<string>();
  return (sitePath, content) => {
    const file = join(root, sitePath);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, content);
  };
}
