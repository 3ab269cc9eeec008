/**
 * Finding and reading artifact files inside a store, Node only. A store is read-only to us and
 * its files are untrusted: paths are checked segment by segment, no symbolic link is followed
 * (not the run's `artifacts/` folder, not a folder on the way, not the file), sizes are checked
 * before anything is read, and the opened file must be the one that was checked.
 *
 * Where artifacts are: a file store keeps a run's files in `<root>/<experiment>/<run>/artifacts/`
 * (what the mlruns reader lists into `Run.artifacts`). SQLite stores and JSON exports hold no
 * artifact files, so their runs' artifacts are listed, never copied.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import { detectStore } from '../read/detect.ts';

/** The folder holding a run's artifacts, by run id, in store order: a run found in two stores keeps the first's (as the merge does). */
export type ArtifactFolders = ReadonlyMap<string, string>;

export async function artifactFolders(stores: readonly string[]): Promise<ArtifactFolders> {
  const folders = new Map<string, string>();
  for (const store of stores) {
    const location = await detectStore(store);
    if (location.kind !== 'mlruns') continue;
    for (const experiment of directories(location.path)) {
      if (experiment.startsWith('.') || experiment === 'models') continue;
      for (const run of directories(`${location.path}/${experiment}`)) {
        const folder = `${location.path}/${experiment}/${run}/artifacts`;
        if (!folders.has(run) && isRealDirectory(folder)) folders.set(run, folder);
      }
    }
  }
  return folders;
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/**
 * The bytes of `path` (an artifact path, `/`-separated) under `folder`, if it is a regular file
 * reached through real folders only and still of the size the store was read with (the size the
 * budget counted), checked before reading.
 */
export function readArtifact(folder: string, path: string, size: number): ReadResult {
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return { ok: false, reason: 'its path leaves the artifact folder' };
  let abs = folder;
  for (const segment of segments.slice(0, -1)) {
    abs = `${abs}/${segment}`;
    if (!isRealDirectory(abs)) return { ok: false, reason: 'a folder on its path is missing or a symbolic link' };
  }
  abs = `${abs}/${segments[segments.length - 1]}`;
  const info = lstatOrUndefined(abs);
  if (!info) return { ok: false, reason: 'the file is missing from the store' };
  if (info.isSymbolicLink()) return { ok: false, reason: 'it is a symbolic link (not followed)' };
  if (!info.isFile()) return { ok: false, reason: 'it is not a regular file' };
  if (info.size !== size) return { ok: false, reason: `it changed while the site was built (${info.size} bytes, not ${size})` };
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return { ok: false, reason: `it cannot be opened (${(error as { code?: string }).code ?? 'error'})` };
  }
  try {
    const opened = fstatSync(fd);
    if (opened.ino !== info.ino || opened.dev !== info.dev || opened.size !== size) return { ok: false, reason: 'it changed while the site was built' };
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? { ok: true, bytes } : { ok: false, reason: 'it changed while the site was built' };
  } finally {
    closeSync(fd);
  }
}

function directories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function isRealDirectory(path: string): boolean {
  const info = lstatOrUndefined(path);
  return info !== undefined && info.isDirectory() && !info.isSymbolicLink();
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
