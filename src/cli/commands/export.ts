/** `runfolio export`: the Snapshot as JSON, to stdout or a file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { snapshotToJson } from '../../lib/snapshot-json.ts';
import { commandHelp, parseCommand, stringList, type CommandSpec } from '../args.ts';
import type { CliIO } from '../io.ts';
import { readWithProgress } from '../read.ts';

export const exportSpec: CommandSpec = {
  name: 'export',
  summary: 'Write the Snapshot (experiments, runs with full metric histories, models, warnings) as JSON. It reads back with --store FILE.json.',
  options: {
    store: { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), JSON export, or TensorBoard log folder. Repeatable.' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE instead of standard output.' },
  },
};

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(exportSpec, argv);
  if (values.help) return io.stdout(commandHelp(exportSpec)), 0;
  const snapshot = await readWithProgress(stringList(exportSpec, values, 'store', true), io);
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
