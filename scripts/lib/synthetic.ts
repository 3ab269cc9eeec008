/**
 * Synthetic stores of any size, for the benchmark and scale tests. The default shape is the
 * benchmark's: N runs, 10 params, 5 metrics × 100 steps, one run in ten nested under the first
 * run of its block of ten. Everything follows from the arguments: a seeded PRNG, a fixed base
 * epoch, no clock. Runs are spread over the experiments block by block, so a parent and its
 * children share an experiment; experiment 0 is MLflow's empty `Default`.
 */
import { Prng } from '../../src/generate/prng.ts';
import type { ExperimentSpec, MetricPointSpec, RunSpec, StoreSpec } from '../../src/generate/store-spec.ts';

export interface SyntheticOptions {
  runs: number;
  /** Params per run (default 10). */
  params?: number;
  /** Metric keys per run (default 5). */
  metrics?: number;
  /** Points per metric (default 100). */
  steps?: number;
  /** Every n-th run is a child of the first run of its block (default 10; 0 = no nesting). */
  nestedEvery?: number;
  seed?: number;
  /** Experiments besides Default (default 1). */
  experiments?: number;
}

/** 2024-03-01T09:00:00Z: every time in a synthetic store counts from here. */
export const SYNTHETIC_EPOCH = 1_709_283_600_000;

const PARAM_NAMES = ['learning_rate', 'batch_size', 'optimizer', 'dropout', 'weight_decay', 'epochs', 'model', 'seed', 'warmup_steps', 'momentum'];
const METRIC_NAMES = ['train/loss', 'val/loss', 'val/accuracy', 'lr', 'grad_norm'];
const USERS = ['alice', 'bob', 'chen', 'dana'];

export function syntheticSpec(options: SyntheticOptions): StoreSpec {
  const { runs: runCount, params = 10, metrics = 5, steps = 100, nestedEvery = 10, seed = 1, experiments = 1 } = options;
  if (!Number.isInteger(experiments) || experiments < 1) throw new RangeError(`experiments must be a positive integer, got ${experiments}`);
  const rng = new Prng(seed);
  const exps: ExperimentSpec[] = [{ id: '0', name: 'Default', creationTime: SYNTHETIC_EPOCH }];
  for (let e = 1; e <= experiments; e++) {
    exps.push({ id: String(e), name: `synthetic-${e}`, creationTime: SYNTHETIC_EPOCH + e * 1000, tags: { team: 'bench' } });
  }
  const commit = rng.hex(40);
  const runs: RunSpec[] = [];
  for (let i = 0; i < runCount; i++) {
    const block = nestedEvery > 0 ? Math.floor(i / nestedEvery) : i;
    const nested = nestedEvery > 1 && i % nestedEvery === nestedEvery - 1;
    const startTime = SYNTHETIC_EPOCH + 60_000 + i * 60_000;
    const run: RunSpec = {
      id: rng.hex(32),
      experimentId: String((block % experiments) + 1),
      name: `run-${String(i).padStart(5, '0')}`,
      status: i % 97 === 96 ? 'FAILED' : i % 89 === 88 ? 'KILLED' : 'FINISHED',
      startTime,
      endTime: startTime + steps * 1000 + 500,
      user: USERS[i % USERS.length] as string,
      params: syntheticParams(rng, params),
      tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.type': 'LOCAL', 'mlflow.source.git.commit': commit },
      metrics: syntheticMetrics(rng, metrics, steps, startTime),
    };
    if (nested) run.parentId = (runs[i - nestedEvery + 1] as RunSpec).id;
    runs.push(run);
  }
  return { experiments: exps, runs };
}

function syntheticParams(rng: Prng, count: number): Record<string, string> {
  const params: Record<string, string> = {};
  for (let p = 0; p < count; p++) {
    const name = PARAM_NAMES[p] ?? `param_${p}`;
    params[name] = PARAM_VALUES[name]?.(rng) ?? String(rng.int(0, 999));
  }
  return params;
}

const PARAM_VALUES: Record<string, (rng: Prng) => string> = {
  learning_rate: (rng) => String(Number((10 ** rng.uniform(-4, -1)).toPrecision(2))),
  batch_size: (rng) => String(2 ** rng.int(4, 9)),
  optimizer: (rng) => rng.pick(['adam', 'adamw', 'sgd']),
  dropout: (rng) => String(rng.int(0, 5) / 10),
  weight_decay: (rng) => rng.pick(['0.0', '0.0001', '0.01']),
  epochs: (rng) => String(rng.int(10, 100)),
  model: (rng) => rng.pick(['resnet18', 'resnet50', 'vit-s']),
  seed: (rng) => String(rng.int(0, 9999)),
  warmup_steps: (rng) => String(rng.int(0, 10) * 100),
  momentum: (rng) => rng.pick(['0.9', '0.95', '0.99']),
};

/** A noisy decaying loss; other keys are transforms of it, so curves look related. */
function syntheticMetrics(rng: Prng, count: number, steps: number, startTime: number): Record<string, MetricPointSpec[]> {
  const metrics: Record<string, MetricPointSpec[]> = {};
  const rate = rng.uniform(0.01, 0.06);
  const floor = rng.uniform(0.05, 0.4);
  for (let m = 0; m < count; m++) {
    const key = METRIC_NAMES[m] ?? `metric_${m}`;
    const points: MetricPointSpec[] = new Array(steps);
    for (let s = 0; s < steps; s++) {
      const loss = floor + 2 * Math.exp(-rate * s) + 0.03 * rng.normal();
      const value = m === 2 ? 1 - loss / 3 : m === 3 ? 0.001 * 0.97 ** s : m === 0 ? loss : loss * (1 + 0.1 * m);
      points[s] = { step: s, timestamp: startTime + 1000 + s * 1000, value };
    }
    metrics[key] = points;
  }
  return metrics;
}
