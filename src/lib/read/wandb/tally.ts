/**
 * The counts `runfolio inspect` shows for a W&B store: what was read (folders, logs, records by
 * kind, history rows) and what is not published (record kinds the site has no place for, such as
 * console output and telemetry; values that are not numbers; what defects made unreadable).
 */
import { compareStrings } from '../../order.ts';
import type { ReadTally } from '../types.ts';
import type { FolderResult } from './run-folder.ts';

/** Record kinds that end up in the Snapshot; every other kind is counted as not published. */
const PUBLISHED_KINDS: ReadonlySet<string> = new Set(['history', 'summary', 'config', 'stats', 'run', 'exit', 'environment']);

export class WandbTally {
  private readonly read = new Map<string, number>();
  private readonly notPublished = new Map<string, number>();

  folder(found: boolean): void {
    this.add(this.read, 'run folders', 1);
    if (!found) this.add(this.notPublished, 'run folders without a readable run', 1);
  }

  run(result: FolderResult): void {
    const { log, counts } = result;
    if (!log) this.add(this.read, 'runs from side files only (no readable log)', 1);
    else {
      this.add(this.read, 'log files', 1);
      if (log.framing.alignment === 'shifted') this.add(this.read, 'log files (shifted blocks)', 1);
      this.add(this.read, 'log bytes', log.framing.size);
      this.add(this.read, 'chunks', log.framing.chunks);
      this.add(this.read, 'records', log.framing.records);
      this.add(this.read, 'history rows', log.historyRows);
      for (const [kind, n] of log.kinds) this.add(PUBLISHED_KINDS.has(kind) ? this.read : this.notPublished, `records: ${kind}`, n);
      if (log.undecodable) this.add(this.notPublished, 'records that do not decode', log.undecodable.count);
      this.add(this.notPublished, 'chunks skipped (bad CRC, bad length or type)', log.framing.defects.filter((d) => d.kind !== 'unfinished-record').length);
      this.add(this.notPublished, 'records without their last chunk', log.framing.defects.filter((d) => d.kind === 'unfinished-record').length + (log.framing.endedAt ? 1 : 0));
      this.add(this.notPublished, 'values that are not JSON', log.badValues);
    }
    let nonNumeric = 0;
    for (const [key, n] of counts.nonNumericHistory) {
      this.add(this.notPublished, `non-numeric history values: ${key}`, n);
      nonNumeric += n;
    }
    this.add(this.notPublished, 'non-numeric history values', nonNumeric);
    this.add(this.notPublished, 'non-numeric summary values', counts.nonNumericSummary);
    this.add(this.notPublished, 'non-numeric system stats values', counts.nonNumericStats);
  }

  toTally(store: string): ReadTally {
    return { store, read: sorted(this.read), notPublished: sorted(this.notPublished) };
  }

  private add(map: Map<string, number>, key: string, n: number): void {
    if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
  }
}

function sorted(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => compareStrings(a, b)));
}
