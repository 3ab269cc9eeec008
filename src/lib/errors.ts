/**
 * Errors meant for the user. Each carries the process exit code of DESIGN.md's CLI contract;
 * only the CLI entry turns them into an exit, everything else just throws. An interrupted command
 * exits as a shell reports a signal: 128 + 2 for Ctrl-C (SIGINT), 128 + 15 for SIGTERM.
 */
export const EXIT = { ok: 0, failOn: 1, usage: 2, input: 3, interrupted: 130, terminated: 143 } as const;

export class RunfolioError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown flag, missing argument, an expression that does not parse. Exit 2. */
export class UsageError extends RunfolioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.usage, options);
  }
}

/** Input that cannot be read at all: a store that is none of the known kinds, an unreadable database. Exit 3. */
export class InputError extends RunfolioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.input, options);
  }
}

/** One line for any thrown value: the message of our own errors, a short description of others. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
