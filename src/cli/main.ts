/**
 * The `runfolio` command: dispatches to a command, and turns errors into one line and an exit
 * code (DESIGN.md: 0 ok, 1 a --fail-on condition held, 2 bad usage, 3 unreadable input).
 * Returns the exit code; only the bin script exits.
 */
import { EXIT, RunfolioError, describeError } from '../lib/errors.ts';
import type { CommandSpec } from './args.ts';
import type { CliIO } from './io.ts';
import { buildSpec, compareSpec, demoSpec, exportSpec, inspectSpec, rankSpec, verifySpec } from './specs.ts';

type Run = (argv: string[], io: CliIO) => Promise<number>;

/** Each command's code loads only when it runs: `--help` and `inspect` never load Astro. */
const COMMANDS: { spec: CommandSpec; load: () => Promise<Run> }[] = [
  { spec: buildSpec, load: async () => (await import('./commands/build.ts')).buildCommand },
  { spec: compareSpec, load: async () => (await import('./commands/compare.ts')).compareCommand },
  { spec: demoSpec, load: async () => (await import('./commands/demo.ts')).demoCommand },
  { spec: inspectSpec, load: async () => (await import('./commands/inspect.ts')).inspectCommand },
  { spec: rankSpec, load: async () => (await import('./commands/rank.ts')).rankCommand },
  { spec: exportSpec, load: async () => (await import('./commands/export.ts')).exportCommand },
  { spec: verifySpec, load: async () => (await import('./commands/verify.ts')).verifyCommand },
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
    return await (await command.load())(rest, io);
  } catch (error) {
    return reportError(error, rest.includes('--verbose'), io);
  }
}

function reportError(error: unknown, verbose: boolean, io: CliIO): number {
  if (io.signal?.aborted) {
    io.stderr('runfolio: interrupted; nothing was written\n');
    return io.signal.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
  }
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
    'Static sites from MLflow experiment stores (mlruns/, mlflow.db, JSON exports).',
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
