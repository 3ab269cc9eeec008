/**
 * The demo's image-classifier experiment: ResNets on CIFAR-10, as a small vision team logs them.
 * A baseline (registered, noted, with system metrics and a metrics JSON), a 2×2 sweep of learning
 * rate × batch size under a parent run (one child diverges: loss → inf → NaN, run FAILED), an
 * out-of-memory FAILED run, a KILLED run and a deleted debug run.
 */
import type { Prng } from '../prng.ts';
import type { ExperimentSpec, InputSpec, RunSpec } from '../store-spec.ts';
import { at, best, last, logModel, numpyDataset, sourceTags, USERS, type LoggedModelFlavor } from './common.ts';
import { imageTraining, systemMetrics, type ImageTrainingConfig } from './curves.ts';

export const VISION_EXPERIMENT_ID = '427193846021337512';

const TRAIN = numpyDataset('cifar10-train', 'a3f1c09e', 's3://acme-ml-datasets/cifar10/v2/train.npz', 50_000);
const TEST = numpyDataset('cifar10-test', '5b7d2e41', 's3://acme-ml-datasets/cifar10/v2/test.npz', 10_000);
const DATA_SHA = 'c58f0e6b1d2a4f7e9b3c8d1a0f6e2b4c7d9a1e3f5b7c9d0e2a4b6c8d0f1e3a5b';
const PYTORCH: LoggedModelFlavor = {
  flavor: 'pytorch',
  section: { code: null, model_data: 'data', pytorch_version: '2.5.1' },
  requirements: ['torch==2.5.1', 'torchvision==0.20.1', 'numpy==1.26.4'],
  sizeBytes: 44_785_610,
};

export interface VisionRuns {
  experiment: ExperimentSpec;
  runs: RunSpec[];
  baseline: RunSpec;
  sweepParent: RunSpec;
  /** Sweep children keyed `lr/bs`, e.g. `0.4/128`. */
  sweep: Map<string, RunSpec>;
  diverged: RunSpec;
}

const EXPERIMENT_NOTE = `# CIFAR-10 image classifier

ResNet classifiers for the **product-photo tagging** prototype. CIFAR-10 stands in for the
product images until the labelled set is ready.

- Training script: \`train.py\` in the \`ml-vision\` repo (each run records its git commit)
- Data: CIFAR-10, 50k train / 10k test, random crop + horizontal flip
- Goal: at least 93% test accuracy at under 15 ms per image on a T4

Sweeps are logged as a parent run with one child run per configuration.`;

const BASELINE_NOTE = `## Baseline: ResNet-18, SGD with step LR

Reproduces the standard recipe so later sweeps have a fixed reference.

| setting | value |
| --- | --- |
| epochs | 30 |
| LR schedule | ×0.1 after epochs 15 and 25 |
| augmentation | random crop (pad 4) + horizontal flip |

Observations:
- validation accuracy plateaus until the first LR drop, then jumps by about 4 points
- the steps in the loss curve after each LR drop are expected, not a logging bug
- throughput is about 1,900 images/s on one T4

Architecture from [He et al., Deep Residual Learning](https://arxiv.org/abs/1512.03385).`;

const SWEEP_NOTE = `Grid over learning rate × batch size, everything else as in the baseline.

Question: does the linear scaling rule (scale the LR with the batch size) hold for our setup?
See the report *Sweep results: learning rate vs batch size* for the answer.`;

interface VisionRunConfig {
  name: string;
  user: string;
  start: number;
  commit: string;
  curve: Omit<ImageTrainingConfig, 'startTime'>;
  model?: string;
  status?: RunSpec['status'];
  inputs?: InputSpec[];
}

function trainingRun(rng: Prng, c: VisionRunConfig): RunSpec {
  const curves = imageTraining(rng, { ...c.curve, startTime: c.start });
  return {
    id: rng.hex(32),
    experimentId: VISION_EXPERIMENT_ID,
    name: c.name,
    status: c.status ?? 'FINISHED',
    startTime: c.start,
    endTime: curves.endTime,
    user: c.user,
    params: {
      model: c.model ?? 'resnet18',
      optimizer: 'sgd',
      lr: String(c.curve.lr),
      batch_size: String(c.curve.batchSize),
      epochs: String(c.curve.epochs),
      weight_decay: '0.0005',
      lr_schedule: `step:${c.curve.lrDrops.join(',')}:0.1`,
    },
    tags: { ...sourceTags(c.user, 'ml-vision/train.py', c.commit), 'data.sha256': DATA_SHA },
    metrics: curves.metrics,
    inputs: c.inputs ?? [{ dataset: TRAIN, context: 'train' }],
  };
}

