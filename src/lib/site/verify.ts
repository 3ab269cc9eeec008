/**
 * `runfolio verify`: an archive (`runfolio build --archive`, `runfolio compare --out`) checked
 * against its `MANIFEST.sha256`: every listed file present with its SHA-256, and no file that
 * is not listed. The manifest is read as archive.ts writes it (`sha256sum` format: 64 hex
 * digits, two spaces, a path relative to the archive); a folder without one, or a manifest line
 * of another shape or pointing outside the folder, is not an archive we can check (InputError).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { InputError } from '../errors.ts';
import { archiveFiles, sha256File } from './archive.ts';
import { dataFiles } from './routes.ts';

export interface Difference {
  kind: 'missing' | 'changed' | 'unlisted';
  path: string;
}

export interface Verification {
  /** Files the manifest lists. */
  listed: number;
  /** What differs, in path order: missing and changed listed files, files the manifest does not list. */
  differences: Difference[];
}

const MANIFEST = dataFiles.manifest().slice(1);
const LINE = /^([0-9a-f]{64}) [ *](.+)$/;

export function verifyArchive(dir: string): Verification {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: not a folder (expected an archive built with runfolio build --archive)`);
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(manifestFile)) throw new InputError(`${dir}: not an archive: no ${MANIFEST} (build one with runfolio build --archive)`);
  const listed = readManifest(manifestFile);
  const differences: Difference[] = [];
  for (const [path, hash] of listed) {
    const file = join(dir, path);
    if (!existsSync(file) || !statSync(file).isFile()) differences.push({ kind: 'missing', path });
    else if (sha256File(file) !== hash) differences.push({ kind: 'changed', path });
  }
  for (const path of archiveFiles(dir, MANIFEST)) if (!listed.has(path)) differences.push({ kind: 'unlisted', path });
  differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { listed: listed.size, differences };
}

function readManifest(file: string): Map<string, string> {
  const listed = new Map<string, string>();
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    const match = LINE.exec(line);
    const path = match?.[2];
    if (!match || path === undefined) throw new InputError(`${file}: line ${i + 1}: expected "<sha256>  <path>", got ${JSON.stringify(line.slice(0, 120))}`);
    const normal = posix.normalize(path);
    if (normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal) || normal !== path) throw new InputError(`${file}: line ${i + 1}: ${JSON.stringify(path)} is not a plain path inside the archive`);
    listed.set(path, match[1] as string);
  });
  return listed;
}
