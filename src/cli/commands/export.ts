/** `runfolio export`: the Snapshot as JSON, to stdout or a file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { snapshotToJson } from '../../lib/snapshot-json.ts';
import { commandHelp, parseCommand, stringList } from '../args.ts';
import { exportSpec } from '../specs.ts';
import type { CliIO } from '../io.ts';
import { readRedacted, redactionsOf } from '../read.ts';

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(exportSpec, argv);
  if (values.help) return io.stdout(commandHelp(exportSpec)), 0;
  const { snapshot } = await readRedacted(stringList(exportSpec, values, 'store', true), redactionsOf(exportSpec, values), io);
  const json = snapshotToJson(snapshot);
  if (typeof values.out === 'string') {
    const out = resolve(io.cwd, values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, json);
    io.stderr(`wrote ${values.out} (${snapshot.runs.length.toLocaleString('en-US')} runs)\n`);
  } else {
    io.stdout(json);
  }
  return 0;
}
