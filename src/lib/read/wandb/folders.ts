/**
 * Where W&B runs are on disk. A run folder (`run-<date>_<time>-<id>`, `offline-run-…`) holds the
 * transaction log `run-<id>.wandb` and/or `files/` with wandb's side files; a `wandb/` folder holds
 * run folders (plus `latest-run` and `debug*.log` links, sweep folders, caches). Recognised from
 * what is inside, not from names, so a renamed folder still reads. Symbolic links are never
 * followed; wandb's own `latest-run` and `debug*.log` links are passed over silently.
 */
import { join } from 'node:path';
import { listDir } from '../fs.ts';

export const LOG_SUFFIX = '.wandb';
const SIDE_FILES = ['config.yaml', 'wandb-summary.json', 'wandb-metadata.json'];
const WANDB_LINKS = /^(?:latest-run|debug(?:-internal|-cli\..*)?\.log)$/;
const FOLDER_ID = /^(?:offline-)?run-(?:\d{8}_\d{6}-)?([^/]+)$/;

export interface RunFolder {
  abs: string;
  /** Path relative to the store root, `/`-joined ('' when the root is the run folder). */
  rel: string;
  /** The run id the folder's name (or its log's name) carries. */
  id: string;
  /** File names of the `.wandb` logs in the folder, sorted. */
  logs: string[];
}

/** The run folder at `abs`, or undefined when it holds neither a log nor wandb's side files. */
export function runFolderAt(abs: string, rel: string, name: string): RunFolder | undefined {
  const entries = listDir(abs);
  if (!entries) return undefined;
  const logs = entries.filter((e) => e.isFile() && e.name.endsWith(LOG_SUFFIX)).map((e) => e.name);
  const hasFiles = entries.some((e) => e.isDirectory() && e.name === 'files') && (listDir(join(abs, 'files')) ?? []).some((e) => e.isFile() && SIDE_FILES.includes(e.name));
  if (logs.length === 0 && !hasFiles) return undefined;
  const fromLog = logs.map((l) => /^run-(.+)\.wandb$/.exec(l)?.[1]).find(Boolean);
  return { abs, rel, id: FOLDER_ID.exec(name)?.[1] ?? fromLog ?? name, logs };
}

/** Run folders directly inside `dir` (a `wandb/` folder), sorted by name: oldest first for wandb's names. */
export function runFoldersIn(dir: string, onLink: (name: string) => void, limit = Infinity): RunFolder[] {
  const out: RunFolder[] = [];
  for (const entry of listDir(dir) ?? []) {
    if (out.length >= limit) break;
    if (entry.isSymbolicLink()) {
      if (!WANDB_LINKS.test(entry.name)) onLink(entry.name);
      continue;
    }
    if (!entry.isDirectory()) continue;
    const folder = runFolderAt(join(dir, entry.name), entry.name, entry.name);
    if (folder) out.push(folder);
  }
  return out;
}

/** What a folder is, for detect: one run folder, a folder of run folders, or neither. */
export function wandbFolderKind(abs: string, name: string): 'run' | 'runs' | undefined {
  const self = runFolderAt(abs, '', name);
  if (self && self.logs.length > 0) return 'run';
  if (runFoldersIn(abs, () => {}, 1).length > 0) return 'runs';
  return self ? 'run' : undefined;
}
