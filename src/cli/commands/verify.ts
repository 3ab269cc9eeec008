/** `runfolio verify DIR`: an archive against its MANIFEST.sha256; exit 0, 1 naming what differs, 3 when DIR is no archive. */
import { resolve } from 'node:path';
import { UsageError } from '../../lib/errors.ts';
import { verifyArchive } from '../../lib/site/verify.ts';
import { commandHelp, parseCommand } from '../args.ts';
import { verifySpec } from '../specs.ts';
import type { CliIO } from '../io.ts';

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(verifySpec, argv);
  if (values.help) return io.stdout(commandHelp(verifySpec)), 0;
  if (positionals.length !== 1) throw new UsageError('verify: give one archive folder: runfolio verify DIR');
  const dir = positionals[0] as string;
  const { listed, differences } = verifyArchive(resolve(io.cwd, dir));
  if (differences.length === 0) {
    io.stdout(`${dir}: OK, ${listed.toLocaleString('en-US')} files match MANIFEST.sha256\n`);
    return 0;
  }
  const words = { missing: 'missing', changed: 'changed', unlisted: 'not in the manifest' };
  for (const d of differences) io.stdout(`${words[d.kind]}: ${d.path}\n`);
  io.stderr(`runfolio: verify: ${dir}: ${differences.length.toLocaleString('en-US')} file${differences.length === 1 ? '' : 's'} differ from MANIFEST.sha256\n`);
  return 1;
}
