/**
 * The demo store bundled as `content/mlruns`, as a small ML team's MLflow 2.x file store would
 * look after a few weeks: the empty Default experiment, an image classifier (vision.ts), a churn
 * model (tabular.ts), a deleted scratch experiment, and a registry with two models whose versions
 * cover every stage and carry the `champion` / `challenger` aliases. Plus the team's reports.
 * Fixed seed and fixed dates: the same files on every run.
 */
import { rmSync } from 'node:fs';
import { Prng } from '../prng.ts';
import { writeMlruns } from '../write-mlruns.ts';
import type { ExperimentSpec, RegisteredModelSpec, RunSpec, StoreSpec } from '../store-spec.ts';
import { at, sourceTags, USERS } from './common.ts';
import { demoReports, type Report } from './reports.ts';
import { tabularRuns, type TabularRuns } from './tabular.ts';
import { visionRuns, type VisionRuns } from './vision.ts';

const SEED = 20250210;
const SCRATCH_EXPERIMENT_ID = '193847561029384756';

export interface Demo {
  spec: StoreSpec;
  reports: Report[];
}

export function demoStore(): Demo {
  const rng = new Prng(SEED);
  const vision = visionRuns(rng);
  const tabular = tabularRuns(rng);
  const scratch = scratchExperiment(rng);
  const spec: StoreSpec = {
    flavor: 'mlflow2',
    experiments: [
      { id: '0', name: 'Default', creationTime: at(2, 3, 8, 55, 2) },
      vision.experiment,
      tabular.experiment,
      scratch.experiment,
    ],
    runs: [...vision.runs, ...tabular.runs, scratch.run],
    models: [visionModel(vision), churnModel(tabular)],
  };
  return { spec, reports: demoReports(vision) };
}

/** An experiment someone tried in a notebook and deleted, with its one run (now in `.trash/`). */
function scratchExperiment(rng: Prng): { experiment: ExperimentSpec; run: RunSpec } {
  const deleted = at(2, 20, 17, 31, 10);
  const start = at(2, 5, 11, 2, 40);
  const experiment: ExperimentSpec = {
    id: SCRATCH_EXPERIMENT_ID, name: 'scratch-maya', lifecycleStage: 'deleted', creationTime: at(2, 5, 11, 1, 55), lastUpdateTime: deleted,
  };
  const run: RunSpec = {
    id: rng.hex(32), experimentId: SCRATCH_EXPERIMENT_ID, name: 'notebook-test', status: 'FINISHED', lifecycleStage: 'deleted',
    startTime: start, endTime: start + 95_000, deletedTime: deleted, user: USERS.maya,
    params: { lr: '0.01', epochs: '5' },
    tags: sourceTags(USERS.maya, 'notebooks/explore.ipynb', rng.hex(40)),
    metrics: { loss: [2.31, 1.87, 1.52, 1.33, 1.21].map((value, step) => ({ step, timestamp: start + 15_000 * (step + 1), value })) },
  };
  return { experiment, run };
}

function source(run: RunSpec): string {
  return `runs:/${run.id}/model`;
}

function visionModel(v: VisionRuns): RegisteredModelSpec {
  const champion = v.sweep.get('0.4/512') as RunSpec;
  const challenger = v.sweep.get('0.1/128') as RunSpec;
  const promoted = at(2, 18, 9, 20, 37);
  return {
    name: 'cifar10-classifier',
    description: 'ResNet-18 image classifier for product-photo tagging (trained on CIFAR-10 until the product set is labelled).',
    creationTime: at(2, 10, 10, 2, 13),
    lastUpdatedTime: promoted + 4_000,
    tags: { team: 'vision' },
    versions: [
      { version: 1, stage: 'Archived', runId: v.baseline.id, source: source(v.baseline), creationTime: at(2, 10, 10, 2, 13), lastUpdatedTime: promoted,
        description: 'Baseline recipe: lr 0.1, batch 128.' },
      { version: 2, stage: 'Production', runId: champion.id, source: source(champion), creationTime: at(2, 18, 9, 1, 5), lastUpdatedTime: promoted,
        description: 'lr 0.4 at batch 512 (linear scaling), from the learning-rate × batch-size sweep.', tags: { validation_status: 'approved' } },
      { version: 3, stage: 'Staging', runId: challenger.id, source: source(challenger), creationTime: at(2, 18, 9, 5, 52), lastUpdatedTime: at(2, 18, 9, 6, 30) },
    ],
    aliases: { champion: 2, challenger: 3 },
  };
}

function churnModel(t: TabularRuns): RegisteredModelSpec {
  return {
    name: 'churn-model',
    description: 'Predicts churn in the next 90 days; the weekly scoring job loads `models:/churn-model@champion`.',
    creationTime: at(2, 24, 10, 20, 4),
    lastUpdatedTime: at(2, 26, 16, 0, 12),
    tags: { team: 'growth' },
    versions: [
      { version: 1, stage: 'None', runId: t.logreg.id, source: source(t.logreg), creationTime: at(2, 24, 10, 20, 4) },
      { version: 2, stage: 'Production', runId: t.xgboost.id, source: source(t.xgboost), creationTime: at(2, 25, 15, 31, 40), lastUpdatedTime: at(2, 26, 16, 0, 8) },
      { version: 3, stage: 'Staging', runId: t.lightgbm.id, source: source(t.lightgbm), creationTime: at(2, 26, 11, 40, 19), lastUpdatedTime: at(2, 26, 11, 42, 2),
        description: 'Slightly higher AUC than v2 but lower F1; shadow-scoring for a week before deciding.' },
    ],
    aliases: { champion: 2, challenger: 3 },
  };
}

/** Artifact URIs point at the team's shared mount, as they would in a store copied off it. */
const DEMO_ARTIFACT_ROOT = 'file:///mnt/team-share/mlruns';

/** Writes the demo store as an MLflow 2.x file store at `outDir` (replacing it). */
export function writeDemoStore(outDir: string): { runs: number; experiments: number } {
  const { spec } = demoStore();
  rmSync(outDir, { recursive: true, force: true });
  writeMlruns(spec, outDir, { artifactRoot: DEMO_ARTIFACT_ROOT });
  return { runs: spec.runs.length, experiments: spec.experiments.length };
}
