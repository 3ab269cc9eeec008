/**
 * Runs the preparation on a worker thread (prepare-worker.ts) and waits for it: its events go to
 * effects.report, its failure comes back as an error the CLI words as it would have the original
 * (a RunfolioError with its exit code, or a file system error with its code and path). Abort
 * terminates the worker, and with it any readers it started.
 */
import { Worker } from 'node:worker_threads';
import { RunfolioError } from '../lib/errors.ts';
import { siblingModule } from '../lib/sibling-module.ts';
import type { BuildEffects, BuildOptions } from './options.ts';
import type { PrepareFailure, PrepareJob, PrepareMessage } from './prepare-job.ts';
import type { BuildSummary, PrepareFolders } from './prepare.ts';

export function runPrepare(options: BuildOptions, folders: PrepareFolders, effects: BuildEffects): Promise<BuildSummary> {
  const job: PrepareJob = { options, folders };
  const worker = new Worker(siblingModule('prepare-worker', import.meta.url), { workerData: job });
  return new Promise<BuildSummary>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      effects.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => settle(() => void worker.terminate().finally(() => reject(effects.signal?.reason)));
    effects.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: PrepareMessage) => {
      if (message.kind === 'event') effects.report(message.event);
      else if (message.kind === 'done') settle(() => void worker.terminate().finally(() => resolve(message.summary)));
      else settle(() => void worker.terminate().finally(() => reject(rebuild(message.error))));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the preparation stopped with code ${code} before it was done`))));
  });
}

function rebuild(failure: PrepareFailure): Error {
  const error = failure.exitCode !== undefined ? new RunfolioError(failure.message, failure.exitCode) : new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return Object.assign(error, failure.code ? { code: failure.code } : {}, failure.path ? { path: failure.path } : {});
}
