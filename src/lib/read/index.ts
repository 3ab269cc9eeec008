/**
 * read: store paths → one validated, sorted Snapshot. Detects each store's kind, reads it with its
 * reader, merges several stores, and finalizes. The only entry the rest of Runfolio uses.
 */
import type { Snapshot } from '../model.ts';
import { detectStore } from './detect.ts';
import { finalizeSnapshot } from './finalize.ts';
import { mergeStores, type LabelledContents } from './merge.ts';
import { readMlruns } from './mlruns/index.ts';
import type { ReadOptions, StoreContents, StoreLocation } from './types.ts';

export type { ReadCounts, ReadOptions, StoreLocation, UnpublishedCount } from './types.ts';

export async function readStores(paths: readonly string[], options: ReadOptions = {}): Promise<Snapshot> {
  const locations: StoreLocation[] = [];
  for (const path of paths) locations.push(await detectStore(path));
  uniqueLabels(locations);
  const stores: LabelledContents[] = [];
  for (const location of locations) stores.push({ label: location.label, contents: await readStore(location, options) });
  return finalizeSnapshot(mergeStores(stores));
}

export async function readStore(location: StoreLocation, options: ReadOptions = {}): Promise<StoreContents> {
  switch (location.kind) {
    case 'mlruns':
      return readMlruns(location.path, location.label, options);
    // The other readers load on demand: a command reading an mlruns/ store starts without
    // protobufjs (TensorBoard, W&B), node:sqlite or the export schemas.
    case 'sqlite':
      return import('./sqlite/index.ts').then((m) => m.readSqlite(location.path, location.label, options));
    case 'json':
      return import('./json/index.ts').then((m) => m.readJsonStore(location.path, location.label));
    case 'wandb':
      return import('./wandb/index.ts').then((m) => m.readWandb(location.path, location.label, options));
    case 'tensorboard':
      return import('./tensorboard/index.ts').then((m) => m.readTensorboard(location.path, location.label, options));
  }
}

/** Two stores both called `mlruns` get their parent folder in the label (`a/mlruns`), then a number. */
function uniqueLabels(locations: StoreLocation[]): void {
  const seen = new Set<string>();
  for (const location of locations) {
    let label = location.label;
    if (seen.has(label)) {
      const parent = location.path.split(/[\\/]/).slice(-2, -1)[0];
      label = parent ? `${parent}/${label}` : label;
    }
    for (let n = 2; seen.has(label); n++) label = `${location.label}#${n}`;
    seen.add(label);
    location.label = label;
  }
}
