/**
 * Reader for W&B run folders (`wandb/run-*`, `wandb/offline-run-*`: what `WANDB_MODE=offline`
 * leaves, and what an online run keeps after syncing), from a `wandb/` folder or one run folder.
 * Each run's transaction log (`run-<id>.wandb`) is replayed (log-file.ts → records.ts → run-log.ts)
 * and mapped as to-run.ts says; runs are grouped into one experiment per W&B project.
 *
 * Policy — what is stepped over with a warning naming the file (the rest is still published):
 * - a log that is not a W&B log (header), or that cannot be opened: the run is read from its side
 *   files (`files/config.yaml` + `files/wandb-summary.json`: params and summary values) when both
 *   are there, else skipped;
 * - a chunk with a bad CRC, a bad length or type: the rest of its block (as wandb-core recovers);
 * - a record whose bytes do not decode, a value that is not JSON: that record or value;
 * - a log that ends mid-record (a killed run): everything after the last complete record;
 * - a side file that is not JSON / YAML: that file; config.yaml disagreeing with the log: noted;
 * - the same run id in several folders (a resumed run): one run, sessions merged (sessions.ts);
 * - symbolic links: not followed (wandb's own `latest-run` and `debug*.log` links silently).
 * What aborts: a store in which no run can be read at all (an InputError naming the first reason).
 * Values that are not numbers, console output, telemetry and other record kinds without a place
 * in the Snapshot are counted (ReadOptions.onUnpublished, onRead → `runfolio inspect`), not published.
 */
import { basename } from 'node:path';
import { InputError } from '../../errors.ts';
import type { Experiment, Run } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import type { ReadOptions, StoreContents } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { runFolderAt, runFoldersIn, wandbFolderKind, type RunFolder } from './folders.ts';
import { readRunFolder } from './run-folder.ts';
import { mergeSessions } from './sessions.ts';
import { WandbTally } from './tally.ts';

export async function readWandb(root: string, label: string, options: ReadOptions = {}): Promise<StoreContents> {
  const warnings = new Warnings(label);
  const folders = findFolders(root, warnings);
  const tally = new WandbTally((count) => options.onUnpublished?.(count));
  const byId = new Map<string, { runs: Run[]; folders: string[] }>();
  folders.forEach((folder, index) => {
    const result = readRunFolder(folder, warnings);
    tally.folder(result !== undefined);
    if (result) {
      tally.run(result, folder.rel ? `${label}/${folder.rel}` : label);
      const entry = byId.get(result.run.id) ?? { runs: [], folders: [] };
      entry.runs.push(result.run);
      entry.folders.push(folder.rel || basename(folder.abs));
      byId.set(result.run.id, entry);
    }
    options.onProgress?.(index + 1, folders.length);
  });
  if (byId.size === 0) {
    // The log's own defect says most; a side file's comes next.
    const reason = warnings.list.find((w) => w.path.endsWith('.wandb')) ?? warnings.list[0];
    throw new InputError(`${root}: no W&B run could be read${reason ? ` (${reason.path}: ${reason.message})` : ''}`);
  }
  const runs: Run[] = [];
  for (const [id, entry] of byId) {
    if (entry.runs.length > 1) warnings.add('', `run ${id} is in ${entry.folders.length} folders (${entry.folders.join(', ')}): a resumed run; its sessions are merged into one run`);
    runs.push(mergeSessions(entry.runs));
  }
  options.onRead?.(tally.toReadCounts(label));
  return { experiments: projects(runs), runs, models: [], warnings: warnings.list };
}

function findFolders(root: string, warnings: Warnings): RunFolder[] {
  if (wandbFolderKind(root, basename(root)) === 'run') return [runFolderAt(root, '', basename(root)) as RunFolder];
  return runFoldersIn(root, (name) => warnings.add(name, 'symbolic link not followed'));
}

/** One experiment per W&B project, named after it. */
function projects(runs: readonly Run[]): Experiment[] {
  const names = [...new Set(runs.map((r) => r.experimentId))].sort(compareStrings);
  return names.map((name) => ({ id: name, name, lifecycleStage: 'active', tags: {} }));
}
