/** What every reader hands to the merge step: a Snapshot without its format marker, unsorted. */
import type { Snapshot } from '../model.ts';

export type StoreKind = 'mlruns' | 'sqlite' | 'json';

export interface StoreLocation {
  kind: StoreKind;
  /** Absolute path: the mlruns root folder, the database file or the JSON file. */
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
}
