/** Reading stores from a command: progress on interactive terminals, silence elsewhere. */
import type { Snapshot } from '../lib/model.ts';
import { readStores, type ReadOptions } from '../lib/read/index.ts';
import { progressLine, type CliIO } from './io.ts';

export async function readWithProgress(stores: string[], io: CliIO, options: Omit<ReadOptions, 'onProgress'> = {}): Promise<Snapshot> {
  const progress = progressLine(io, 'reading runs');
  try {
    return await readStores(stores, { ...options, onProgress: progress.update });
  } finally {
    progress.done();
  }
}
