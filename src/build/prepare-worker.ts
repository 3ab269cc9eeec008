/**
 * The preparation (prepare.ts) on a worker thread: it posts its progress and phase events, then
 * the summary or the failure. Phases are timed on this thread's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RunfolioError } from '../lib/errors.ts';
import type { BuildEvent } from './options.ts';
import { PhaseClock } from './phase-clock.ts';
import type { PrepareFailure, PrepareJob, PrepareMessage } from './prepare-job.ts';
import { prepareSite } from './prepare.ts';

const port = parentPort!;
const post = (message: PrepareMessage) => port.postMessage(message);
const report = (event: BuildEvent) => post({ kind: 'event', event });
const { options, folders } = workerData as PrepareJob;

try {
  const summary = await prepareSite(options, folders, report, new PhaseClock({ now: () => performance.now(), report }));
  post({ kind: 'done', summary });
} catch (error) {
  post({ kind: 'error', error: failure(error) });
}

function failure(error: unknown): PrepareFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, path } = error as { code?: unknown; path?: unknown };
  return {
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error instanceof RunfolioError ? { exitCode: error.exitCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof path === 'string' ? { path } : {}),
  };
}
