/**
 * The one read step of every command that writes data: read the stores (progress on interactive
 * terminals, silence elsewhere), then redact (src/lib/redact.ts) before anything else sees the
 * Snapshot. Commands describe the options once with READ_OPTIONS and call `readRedacted`.
 */
import type { Snapshot } from '../lib/model.ts';
import { readStores } from '../lib/read/index.ts';
import { parseRedactions, redactSnapshot, type Redactions } from '../lib/redact.ts';
import { stringList, type CommandSpec, type OptionSpec, type ParsedValues } from './args.ts';
import { progressLine, type CliIO } from './io.ts';

export const STORE_OPTION: OptionSpec = { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), or JSON export. Repeatable: stores are merged.' };

/** `--redact` and `--no-redact`, the same for every command. */
export const REDACT_OPTIONS: Record<string, OptionSpec> = {
  redact: { type: 'string', multiple: true, value: 'PATTERN', description: 'Also mask params/tags whose key matches the glob (e.g. "*_url"); or a rule name (secrets, emails, hosts, paths) to keep with --no-redact. Repeatable.' },
  'no-redact': { type: 'boolean', description: 'Turn off the default masking of secrets, credentials in URIs, e-mail addresses, host names and home folders.' },
};

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
