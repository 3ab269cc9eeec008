/**
 * The Snapshot as a file: what `runfolio export` writes and `--store file.json` reads back.
 * Compact JSON with a final newline; key order is the schema's (every Snapshot passed through
 * it), so export → import → export is byte-identical.
 */
import type { Snapshot } from './model.ts';

export function snapshotToJson(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot)}\n`;
}
