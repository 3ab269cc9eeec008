/** Temp folders for tests, and a hash of a whole tree (to prove a store was not written). */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Folders made outside a test, removed when the test file ends. */
const untilFileEnd: string[] = [];
// Registered when a test file first loads this module, so on that file's own suite: a hook
// registered later, inside another hook or a test, would never run. (The global setup loads it
// too, for writeTree, outside any suite: there is nothing to register then.)
try {
  afterAll(() => {
    for (const dir of untilFileEnd.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
} catch {
  // not in a test file
}

/**
 * A fresh temp folder, removed when the test that made it ends, or (made outside a test: in a
 * describe block, a hook, at the top of a file) when the file ends.
 */
export function tempDir(prefix = 'runfolio-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    untilFileEnd.push(dir);
  }
  return dir;
}

/** Writes `files` (relative path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

/** SHA-256 over every path, file content, link target and mode under `root`: any write changes it. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const info = lstatSync(abs);
      hash.update(`${rel}/${name}\0${info.mode}\0${info.mtimeMs}\0`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(abs));
      else if (info.isDirectory()) walk(abs, `${rel}/${name}`);
      else hash.update(readFileSync(abs));
    }
  };
  walk(root, '');
  return hash.digest('hex');
}
