/**
 * What `runfolio inspect` shows for a W&B store: counts of what was read (folders, logs, chunks,
 * records by kind, history rows, what defects made unreadable), and per run what is not published:
 * records of kinds the Snapshot has no place for (console output, telemetry, files, artifacts…)
 * and values that are not numbers, by key and kind (`history image-file`, `summary text`).
 */
import { compareStrings } from '../../order.ts';
import type { ReadCounts, UnpublishedCount } from '../types.ts';
import type { FolderResult } from './run-folder.ts';
import type { NonNumericCounts } from './series.ts';

/** Record kinds that end up in the Snapshot; every other kind is counted as not published. */
const PUBLISHED_KINDS: ReadonlySet<string> = new Set(['history', 'summary', 'config', 'stats', 'run', 'exit', 'environment']);

export class WandbTally {
  private readonly read = new Map<string, number>();
  private readonly emit: (count: UnpublishedCount) => void;

  constructor(emit: (count: UnpublishedCount) => void) {
    this.emit = emit;
  }

  folder(found: boolean): void {
    this.add('run folders', 1);
    if (!found) this.add('run folders skipped (nothing readable)', 1);
  }

  /** Counts a run read from a folder; `path` names the folder as warnings do. */
  run(result: FolderResult, path: string): void {
    const { log, counts } = result;
    const unpublished = (kind: string, key: string, count: number) => this.emit({ path, tracker: 'wandb', kind, key, count });
    if (!log) this.add('runs from side files only (no readable log)', 1);
    else {
      this.add('log files', 1);
      if (log.framing.alignment === 'shifted') this.add('log files (shifted blocks)', 1);
      this.add('log bytes', log.framing.size);
      this.add('chunks', log.framing.chunks);
      this.add('records', log.framing.records);
      this.add('history rows', log.historyRows);
      for (const [kind, n] of [...log.kinds].sort(([a], [b]) => compareStrings(a, b))) {
        this.add(`records: ${kind}`, n);
        if (!PUBLISHED_KINDS.has(kind)) unpublished(`${kind} records`, '', n);
      }
      this.add('chunks skipped (bad CRC, length or type)', log.framing.defects.filter((d) => d.kind !== 'unfinished-record').length);
      this.add('records without their last chunk', log.framing.defects.filter((d) => d.kind === 'unfinished-record').length + (log.framing.endedAt ? 1 : 0));
      this.add('records that do not decode', log.undecodable?.count ?? 0);
      this.add('values that are not JSON', log.badValues);
    }
    for (const [what, values] of [['history', counts.history], ['summary', counts.summary], ['system', counts.stats]] as [string, NonNumericCounts][]) {
      for (const [key, kind, n] of values.entries()) unpublished(`${what} ${kind}`, key, n);
    }
  }

  toReadCounts(store: string): ReadCounts {
    return { store, tracker: 'wandb', counts: Object.fromEntries([...this.read].sort(([a], [b]) => compareStrings(a, b))) };
  }

  private add(key: string, n: number): void {
    if (n > 0) this.read.set(key, (this.read.get(key) ?? 0) + n);
  }
}
