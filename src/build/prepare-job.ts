/** What the build hands its preparation worker (structured-cloned) and what the worker answers. */
import type { BuildEvent, BuildOptions } from './options.ts';
import type { BuildSummary, PrepareFolders } from './prepare.ts';

export interface PrepareJob {
  options: BuildOptions;
  folders: PrepareFolders;
}

/** A failure, as much of it as the CLI shows: its message and exit code, or a file system error's code and path. */
export interface PrepareFailure {
  message: string;
  stack?: string;
  exitCode?: number;
  code?: string;
  path?: string;
}

export type PrepareMessage = { kind: 'event'; event: BuildEvent } | { kind: 'done'; summary: BuildSummary } | { kind: 'error'; error: PrepareFailure };