/** Registers what `log_model` and an evaluation script add to a finished run. */
function withModel(rng: Prng, run: RunSpec, gpuMetrics: boolean): void {
  const logged = logModel(rng, run.id, (run.endTime as number) - 1_500, PYTORCH);
  run.artifacts = [
    ...logged.artifacts,
    { path: 'metrics.json', content: `${JSON.stringify({ val_accuracy: last(run, 'val/accuracy'), val_loss: last(run, 'val/loss'), best_val_accuracy: best(run, 'val/accuracy') }, null, 2)}\n` },
  ];
  run.tags = { ...run.tags, ...logged.tags };
  run.inputs = [{ dataset: TRAIN, context: 'train' }, { dataset: TEST, context: 'eval' }];
  if (gpuMetrics) run.metrics = { ...run.metrics, ...systemMetrics(rng, run.startTime, run.endTime as number, true) };
}

export function visionRuns(rng: Prng): VisionRuns {
  const [c1, c2, c3] = [rng.hex(40), rng.hex(40), rng.hex(40)];
  const schedule = { epochs: 30, lrDrops: [15, 25] };
  const baseline = trainingRun(rng, { name: 'resnet18-baseline', user: USERS.maya, start: at(2, 10, 9, 12, 5), commit: c1,
    curve: { ...schedule, lr: 0.1, batchSize: 128, finalAccuracy: 0.93 } });
  baseline.description = BASELINE_NOTE;
  withModel(rng, baseline, true);

  const debug = trainingRun(rng, { name: 'debug-dataloader', user: USERS.tomas, start: at(2, 11, 16, 40, 12), commit: c1,
    curve: { ...schedule, lr: 0.1, batchSize: 128, finalAccuracy: 0.93, stopAfterEpochs: 1 } });
  Object.assign(debug, { lifecycleStage: 'deleted', deletedTime: at(2, 11, 17, 5, 44) });

  const oom = trainingRun(rng, { name: 'resnet50-bs1024', user: USERS.tomas, start: at(2, 12, 10, 2, 31), commit: c1, model: 'resnet50', status: 'FAILED',
    curve: { ...schedule, lr: 0.8, batchSize: 1024, finalAccuracy: 0.94, stopAfterEpochs: 1, logEvery: 10 } });
  // CUDA ran out of memory in the first epoch: keep only the first logged losses.
  oom.metrics = { 'train/loss': (oom.metrics?.['train/loss'] ?? []).slice(0, 3) };
  oom.endTime = ((oom.metrics['train/loss'] ?? []).at(-1)?.timestamp ?? oom.startTime) + 2_300;
  oom.description = 'CUDA out of memory at batch 1024 on the T4 (16 GB). Retry with gradient accumulation.';

  const mixup = trainingRun(rng, { name: 'resnet18-mixup', user: USERS.priya, start: at(2, 13, 13, 30, 0), commit: c2, status: 'KILLED',
    curve: { ...schedule, lr: 0.1, batchSize: 128, finalAccuracy: 0.935, stopAfterEpochs: 8 } });
  mixup.params = { ...mixup.params, mixup_alpha: '0.2' };

  const sweepStart = at(2, 17, 14, 3, 0);
  const sweepParent: RunSpec = {
    id: rng.hex(32), experimentId: VISION_EXPERIMENT_ID, name: 'sweep-lr-bs', status: 'FINISHED', startTime: sweepStart, user: USERS.maya,
    params: { sweep: 'grid', lr_values: '[0.1, 0.4]', batch_size_values: '[128, 512]', model: 'resnet18' },
    tags: { ...sourceTags(USERS.maya, 'ml-vision/sweep.py', c3), 'data.sha256': DATA_SHA },
    description: SWEEP_NOTE,
  };
  const sweep = new Map<string, RunSpec>();
  let start = sweepStart + 6_000;
  for (const [lr, bs] of [[0.1, 128], [0.1, 512], [0.4, 128], [0.4, 512]] as const) {
    const diverges = lr / bs > 0.1 / 128 * 2; // more than twice the baseline's lr per sample
    const child = trainingRun(rng, { name: `lr${lr}-bs${bs}`, user: USERS.maya, start, commit: c3, status: diverges ? 'FAILED' : 'FINISHED',
      curve: { ...schedule, lr, batchSize: bs, finalAccuracy: 0.932, divergeAt: diverges ? 1_500 : undefined } });
    child.parentId = sweepParent.id;
    sweep.set(`${lr}/${bs}`, child);
    start = (child.endTime as number) + 9_000;
  }
  for (const key of ['0.4/512', '0.1/128']) withModel(rng, sweep.get(key) as RunSpec, key === '0.4/512');
  const children = [...sweep.values()];
  sweepParent.endTime = start;
  sweepParent.metrics = { best_val_accuracy: [{ step: 0, timestamp: start - 2_000, value: Math.max(...children.map((r) => last(r, 'val/accuracy'))) }] };

  const experiment: ExperimentSpec = {
    id: VISION_EXPERIMENT_ID, name: 'cifar10-resnet', creationTime: at(2, 10, 9, 11, 48),
    tags: { team: 'vision', project: 'product-tagging' }, description: EXPERIMENT_NOTE,
  };
  const runs = [baseline, debug, oom, mixup, sweepParent, ...children];
  return { experiment, runs, baseline, sweepParent, sweep, diverged: sweep.get('0.4/128') as RunSpec };
}
