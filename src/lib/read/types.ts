/** What every reader hands to the merge step: a Snapshot without its format marker, unsorted. */
import type { Snapshot } from '../model.ts';

export type StoreKind = 'mlruns' | 'sqlite' | 'json' | 'wandb';

export interface StoreLocation {
  kind: StoreKind;
  /** Absolute path: the mlruns root folder, the database file, the JSON file, or the W&B folder (of run folders, or one run folder). */
  path: string;
  /** The path as the user gave it, for messages. */
  given: string;
  /** Short name for warnings and merged ids (`mlruns`, `mlflow.db`, `runs.json`). */
  label: string;
}

export type StoreContents = Omit<Snapshot, 'format'>;

export interface ReadOptions {
  /** Called now and then with the runs read so far and the total, for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** Threads for file stores (default: one per core, at most 4, from 3,000 runs on); 1 reads on this thread. */
  threads?: number;
  /** Called once per store by readers of tracker logs with what they read and left out (`runfolio inspect`). */
  onTally?: (tally: ReadTally) => void;
}

/** What a reader read from a store and what it did not publish, counted by what it is. */
export interface ReadTally {
  /** The store's label. */
  store: string;
  /** What was read: `run folders`, `records`, `records: history`… */
  read: Record<string, number>;
  /** What was read but is not in the Snapshot: `records: output`, `non-numeric history values`… */
  notPublished: Record<string, number>;
}
