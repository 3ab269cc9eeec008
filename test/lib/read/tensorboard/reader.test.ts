/** readTensorboard on log trees written by the generator: scalars of both kinds, hparams, runs, damaged records. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTensorboard } from '../../../../src/lib/read/tensorboard/index.ts';
import type { UnpublishedCount } from '../../../../src/lib/read/types.ts';
import { EventFileWriter, writeEventFile, type TbEvent } from '../../../../scripts/lib/write-tensorboard.ts';
import { tempDir } from '../../../support/tmp.ts';

const T0 = 1_700_000_000;
const scalar = (tag: string, step: number, value: number, extra: Partial<Extract<TbEvent, { kind: 'scalar' }>> = {}): TbEvent => ({ kind: 'scalar', tag, step, wallTime: T0 + step, value, ...extra });

async function readTree(root: string) {
  const counts: UnpublishedCount[] = [];
  const contents = await readTensorboard(root, 'logs', { onUnpublished: (c) => counts.push(c) });
  return { ...contents, counts, run: (name: string) => contents.runs.find((r) => r.name === name)! };
}

describe('readTensorboard(dir, label)', () => {
  describe('scalars', () => {
    it('reads simple_value and rank-0 float and double tensors, in float_val/double_val and tensor_content bytes', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [
        scalar('simple', 0, 0.1),
        scalar('float_val', 0, 0.1, { encoding: 'float_val' }),
        scalar('float_content', 0, 0.1, { encoding: 'float_content' }),
        scalar('double_val', 0, 0.1, { encoding: 'double_val' }),
        scalar('double_content', 0, 0.1, { encoding: 'double_content' }),
      ]);
      const { run } = await readTree(root);
      const latest = Object.fromEntries(Object.entries(run('.').metrics).map(([k, m]) => [k, m.latest.value]));
      expect(latest).toEqual({ simple: Math.fround(0.1), float_val: Math.fround(0.1), float_content: Math.fround(0.1), double_val: 0.1, double_content: 0.1 });
    });

    it('reads later values of a TF 2 tag that no longer carry the "scalars" metadata, as TensorBoard does', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [0, 1, 2].map((step) => scalar('loss', step, step, { encoding: 'float_content', metadata: step === 0 })));
      const { run } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.value)).toEqual([0, 1, 2]);
    });

    it('does not read a tensor tag as a metric unless its first value names the scalars plugin', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [scalar('raw', 0, 1, { encoding: 'float_val', metadata: false })]);
      const { run, counts } = await readTree(root);
      expect(run('.').metrics).toEqual({});
      expect(counts).toEqual([{ path: 'logs', tracker: 'tensorboard', kind: 'tensor', key: 'raw', count: 1 }]);
    });

    it('keeps every point, repeated and backward steps too, with latest the greatest (step, timestamp)', async () => {
      const root = tempDir();
      const steps = [0, 1, 2, 3, 1, 2, 2];
      writeEventFile(join(root, 'events.out.tfevents.1'), steps.map((step, i) => ({ kind: 'scalar', tag: 'loss', step, wallTime: T0 + i, value: i })));
      const { run } = await readTree(root);
      const metric = run('.').metrics.loss!;
      expect(metric.history.map((p) => [p.step, p.value])).toEqual([[0, 0], [1, 1], [1, 4], [2, 2], [2, 5], [2, 6], [3, 3]]);
      expect(metric.latest).toEqual({ step: 3, timestamp: (T0 + 3) * 1000, value: 3 });
    });

    it('keeps NaN and infinite values, and wall times as milliseconds', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [
        { kind: 'scalar', tag: 'x', step: 0, wallTime: T0 + 0.1234, value: Number.NaN },
        { kind: 'scalar', tag: 'x', step: 1, wallTime: T0 + 0.5, value: Number.POSITIVE_INFINITY },
      ]);
      const metric = (await readTree(root)).run('.').metrics.x!;
      expect(metric.history).toEqual([
        { step: 0, timestamp: T0 * 1000 + 123, value: 'NaN' },
        { step: 1, timestamp: T0 * 1000 + 500, value: 'Infinity' },
      ]);
    });
  });

  describe('runs', () => {
    it('makes one run per folder holding event files, named by its path, several files merged in name order, installed packages left out', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [scalar('top', 0, 1)]);
      writeEventFile(join(root, 'a/b/events.out.tfevents.2'), [scalar('x', 5, 2)], T0 + 10);
      writeEventFile(join(root, 'a/b/events.out.tfevents.1'), [scalar('x', 5, 1)], T0 + 5);
      writeFileSync(join(root, 'a/notes.txt'), 'not a run');
      writeEventFile(join(root, '.venv/lib/site-packages/pkg/events.out.tfevents.1'), [scalar('test-data', 0, 1)]);
      writeEventFile(join(root, 'a/node_modules/pkg/events.out.tfevents.1'), [scalar('test-data', 0, 1)]);
      const { runs, experiments, run } = await readTree(root);
      expect(runs.map((r) => r.name)).toEqual(['.', 'a/b']);
      expect(experiments).toEqual([{ id: runs[0]!.experimentId, name: 'logs', lifecycleStage: 'active', tags: {} }]);
      expect(run('a/b').metrics.x?.history.map((p) => p.value)).toEqual([1, 2]);
      expect(run('a/b').startTime).toBe((T0 + 5) * 1000);
      expect(run('a/b').endTime).toBe((T0 + 10) * 1000);
      expect(run('a/b').provenance).toEqual({ tracker: 'tensorboard', path: 'logs/a/b' });
      expect(run('.').provenance).toEqual({ tracker: 'tensorboard', path: 'logs/events.out.tfevents.1' });
    });

    it('derives ids from the store label and the folder: stable, distinct, 32 hex digits', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'x/events.out.tfevents.1'), [scalar('a', 0, 1)]);
      writeEventFile(join(root, 'y/events.out.tfevents.1'), [scalar('a', 0, 1)]);
      const first = await readTensorboard(root, 'logs');
      const again = await readTensorboard(root, 'logs');
      const other = await readTensorboard(root, 'other-logs');
      expect(first.runs.map((r) => r.id)).toEqual(again.runs.map((r) => r.id));
      expect(new Set(first.runs.map((r) => r.id)).size).toBe(2);
      for (const run of first.runs) expect(run.id).toMatch(/^[0-9a-f]{32}$/);
      expect(other.runs.map((r) => r.id)).not.toEqual(first.runs.map((r) => r.id));
    });

    it('counts histograms, images, text, graphs and session logs, and publishes none of them', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [
        { kind: 'histogram', tag: 'w', step: 0, wallTime: T0, buckets: 30 },
        { kind: 'histogram', tag: 'w', step: 1, wallTime: T0, buckets: 30 },
        { kind: 'image', tag: 'sample', step: 0, wallTime: T0, bytes: new Uint8Array(100) },
        { kind: 'text', tag: 'notes', step: 0, wallTime: T0, text: 'hello' },
        { kind: 'graph', wallTime: T0, bytes: new Uint8Array(10) },
        { kind: 'session_log', wallTime: T0, step: 0, status: 'START' },
        scalar('loss', 0, 1),
      ]);
      const { run, counts } = await readTree(root);
      expect(Object.keys(run('.').metrics)).toEqual(['loss']);
      expect(counts.map(({ kind, key, count }) => [kind, key, count])).toEqual([
        ['histograms', 'w', 2],
        ['images', 'sample', 1],
        ['text', 'notes/text_summary', 1],
        ['graph_def', '', 1],
        ['session_log', 'START', 1],
      ]);
    });
  });

  describe('params and status', () => {
    it('reads the hparams session start as params and its end as the status', async () => {
      for (const [status, expected] of [['success', 'FINISHED'], ['failure', 'FAILED'], ['running', 'RUNNING'], ['unknown', 'FINISHED']] as const) {
        const root = tempDir();
        writeEventFile(join(root, 'events.out.tfevents.1'), [
          { kind: 'hparams_start', wallTime: T0, hparams: { lr: 0.001, optimizer: 'adam', amsgrad: true, layers: 4 } },
          { kind: 'hparams_end', wallTime: T0, status },
        ]);
        const { run, counts } = await readTree(root);
        expect(run('.').params).toEqual({ lr: '0.001', optimizer: 'adam', amsgrad: 'true', layers: '4' });
        expect(run('.').status).toBe(expected);
        expect(counts.map((c) => [c.key, c.readAs])).toEqual([['_hparams_/session_start_info', 'params'], ['_hparams_/session_end_info', 'status']]);
      }
    });

    it('is FINISHED without a session end, and takes the first session start when there are several', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [
        { kind: 'hparams_start', wallTime: T0, hparams: { lr: 1 } },
        { kind: 'hparams_start', wallTime: T0, hparams: { lr: 2 } },
      ]);
      const { run } = await readTree(root);
      expect(run('.')).toMatchObject({ status: 'FINISHED', params: { lr: '1' } });
    });

    it('flattens Lightning hparams.yaml with ".", preferring it to the plugin copy Lightning flattened with "/"', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'version_0/events.out.tfevents.1'), [{ kind: 'hparams_start', wallTime: T0, hparams: { 'optimizer/lr': 0.1, 'optimizer/name': 'adam', flag: 1, extra: 'x' } }]);
      writeFileSync(join(root, 'version_0/hparams.yaml'), 'optimizer:\n  lr: 0.1\n  name: adam\nflag: true\nlayers: [64, 32]\n');
      const { run } = await readTree(root);
      expect(run('version_0').params).toEqual({ 'optimizer.lr': '0.1', 'optimizer.name': 'adam', flag: 'true', layers: '[64,32]', extra: 'x' });
    });

    it('reads HF Trainer\'s args text summary as params; a text that is not JSON is a warning', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'ok/events.out.tfevents.1'), [{ kind: 'text', tag: 'args', step: 0, wallTime: T0, text: JSON.stringify({ learning_rate: 5e-5, lr_scheduler_kwargs: { power: 2 }, report_to: ['tensorboard'] }) }]);
      writeEventFile(join(root, 'bad/events.out.tfevents.1'), [{ kind: 'text', tag: 'args', step: 0, wallTime: T0, text: 'learning_rate=5e-5' }]);
      const { run, warnings } = await readTree(root);
      expect(run('ok').params).toEqual({ learning_rate: '0.00005', 'lr_scheduler_kwargs.power': '2', report_to: '["tensorboard"]' });
      expect(run('bad').params).toEqual({});
      expect(warnings).toEqual([{ path: 'logs/bad', message: 'the `args` text summary is not a JSON object; not read as params' }]);
    });
  });

  describe('damaged records', () => {
    function damaged(root: string) {
      return new EventFileWriter(join(root, 'events.out.tfevents.1')).add({ kind: 'file_version', wallTime: T0 }).add(scalar('loss', 0, 0));
    }

    it('skips a record whose data CRC fails, keeps the records after it, and warns once with the count and first offset', async () => {
      const root = tempDir();
      const writer = damaged(root);
      const offset = writer.bytes;
      writer.add(scalar('loss', 1, 1), 'data-crc').add(scalar('loss', 2, 2), 'data-crc').add(scalar('loss', 3, 3));
      writer.close();
      const { run, warnings } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.step)).toEqual([0, 3]);
      expect(warnings).toEqual([{ path: 'logs/events.out.tfevents.1', message: `2 records failed the data CRC-32C check and were skipped (first at byte ${offset})` }]);
    });

    it('ends the file at a record whose length CRC fails (the framing is lost)', async () => {
      const root = tempDir();
      const writer = damaged(root);
      const offset = writer.bytes;
      writer.add(scalar('loss', 1, 1), 'length-crc').add(scalar('loss', 2, 2));
      writer.close();
      const { run, warnings } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.step)).toEqual([0]);
      expect(warnings).toEqual([{ path: 'logs/events.out.tfevents.1', message: `record length at byte ${offset} failed its CRC-32C check: the framing is lost, the rest of the file is skipped` }]);
    });

    it.each([5, 12, 20])('keeps every complete record of a file cut %i bytes into its last record', async (cut) => {
      const root = tempDir();
      const writer = damaged(root);
      const offset = writer.bytes;
      writer.add(scalar('loss', 1, 1), { truncateTo: cut });
      writer.close();
      const { run, warnings } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.step)).toEqual([0]);
      expect(warnings).toEqual([{ path: 'logs/events.out.tfevents.1', message: `ends inside a record at byte ${offset} (a writer still running, or killed); the 2 complete records before it are kept` }]);
    });

    it('skips a record that frames correctly but holds no Event protobuf', async () => {
      const root = tempDir();
      const writer = damaged(root);
      const offset = writer.bytes;
      writer.add(scalar('loss', 1, 1), 'not-an-event').add(scalar('loss', 2, 2));
      writer.close();
      const { run, warnings } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.step)).toEqual([0, 2]);
      expect(warnings).toEqual([{ path: 'logs/events.out.tfevents.1', message: `1 record holding no Event protobuf skipped (first at byte ${offset})` }]);
    });

    it('skips an event whose wall time is NaN (it would have no timestamp)', async () => {
      const root = tempDir();
      writeEventFile(join(root, 'events.out.tfevents.1'), [scalar('loss', 0, 0), { kind: 'scalar', tag: 'loss', step: 1, wallTime: Number.NaN, value: 1 }]);
      const { run, warnings } = await readTree(root);
      expect(run('.').metrics.loss?.history.map((p) => p.step)).toEqual([0]);
      expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^1 event without a wall time \(NaN\) skipped \(first at byte \d+\)$/)]);
    });
  });
});
