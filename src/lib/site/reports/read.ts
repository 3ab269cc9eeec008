/**
 * The report files of a content folder: `reports/*.md` (not nested folders, not symbolic links),
 * in file-name order, read as UTF-8. No folder means no reports. Nothing is checked here:
 * prepare.ts validates everything, so every problem of a build is reported together.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative, isAbsolute } from 'node:path';
import fg from 'fast-glob';
import { compareStrings } from '../../order.ts';
import type { ReportSource } from './prepare.ts';

/** `display` names a file for messages (default: its path as found). */
export async function readReportSources(contentDir: string, display: (path: string) => string = (path) => path): Promise<ReportSource[]> {
  const dir = join(contentDir, 'reports');
  const files = (await fg('*.md', { cwd: dir, onlyFiles: true, followSymbolicLinks: false })).sort(compareStrings);
  return Promise.all(files.map(async (file) => ({ slug: basename(file, '.md'), file: display(join(dir, file)), text: await readFile(join(dir, file), 'utf8') })));
}

/** A path as the user would type it from `cwd`: relative inside it, absolute outside. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
