/**
 * Reader for TensorBoard log trees (`--store DIR` with `events.out.tfevents.*` files anywhere
 * below it, as PyTorch, Lightning, HF Trainer and Keras write them), or one event file.
 *
 * Mapping: the tree is one experiment named after DIR; every folder holding event files is one
 * run named by its path relative to DIR (`.` for DIR itself), its id a hash of the store label
 * and that path (stable across machines and checkouts). Scalars become metrics under their tag,
 * each point `{step, timestamp: wall time in ms, value}`, every point kept; params come from the
 * hparams plugin, `hparams.yaml` and HF's `args` (params.ts); start and end are the first and last
 * wall time; the status is FINISHED unless the hparams session end says FAILED or RUNNING. All
 * other data (histograms, images, audio, text, graphs…) is counted for `runfolio inspect`
 * (`onUnpublished`), not published.
 *
 * Policy — what is skipped with a warning (naming the file, and the byte offset for records):
 * - a record whose data CRC fails, that holds no Event protobuf, or whose wall time is not a
 *   number: that record (one warning per file and kind, with the count and the first offset);
 * - a length CRC that fails (the framing is lost) or a length past 2 GiB: the rest of that file;
 * - a file that ends inside a record (a writer still running, or killed): nothing, every complete
 *   record before it is kept;
 * - a value of a scalar tag that is not a scalar, hparams content that does not decode, an `args`
 *   text that is not a JSON object, an unreadable `hparams.yaml`: that value or file;
 * - a run folder none of whose files holds an event: that run; symbolic links: not followed;
 *   hidden folders and installed packages (`node_modules`, `site-packages`): not searched.
 * What aborts: a tree in which no event file can be read at all (InputError naming the first problem).
 * The files are only read.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../../errors.ts';
import type { Experiment, Run } from '../../model.ts';
import type { ReadOptions, StoreContents } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { findRunFolders, type RunFolder } from './discover.ts';
import { readRunFolder } from './run-folder.ts';

export async function readTensorboard(path: string, label: string, options: ReadOptions = {}): Promise<StoreContents> {
  const warnings = new Warnings(label);
  const folders = statSync(path).isFile() ? [singleFile(path)] : findRunFolders(path, (rel, message) => warnings.add(rel, message));
  const experiment: Experiment = { id: hashId(label), name: label, lifecycleStage: 'active', tags: {} };
  const runs: Run[] = [];
  let done = 0;
  for (const folder of folders) {
    const run = readRunFolder(folder, { label, experimentId: experiment.id, id: hashId(label, folder.rel) }, warnings, options.onUnpublished);
    if (run) runs.push(run);
    options.onProgress?.(++done, folders.length);
  }
  if (runs.length === 0) throw new InputError(`${path}: ${nothingRead(folders, warnings)}`);
  return { experiments: [experiment], runs, models: [], warnings: warnings.list };
}

/** `--store` of one event file: its folder is the run, with only that file. */
function singleFile(file: string): RunFolder {
  return { rel: '.', abs: dirname(file), eventFiles: [basename(file)], sideFiles: [] };
}

/** 32 hex digits, as MLflow's ids look: the store label (and the run's folder) hashed. */
function hashId(...parts: string[]): string {
  return createHash('sha256').update(['tensorboard', ...parts].join('\0')).digest('hex').slice(0, 32);
}

function nothingRead(folders: RunFolder[], warnings: Warnings): string {
  if (folders.length === 0) return 'no TensorBoard event files (events.out.tfevents.*) below it';
  const first = warnings.list[0];
  return `no event could be read from its ${folders.reduce((n, f) => n + f.eventFiles.length, 0)} event file(s)${first ? ` (${first.path}: ${first.message})` : ''}`;
}
