/**
 * The one read step of every command that writes data: read the stores (progress on interactive
 * terminals, silence elsewhere), then redact (src/lib/redact.ts) before anything else sees the
 * Snapshot. Commands describe the options once (specs.ts REDACT_OPTIONS) and call `readRedacted`.
 */
import type { Snapshot } from '../lib/model.ts';
import { readStores } from '../lib/read/index.ts';
import { parseRedactions, redactSnapshot, type Redactions } from '../lib/redact.ts';
import { stringList, type CommandSpec, type ParsedValues } from './args.ts';
import { progressLine, type CliIO } from './io.ts';

export function redactionsOf(spec: CommandSpec, values: ParsedValues): Redactions {
  return parseRedactions(stringList(spec, values, 'redact'), values['no-redact'] !== true);
}

export async function readRedacted(stores: string[], redactions: Redactions, io: CliIO): Promise<{ snapshot: Snapshot; masked: number }> {
  return redactSnapshot(await readWithProgress(stores, io), redactions);
}

async function readWithProgress(stores: string[], io: CliIO): Promise<Snapshot> {
  const progress = progressLine(io, 'reading runs');
  try {
    return await readStores(stores, { onProgress: progress.update });
  } finally {
    progress.done();
  }
}
