/** What every reader hands to the merge step: a Snapshot without its format marker, unsorted. */
import type { Snapshot } from '../model.ts';

export type StoreKind = 'mlruns' | 'sqlite' | 'json' | 'tensorboard' | 'wandb';

export interface StoreLocation {
  kind: StoreKind;
  /** Absolute path: the mlruns root folder, the database file, the JSON file, the TensorBoard log tree (or event file), or the W&B folder (of run folders, or one run folder). */
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
  /** Called with each count of tracker data read but not published (histograms, images…), for `runfolio inspect`. */
  onUnpublished?: (count: UnpublishedCount) => void;
  /** Called once per store by readers of tracker logs with counts of what they read (files, records, rows), for `runfolio inspect`. */
  onRead?: (counts: ReadCounts) => void;
}

/** Values of one kind and key in one run that a tracker logged and the Snapshot does not hold. */
export interface UnpublishedCount {
  /** The run, store-label-prefixed like warning paths (`lightning_logs/version_0`). */
  path: string;
  tracker: 'tensorboard' | 'wandb';
  /** What it is: a TensorBoard plugin (`histograms`, `images`, `text`, `hparams`…) or event kind (`graph_def`, `session_log`). */
  kind: string;
  /** The tag or key (`''` for event kinds without one, the status for session logs). */
  key: string;
  /** How many values. */
  count: number;
  /** Set when the values were read after all, as params (hparams session start, HF `args`) or the run status (session end). */
  readAs?: 'params' | 'status';
}

/** What a tracker-log reader read from one store, counted by what it is (`log files`, `records: history`…). */
export interface ReadCounts {
  /** The store's label. */
  store: string;
  tracker: 'tensorboard' | 'wandb';
  counts: Record<string, number>;
}
