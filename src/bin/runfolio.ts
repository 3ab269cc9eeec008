#!/usr/bin/env node
/**
 * The `runfolio` executable. Checks the Node version before loading anything else (Astro supports
 * 22.12+, 24 and 26+, and reading mlflow.db needs node:sqlite, unflagged in 22.13), so another Node
 * gets one line instead of a syntax error or a stack trace; this file keeps to syntax every Node
 * since 12 parses for that reason.
 * Then it wires Ctrl-C to the command's abort signal (a second Ctrl-C, or a command that does
 * not stop within a few seconds, exits at once), runs the CLI and exits with its code. Only this
 * file calls process.exit.
 */
import { SUPPORTED_NODE, supportedNode } from './node-version.ts';

if (!supportedNode(process.versions.node)) {
  process.stderr.write('runfolio: needs ' + SUPPORTED_NODE + '; this is Node.js ' + process.versions.node + '\n');
  process.exit(1);
} else {
  start().catch(function (error: unknown) {
    process.stderr.write('runfolio: internal error: ' + String(error && (error as Error).stack ? (error as Error).stack : error) + '\n');
    process.exit(1);
  });
}

async function start(): Promise<void> {
  // node:sqlite announces itself as experimental on every run; the CLI's output is for the user.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'ExperimentalWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
  const controller = new AbortController();
  const interrupt = (name: 'SIGINT' | 'SIGTERM') => {
    const code = name === 'SIGINT' ? 130 : 143;
    if (controller.signal.aborted) process.exit(code);
    controller.abort(name);
    // A command that cannot stop cleanly (a long synchronous read) still ends; the exit handlers
    // of a build remove its temporary folder.
    setTimeout(() => process.exit(code), 5000).unref();
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));
  const { main } = await import('../cli/main.ts');
  const { processIO } = await import('../cli/io.ts');
  process.exitCode = await main(process.argv.slice(2), processIO(controller.signal));
  // Handles (a worker pool, a file watcher) must not keep an interrupted command alive.
  if (controller.signal.aborted) process.exit(process.exitCode);
}
