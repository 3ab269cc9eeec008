/**
 * Metric histories that behave like real training, for the demo store. Phenomenological, not
 * simulated: an image classifier under SGD with a step LR schedule (fast early descent, plateaus,
 * a step down at each LR drop, validation accuracy saturating, mild late overfitting), optionally
 * diverging (the loss blows up to inf, then NaN, and the run stops); gradient boosting with
 * early stopping; and MLflow's system metrics (`system/…`, sampled at fixed intervals).
 */
import type { MetricPointSpec } from '../store-spec.ts';
import type { Prng } from '../prng.ts';

export interface ImageTrainingConfig {
  startTime: number;
  lr: number;
  batchSize: number;
  epochs: number;
  /** Epochs after which the LR is multiplied by 0.1. */
  lrDrops: number[];
  /** Final validation accuracy the run settles at. */
  finalAccuracy: number;
  /** Iteration at which the loss starts to explode (diverging runs only). */
  divergeAt?: number;
  /** Stop logging after this many epochs (failed or killed runs). */
  stopAfterEpochs?: number;
  /** Log train/loss every this many iterations. */
  logEvery?: number;
}

export interface ImageTrainingCurves {
  metrics: Record<string, MetricPointSpec[]>;
  /** Timestamp of the last point: when the run ended. */
  endTime: number;
}

const TRAIN_IMAGES = 50_000;

/** train/loss per logging interval; val/loss, val/accuracy and lr per epoch; steps are global iterations. */
export function imageTraining(rng: Prng, c: ImageTrainingConfig): ImageTrainingCurves {
  const itersPerEpoch = Math.ceil(TRAIN_IMAGES / c.batchSize);
  const msPerIter = 60 + c.batchSize * 0.9; // bigger batches: fewer, slower iterations
  const logEvery = c.logEvery ?? 50;
  const epochs = c.stopAfterEpochs ?? c.epochs;
  const train: MetricPointSpec[] = [];
  const valLoss: MetricPointSpec[] = [];
  const valAcc: MetricPointSpec[] = [];
  const lrs: MetricPointSpec[] = [];
  // SGD noise scales with lr / batch size (hence the linear scaling rule); the loss plateau tracks
  // it with about an epoch of lag. Progress is the integral of the LR over iterations.
  const noiseOf = (lr: number): number => (lr * 128) / c.batchSize;
  let progress = 0;
  let noiseLevel = noiseOf(c.lr);
  let time = c.startTime + 4_000;
  let blownUp = 0;
  for (let epoch = 0; epoch < epochs && blownUp < 3; epoch++) {
    const lr = c.lr * 0.1 ** c.lrDrops.filter((d) => epoch >= d).length;
    for (let i = 0; i < itersPerEpoch && blownUp < 3; i++) {
      const step = epoch * itersPerEpoch + i;
      progress += lr;
      noiseLevel += (noiseOf(lr) - noiseLevel) / itersPerEpoch;
      time += msPerIter;
      if (step % logEvery !== 0) continue;
      let loss = 0.02 + 2.28 * Math.exp(-progress / 30) + 2.2 * noiseLevel + 0.04 * rng.normal() * Math.sqrt(noiseLevel * 10);
      if (c.divergeAt !== undefined && step >= c.divergeAt) {
        loss *= Math.exp((step - c.divergeAt) / 40);
        if (loss > 1e6) blownUp += 1;
      }
      train.push({ step, timestamp: Math.round(time), value: blownUp === 0 ? round(loss) : blownUp === 1 ? Infinity : NaN });
    }
    const step = (epoch + 1) * itersPerEpoch;
    time += 3_500 + rng.int(0, 400); // validation pass
    const at = Math.round(time);
    const lastTrain = train.at(-1)?.value ?? NaN;
    if (!Number.isFinite(lastTrain)) {
      valLoss.push({ step, timestamp: at, value: NaN });
      valAcc.push({ step, timestamp: at, value: 0.1 }); // chance level on 10 classes
    } else {
      const overfit = epoch > (c.lrDrops.at(-1) ?? c.epochs) ? 0.004 * (epoch - (c.lrDrops.at(-1) ?? 0)) : 0;
      valLoss.push({ step, timestamp: at, value: round(lastTrain * 1.08 + 0.17 + overfit + 0.015 * rng.normal()) });
      const gap = (c.finalAccuracy - 0.1) * Math.exp(-progress / 45) + 0.7 * noiseLevel;
      valAcc.push({ step, timestamp: at, value: round(Math.min(0.999, c.finalAccuracy - gap + 0.003 * rng.normal())) });
    }
    lrs.push({ step, timestamp: at, value: lr });
  }
  return { metrics: { 'train/loss': train, 'val/loss': valLoss, 'val/accuracy': valAcc, lr: lrs }, endTime: Math.round(time) + 2_000 };
}

export interface BoostingConfig {
  startTime: number;
  /** Rounds until the validation loss is at its best. */
  bestRound: number;
  /** Rounds without improvement before stopping (the logged tail). */
  patience: number;
  initialLoss: number;
  bestValidLoss: number;
  /** Metric names, e.g. `train-logloss` / `valid-logloss` (the autolog spelling of each library). */
  trainKey: string;
  validKey: string;
}

/** Per-round train and validation loss: train keeps falling, validation bottoms out, then creeps up. */
export function boosting(rng: Prng, c: BoostingConfig): ImageTrainingCurves {
  const train: MetricPointSpec[] = [];
  const valid: MetricPointSpec[] = [];
  const rate = 3.2 / c.bestRound;
  let time = c.startTime + 1_500;
  for (let round = 0; round < c.bestRound + c.patience; round++) {
    time += 180 + rng.int(0, 60);
    const decay = Math.exp(-rate * round);
    const trainLoss = c.bestValidLoss * 0.78 * (1 - 0.25 * round / (c.bestRound + c.patience)) + (c.initialLoss - c.bestValidLoss) * decay;
    const over = round > c.bestRound ? 0.00004 * (round - c.bestRound) ** 1.5 : 0;
    const validLoss = c.bestValidLoss + (c.initialLoss - c.bestValidLoss) * decay * 1.03 + over + 0.0004 * rng.normal();
    train.push({ step: round, timestamp: time, value: round5(trainLoss) });
    valid.push({ step: round, timestamp: time, value: round5(validLoss) });
  }
  return { metrics: { [c.trainKey]: train, [c.validKey]: valid }, endTime: time + 3_000 };
}

/** MLflow's system metrics monitor: one sample per interval, step = sample index. */
export function systemMetrics(rng: Prng, startTime: number, endTime: number, gpu: boolean, intervalMs = 30_000): Record<string, MetricPointSpec[]> {
  const out: Record<string, MetricPointSpec[]> = {
    'system/cpu_utilization_percentage': [],
    'system/system_memory_usage_megabytes': [],
  };
  if (gpu) out['system/gpu_utilization_percentage'] = [];
  let memory = gpu ? 9_850 : 3_120;
  for (let step = 0, t = startTime + intervalMs; t < endTime; step++, t += intervalMs) {
    memory += rng.uniform(-15, 25);
    out['system/cpu_utilization_percentage']?.push({ step, timestamp: t, value: round1(gpu ? rng.uniform(28, 46) : rng.uniform(82, 99)) });
    out['system/system_memory_usage_megabytes']?.push({ step, timestamp: t, value: round1(memory) });
    out['system/gpu_utilization_percentage']?.push({ step, timestamp: t, value: round1(Math.min(100, 93 + 4 * rng.normal())) });
  }
  return out;
}

/** Loggers round for readability; four decimals keeps the demo store small. */
function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x;
}
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
