/**
 * Synthetic W&B run folders for the benchmark, in the shape of the synthetic MLflow stores
 * (synthetic.ts): N runs over a few projects, 10 config values (two of them nested), 5 metrics ×
 * 100 history rows, plus what a real run also logs: system stats every 10 rows (6 keys), console
 * output, a final summary and an exit record. A seeded PRNG and a fixed epoch: no clock.
 */
import { Prng } from '../../src/generate/prng.ts';
import { SYNTHETIC_EPOCH } from './synthetic.ts';
import { writeWandbRun, type WandbRunSpec } from './write-wandb.ts';

export interface SyntheticWandbOptions {
  runs: number;
  /** History rows per run (default 100). */
  steps?: number;
  seed?: number;
}

const METRICS = ['train/loss', 'val/loss', 'val/accuracy', 'lr', 'grad_norm'];
const PROJECTS = ['vision', 'speech', 'text'];

export function syntheticWandbRuns(options: SyntheticWandbOptions): WandbRunSpec[] {
  const { runs, steps = 100, seed = 1 } = options;
  const rng = new Prng(seed);
  const out: WandbRunSpec[] = [];
  for (let i = 0; i < runs; i++) {
    const startTime = SYNTHETIC_EPOCH / 1000 + 60 + i * 600;
    const rate = 10 ** rng.uniform(-4, -1);
    const history = Array.from({ length: steps }, (_, step): Record<string, number> => {
      const decay = Math.exp(-step / (20 + rng.uniform(0, 20)));
      const row: Record<string, number> = { _timestamp: startTime + step * 2.5 };
      for (const [m, key] of METRICS.entries()) row[key] = m === 2 ? 1 - decay * 0.9 + rng.normal() * 0.01 : m === 3 ? rate * decay : decay * (1 + rng.normal() * 0.05);
      return row;
    });
    out.push({
      id: rng.hex(8),
      project: PROJECTS[i % PROJECTS.length] as string,
      entity: 'bench',
      displayName: `run-${String(i).padStart(5, '0')}`,
      tags: i % 3 === 0 ? ['baseline'] : [],
      host: 'bench-node',
      startTime,
      config: {
        learning_rate: Number(rate.toPrecision(2)),
        batch_size: 2 ** rng.int(4, 9),
        epochs: rng.int(10, 100),
        dropout: rng.int(0, 5) / 10,
        seed: rng.int(0, 9999),
        warmup_steps: rng.int(0, 1000),
        weight_decay: rng.pick([0, 0.0001, 0.01]),
        model: { name: rng.pick(['resnet18', 'resnet50', 'vit-b']), pretrained: rng.next() < 0.5 },
        optimizer: { name: rng.pick(['adam', 'adamw', 'sgd']), momentum: 0.9 },
      },
      history,
      stats: Array.from({ length: Math.ceil(steps / 10) }, (_, s) => ({
        time: startTime + s * 25 + 1,
        values: { cpu: rng.uniform(5, 95), memory_percent: rng.uniform(20, 80), 'gpu.0.gpu': rng.uniform(0, 100), 'gpu.0.temp': rng.uniform(40, 85), 'gpu.0.memoryAllocated': rng.uniform(10, 90), 'proc.memory.rssMB': rng.uniform(500, 5000) },
      })),
      output: Array.from({ length: 5 }, (_, line) => `epoch ${line}: training…`),
      summary: { ...history.at(-1), best_val_accuracy: Math.max(...history.map((h) => h['val/accuracy'] as number)), _step: steps - 1 },
      exitCode: i % 97 === 96 ? 1 : 0,
    });
  }
  return out;
}

/** Writes the synthetic runs into `wandbDir` (a `wandb/` folder). */
export function writeSyntheticWandb(options: SyntheticWandbOptions, wandbDir: string): void {
  for (const spec of syntheticWandbRuns(options)) writeWandbRun(wandbDir, spec, { layout: 'core', metadata: { os: 'Linux', python: 'CPython 3.12.1', host: spec.host, program: 'train.py' } });
}
