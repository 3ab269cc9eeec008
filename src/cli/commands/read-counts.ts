/** `runfolio inspect`'s account of what tracker-log readers read: per store, one aligned line per count. */
import type { ReadCounts } from '../../lib/read/index.ts';

const TRACKER: Record<string, string> = { tensorboard: 'TensorBoard', wandb: 'W&B' };

export function readCountLines(read: readonly ReadCounts[]): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines: string[] = [];
  for (const { store, tracker, counts } of read) {
    const entries = Object.entries(counts);
    if (entries.length === 0) continue;
    const width = Math.max(...entries.map(([key]) => key.length));
    const digits = Math.max(...entries.map(([, count]) => n(count).length));
    lines.push(`Read         ${store} (${TRACKER[tracker] ?? tracker}):`, ...entries.map(([key, count]) => `  ${key.padEnd(width)}  ${n(count).padStart(digits)}`));
  }
  return lines;
}
