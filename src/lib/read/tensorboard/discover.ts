/**
 * Where the runs of a TensorBoard log tree are: every directory holding event files is one run
 * (TensorBoard's rule), its files read in name order. An event file is a regular file whose name
 * contains `tfevents` (io_wrapper.IsSummaryEventsFile, and logdir.rs's EVENT_FILE_BASENAME_INFIX),
 * except the profiler's empty `*.profile-empty` markers, which hold no summaries. Symbolic links
 * are not followed (they may leave the tree or loop back into it); hidden folders (`.venv`,
 * `.git`) and installed packages (`node_modules`, `site-packages`) are not searched, so a project
 * folder given as the store does not pick up a package's test logs.
 */
import type { Dirent } from 'node:fs';
import { listDir } from '../fs.ts';

export interface RunFolder {
  /** Path relative to the log tree, `/`-joined; `.` for the tree's own folder. */
  rel: string;
  abs: string;
  /** Event file names, sorted. */
  eventFiles: string[];
  /** Other files in the folder (`hparams.yaml`…), sorted. */
  sideFiles: string[];
}

export function isEventFileName(name: string): boolean {
  return name.includes('tfevents') && !name.endsWith('.profile-empty');
}

/** Every run folder under `root`, in sorted path order; links and unreadable folders go to `warn`. */
export function findRunFolders(root: string, warn: (rel: string, message: string) => void): RunFolder[] {
  const out: RunFolder[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries;
    try {
      entries = listDir(abs) ?? [];
    } catch (error) {
      return warn(rel, `folder not readable (${(error as { code?: string }).code ?? 'error'}); skipped`);
    }
    const eventFiles: string[] = [];
    const sideFiles: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) warn(join(rel, entry.name), 'symbolic link not followed');
      else if (entry.isFile()) (isEventFileName(entry.name) ? eventFiles : sideFiles).push(entry.name);
      else if (entry.isDirectory() && mayHoldLogs(entry.name)) folders.push(entry.name);
    }
    if (eventFiles.length > 0) out.push({ rel: rel || '.', abs, eventFiles, sideFiles });
    for (const name of folders) walk(`${abs}/${name}`, join(rel, name));
  };
  walk(root, '');
  return out;
}

/** Folders of a project that hold installed packages, not logs (a package may ship test event files). */
const PACKAGES = new Set(['node_modules', 'site-packages', '__pycache__']);

function mayHoldLogs(folder: string): boolean {
  return !folder.startsWith('.') && !PACKAGES.has(folder);
}

/**
 * The first event file found under `dir` (store-relative), breadth first, looking at no more
 * than `maxFolders` folders, not into the folders the reader skips nor the top-level folders
 * named in `skip` (an MLflow store's own `mlruns/`): enough for
 * `detect` to tell a log tree from other folders without walking a whole disk.
 */
export function firstEventFile(dir: string, skip: ReadonlySet<string> = new Set(), maxFolders = 10_000): string | undefined {
  const queue: [string, string][] = [[dir, '']];
  for (let visited = 0; queue.length > 0 && visited < maxFolders; visited++) {
    const [abs, rel] = queue.shift() as [string, string];
    for (const entry of listDirQuietly(abs)) {
      if (entry.isFile() && isEventFileName(entry.name)) return join(rel, entry.name);
      if (entry.isDirectory() && mayHoldLogs(entry.name) && !(rel === '' && skip.has(entry.name))) queue.push([`${abs}/${entry.name}`, join(rel, entry.name)]);
    }
  }
  return undefined;
}

function listDirQuietly(abs: string): Dirent[] {
  try {
    return listDir(abs) ?? [];
  } catch {
    return [];
  }
}

function join(rel: string, name: string): string {
  return rel ? `${rel}/${name}` : name;
}
