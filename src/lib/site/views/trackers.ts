/**
 * The trackers a site's runs were logged with, as pages name them: a run page says where its run
 * came from, the footer which trackers the whole site holds.
 */
import type { Run } from '../../model.ts';

const LOG_READERS = { tensorboard: 'TensorBoard', wandb: 'W&B' } as const satisfies Record<NonNullable<Run['provenance']>['tracker'], string>;

/** Runs without a provenance come from MLflow stores (mlruns/, mlflow.db, JSON exports of them). */
export function trackerName(run: Pick<Run, 'provenance'>): string {
  return run.provenance ? LOG_READERS[run.provenance.tracker] : 'MLflow';
}

/** The trackers of `runs`, in a fixed order (MLflow first) so every build says it the same way. */
export function trackersOf(runs: readonly Pick<Run, 'provenance'>[]): string[] {
  const seen = new Set(runs.map(trackerName));
  return ['MLflow', ...Object.values(LOG_READERS)].filter((name) => seen.has(name));
}

/** "MLflow", "MLflow and W&B", "MLflow, TensorBoard and W&B". */
export function trackerList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
