/**
 * Reads every run folder of a store. Small stores are read on this thread; big ones are shared
 * among worker threads (one per core) in batches, while this thread turns finished batches into
 * Runs. Results are placed by job index, so the outcome does not depend on thread timing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Run } from '../../model.ts';
import type { ReadOptions } from '../types.ts';
import { uniqueRuns, type FoundRun } from '../unique-runs.ts';
import type { Warnings } from '../warnings.ts';
import type { ExperimentFolder } from './experiment.ts';
import { assembleRun, readRunParts, type DatasetsById, type RunParts } from './run.ts';
import { unpackReply, type RunJob, type WorkerReply, type WorkerRequest } from './run-worker.ts';
import { siblingModule } from '../../sibling-module.ts';

/** Below this many runs, starting workers (each loads the reader's modules) costs more than it saves (measured: 3,000 runs break even on 2 cores). */
const WORKER_THRESHOLD = 3000;
const BATCH = 64;

export async function readRuns(folders: ExperimentFolder[], warnings: Warnings, options: ReadOptions): Promise<Run[]> {
  const jobs: RunJob[] = folders.flatMap((f) => f.runDirs.map((dir) => ({ dir, experimentId: f.experiment.id, index: 0 })));
  jobs.forEach((job, index) => (job.index = index));
  const byExperiment = new Map(folders.map((f) => [f.experiment.id, f]));
  const runs = new Array<Run | undefined>(jobs.length);
  let done = 0;
  const accept = (index: number, parts: RunParts | undefined): void => {
    if (parts) runs[index] = assembleRun(parts, loggedModelsOf(byExperiment.get(parts.experimentId), parts.id));
    done += 1;
    if (options.onProgress && (done % 250 === 0 || done === jobs.length)) options.onProgress(done, jobs.length);
  };

  const threads = options.threads ?? (jobs.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 4) : 1);
  if (threads < 2) {
    for (const job of jobs) accept(job.index, readRunParts(job.dir, job.experimentId, byExperiment.get(job.experimentId)?.datasets ?? {}, warnings));
  } else {
    const datasets: Record<string, DatasetsById> = Object.fromEntries(folders.map((f) => [f.experiment.id, f.datasets]));
    await inWorkers(jobs, threads, { label: warnings.label, datasets }, (reply) => {
      const unpacked = unpackReply(reply);
      warnings.list.push(...unpacked.warnings);
      for (const { index, parts } of unpacked.results) accept(index, parts);
    });
  }
  const found: FoundRun[] = [];
  runs.forEach((run, index) => {
    const job = jobs[index] as RunJob;
    if (run) found.push({ run, path: job.dir.rel, activeExperiment: byExperiment.get(job.experimentId)?.experiment.lifecycleStage === 'active' });
  });
  return uniqueRuns(found, warnings);
}

function loggedModelsOf(folder: ExperimentFolder | undefined, runId: string): Run['loggedModels'] {
  return (folder?.loggedModels ?? []).filter((m) => m.sourceRunId === runId).map((m) => m.model);
}

/** Hands batches of jobs to `threads` workers as each finishes one; resolves when all are done. */
function inWorkers(
  jobs: RunJob[],
  threads: number,
  context: Omit<WorkerRequest, 'jobs'>,
  onReply: (reply: WorkerReply) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    const workers: Worker[] = [];
    const finish = (error?: unknown): void => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) {
        if (--active === 0) finish();
        return;
      }
      const request: WorkerRequest = { ...context, jobs: jobs.slice(next, next + BATCH) };
      next += BATCH;
      worker.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(siblingModule('run-worker', import.meta.url));
      workers.push(worker);
      active += 1;
      worker.on('message', (reply: WorkerReply) => {
        try {
          onReply(reply);
        } catch (error) {
          finish(error);
          return;
        }
        feed(worker);
      });
      worker.on('error', finish);
      feed(worker);
    }
  });
}
