/**
 * Writes a small TensorBoard log tree for trying Runfolio by hand: a Lightning-style run
 * (simple_value scalars, hparams plugin, hparams.yaml with a pickled object), a TF 2 run (tensor
 * scalars), an HF Trainer run (`args` text), and a damaged run (bad CRCs, a cut-off tail).
 *   node scripts/write-tensorboard-logs.ts OUT_DIR      then   npm run runfolio -- build --store OUT_DIR
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventFileWriter, writeEventFile, type TbEvent } from './lib/write-tensorboard.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/write-tensorboard-logs.ts OUT_DIR');
if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);

const T0 = 1_700_000_000;
const curve = (tag: string, steps: number, f: (s: number) => number, extra: Partial<Extract<TbEvent, { kind: 'scalar' }>> = {}): TbEvent[] =>
  Array.from({ length: steps }, (_, s) => ({ kind: 'scalar', tag, step: s * 10, wallTime: T0 + s, value: f(s), ...extra }));

writeEventFile(join(out, 'lightning_logs/version_0/events.out.tfevents.1700000000.host.1.0'), [
  { kind: 'hparams_start', wallTime: T0, hparams: { 'optimizer/lr': 0.001, 'optimizer/name': 'adam', batch_size: 32 } },
  { kind: 'hparams_end', wallTime: T0, status: 'success' },
  ...curve('train_loss', 100, (s) => 2 * Math.exp(-s / 30) + 0.1),
  ...curve('val_acc', 100, (s) => 0.9 - 0.5 * Math.exp(-s / 25)),
  { kind: 'histogram', tag: 'weights', step: 0, wallTime: T0, buckets: 30 },
]);
writeFileSync(join(out, 'lightning_logs/version_0/hparams.yaml'), 'optimizer:\n  lr: 0.001\n  name: adam\nbatch_size: 32\nmodel: !!python/object:__main__.Net\n  hidden: 64\n');
writeEventFile(join(out, 'keras/train/events.out.tfevents.1700000000.host.2.0.v2'), [
  ...curve('epoch_loss', 20, (s) => 1 / (s + 1), { encoding: 'float_content', metadata: true }),
  ...curve('epoch_accuracy', 20, (s) => 1 - 1 / (s + 2), { encoding: 'double_val' }),
]);
writeEventFile(join(out, 'hf/runs/Dec01_12-00-00_host/events.out.tfevents.1700000000.host.3.0'), [
  { kind: 'text', tag: 'args', step: 0, wallTime: T0, text: JSON.stringify({ learning_rate: 5e-5, num_train_epochs: 3, output_dir: 'out' }) },
  ...curve('train/loss', 50, (s) => 3 - s / 20),
]);
const damaged = new EventFileWriter(join(out, 'damaged/events.out.tfevents.1700000000.host.4.0')).add({ kind: 'file_version', wallTime: T0 });
for (const event of curve('loss', 10, (s) => s)) damaged.add(event, event.kind === 'scalar' && event.step === 30 ? 'data-crc' : undefined);
damaged.add(curve('loss', 11, (s) => s)[10] as TbEvent, { truncateTo: 9 }).close();
process.stderr.write(`wrote a TensorBoard log tree of 4 runs to ${out}\n`);
