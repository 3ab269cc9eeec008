/**
 * The `runfolio` command: dispatches to a command, and turns errors into one line and an exit
 * code (DESIGN.md: 0 ok, 1 a --fail-on condition held, 2 bad usage, 3 unreadable input).
 * Returns the exit code; only the bin script exits.
 */
import { EXIT, RunfolioError, describeError } from '../lib/errors.ts';
import { buildCommand, buildSpec } from './commands/build.ts';
import { exportCommand, exportSpec } from './commands/export.ts';
import { inspectCommand, inspectSpec } from './commands/inspect.ts';
import { rankCommand, rankSpec } from './commands/rank.ts';
import type { CommandSpec } from './args.ts';
import type { CliIO } from './io.ts';

type Command = { spec: CommandSpec; run: (argv: string[], io: CliIO) => Promise<number> };

const COMMANDS: Command[] = [
  { spec: buildSpec, run: buildCommand },
  { spec: inspectSpec, run: inspectCommand },
  { spec: rankSpec, run: rankCommand },
  { spec: exportSpec, run: exportCommand },
];

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${await version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    io.stderr(`runfolio: unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, rest.includes('--verbose'), io);
  }
}

function reportError(error: unknown, verbose: boolean, io: CliIO): number {
  if (error instanceof RunfolioError) {
    io.stderr(`runfolio: ${error.message}\n`);
    if (verbose && error.cause) io.stderr(`${describeStack(error.cause)}\n`);
    return error.exitCode;
  }
  // File-system failures outside the readers' warn-and-skip rules: unreadable input.
  const fsError = error as { code?: string; path?: string };
  if (typeof fsError?.code === 'string' && typeof fsError.path === 'string') {
    io.stderr(`runfolio: ${fsError.path}: ${describeError(error).replace(/^[A-Z]+: /, '')}\n`);
    if (verbose) io.stderr(`${describeStack(error)}\n`);
    return EXIT.input;
  }
  io.stderr(`runfolio: internal error: ${describeError(error)}${verbose ? '' : ' (run again with --verbose for details)'}\n`);
  if (verbose) io.stderr(`${describeStack(error)}\n`);
  return 1;
}

function describeStack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'Usage: runfolio <command> [options]',
    '',
    'Static sites from MLflow experiment stores (mlruns/, mlflow.db, JSON exports) and TensorBoard logs.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary.split('. ')[0]?.replace(/\.$/, '')}.`),
    '',
    'Run `runfolio <command> --help` for a command\'s options.',
    'Exit codes: 0 ok, 1 a --fail-on condition held, 2 bad usage, 3 unreadable input.',
    '',
  ].join('\n');
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
