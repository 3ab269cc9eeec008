/**
 * One event file's read measurement, in a process of its own so its peak RSS is the reader's:
 * the floors (a createReadStream of every byte; a readSync loop in 4 MiB chunks) and our reader
 * to a validated Snapshot, alternated after one warm-up of each (warm page cache); prints one
 * JSON line with the medians (wall time, and CPU time, which a busy machine disturbs less) and
 * the scalar points read.
 * Usage: node --expose-gc tensorboard-child.ts <event file> <repeats>
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readStores } from '../../src/lib/read/index.ts';
import { CHUNK_BYTES } from '../../src/lib/read/tensorboard/tfrecord.ts';
import { median, timeOnce } from './types.ts';

const [file, repeatsArg] = process.argv.slice(2) as [string, string];
const repeats = Number(repeatsArg);

async function stream(): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

function readLoop(): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytes = 0;
  for (let n = readSync(fd, buffer, 0, buffer.length, 0); n > 0; n = readSync(fd, buffer, 0, buffer.length, bytes)) bytes += n;
  closeSync(fd);
  return bytes;
}

let points = 0;
async function ours(): Promise<void> {
  const snapshot = await readStores([file]);
  points = snapshot.runs.reduce((n, r) => n + Object.values(r.metrics).reduce((m, metric) => m + metric.history.length, 0), 0);
}


/** Wall and CPU time of one call, ms. */
async function measure(fn: () => unknown): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const wall = await timeOnce(fn);
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

await stream();
readLoop();
await ours();
const times = { stream: [] as [number, number][], readSync: [] as [number, number][], ours: [] as [number, number][] };
for (let i = 0; i < repeats; i++) {
  times.stream.push(await measure(stream));
  times.readSync.push(await measure(readLoop));
  times.ours.push(await measure(ours));
}
const wall = (xs: [number, number][]) => median(xs.map((x) => x[0]));
const cpu = (xs: [number, number][]) => median(xs.map((x) => x[1]));
process.stdout.write(
  `${JSON.stringify({
    streamMs: wall(times.stream), readSyncMs: wall(times.readSync), oursMs: wall(times.ours),
    cpuMs: { stream: cpu(times.stream), readSync: cpu(times.readSync), ours: cpu(times.ours) },
    points, peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
