/**
 * Worker thread for big file stores: reads batches of run folders with `readRunParts` and posts
 * them back as one JSON string plus three transferred buffers holding every metric column of the
 * batch (structured cloning the parts object by object costs more than reading them).
 */
import { parentPort } from 'node:worker_threads';
import type { SnapshotWarning } from '../../model.ts';
import type { MetricColumns } from '../metric-points.ts';
import { Warnings } from '../warnings.ts';
import type { StoreDir } from './files.ts';
import { readRunParts, type DatasetsById, type RunParts } from './run.ts';

export interface RunJob {
  index: number;
  dir: StoreDir;
  experimentId: string;
}

export interface WorkerRequest {
  label: string;
  datasets: Record<string, DatasetsById>;
  jobs: RunJob[];
}

/** A metric column set inside the batch buffers. */
type ColumnRef = { offset: number; length: number };
type PackedParts = Omit<RunParts, 'metrics'> & { metrics: Record<string, ColumnRef> };

export interface WorkerReply {
  /** JSON of `{ results: { index, parts? }[], warnings }`, metrics as ColumnRefs. */
  json: string;
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

parentPort?.on('message', (request: WorkerRequest) => {
  const warnings = new Warnings(request.label);
  const read = request.jobs.map(({ index, dir, experimentId }) => ({ index, parts: readRunParts(dir, experimentId, request.datasets[experimentId] ?? {}, warnings) }));
  let total = 0;
  for (const { parts } of read) for (const c of Object.values(parts?.metrics ?? {})) total += c.steps.length;
  const reply: WorkerReply = { json: '', steps: new Float64Array(total), timestamps: new Float64Array(total), values: new Float64Array(total) };
  let offset = 0;
  const results = read.map(({ index, parts }) => {
    if (!parts) return { index };
    const metrics: Record<string, ColumnRef> = {};
    for (const [key, c] of Object.entries(parts.metrics)) {
      reply.steps.set(c.steps, offset);
      reply.timestamps.set(c.timestamps, offset);
      reply.values.set(c.values, offset);
      metrics[key] = { offset, length: c.steps.length };
      offset += c.steps.length;
    }
    return { index, parts: { ...parts, metrics } satisfies PackedParts };
  });
  reply.json = JSON.stringify({ results, warnings: warnings.list });
  parentPort?.postMessage(reply, [reply.steps.buffer as ArrayBuffer, reply.timestamps.buffer as ArrayBuffer, reply.values.buffer as ArrayBuffer]);
});

/** The main thread's side: a reply back into run parts (columns are views on the batch buffers). */
export function unpackReply(reply: WorkerReply): { results: { index: number; parts: RunParts | undefined }[]; warnings: SnapshotWarning[] } {
  const { results, warnings } = JSON.parse(reply.json) as { results: { index: number; parts?: PackedParts }[]; warnings: SnapshotWarning[] };
  return {
    warnings,
    results: results.map(({ index, parts }) => {
      if (!parts) return { index, parts: undefined };
      const metrics: Record<string, MetricColumns> = {};
      for (const [key, { offset, length }] of Object.entries(parts.metrics)) {
        metrics[key] = {
          steps: reply.steps.subarray(offset, offset + length),
          timestamps: reply.timestamps.subarray(offset, offset + length),
          values: reply.values.subarray(offset, offset + length),
        };
      }
      return { index, parts: { ...parts, metrics } };
    }),
  };
}
