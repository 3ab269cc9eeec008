/**
 * The few file-system operations readers need, with the store's rules built in: directory
 * listings come back sorted (determinism) and never follow symbolic links (a link may point out of
 * the store or back into itself); text is strict UTF-8.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from '../order.ts';

/** Sorted entries of a directory, or undefined when it does not exist or is not a directory. */
export async function listDir(dir: string): Promise<Dirent[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => compareStrings(a.name, b.name));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's text; a missing file, a directory in its place and invalid UTF-8 are reported, not thrown. */
export async function readText(file: string, maxBytes = Infinity): Promise<TextResult> {
  let bytes: Buffer;
  try {
    if (maxBytes !== Infinity) {
      const info = await lstat(file);
      if (info.size > maxBytes) return { ok: false, message: `file is ${info.size} bytes, more than the ${maxBytes} allowed` };
    }
    bytes = await readFile(file);
  } catch (error) {
    if (isMissing(error)) return { ok: false, message: 'file is missing' };
    if (hasCode(error, 'EISDIR')) return { ok: false, message: 'expected a file, found a directory' };
    if (hasCode(error, 'EACCES') || hasCode(error, 'EPERM')) return { ok: false, message: 'permission denied' };
    throw error;
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: 'not valid UTF-8 text' };
  }
}

/** Every regular file under `dir`, as `/`-joined paths relative to it, in sorted order; links are reported. */
export async function walkFiles(
  dir: string,
  onLink: (relPath: string) => void,
): Promise<{ path: string; abs: string; entry: Dirent }[]> {
  const out: { path: string; abs: string; entry: Dirent }[] = [];
  async function walk(abs: string, rel: string): Promise<void> {
    const entries = await listDir(abs);
    if (!entries) return;
    for (const entry of entries) {
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) onLink(childRel);
      else if (entry.isDirectory()) await walk(childAbs, childRel);
      else if (entry.isFile()) out.push({ path: childRel, abs: childAbs, entry });
    }
  }
  await walk(dir, '');
  return out;
}

export function isMissing(error: unknown): boolean {
  return hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR');
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
