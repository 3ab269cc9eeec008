/**
 * Several stores → one: `--store` may be given more than once.
 * - Experiment ids stay as they are unless two stores use the same id (every store has a `0`):
 *   then the later store's experiment becomes `<label>:<id>`, its runs follow, and its `origin`
 *   names the store, so both are kept and told apart.
 * - The same run id found twice is kept once (the first store's) with a warning.
 * - Registered models with the same name: the first store's is kept, with a warning.
 */
import type { Experiment, RegisteredModel, Run, SnapshotWarning } from '../model.ts';
import type { StoreContents } from './types.ts';

export interface LabelledContents {
  label: string;
  contents: StoreContents;
}

export function mergeStores(stores: LabelledContents[]): StoreContents {
  if (stores.length === 1) return (stores[0] as LabelledContents).contents;
  const experiments: Experiment[] = [];
  const runs: Run[] = [];
  const models: RegisteredModel[] = [];
  const warnings: SnapshotWarning[] = [];
  const experimentIds = new Set<string>();
  const runIds = new Map<string, string>();
  const modelNames = new Map<string, string>();

  for (const { label, contents } of stores) {
    warnings.push(...contents.warnings);
    const renamed = new Map<string, string>();
    for (const experiment of contents.experiments) {
      let id = experiment.id;
      if (experimentIds.has(id)) {
        id = `${slug(label)}:${experiment.id}`;
        renamed.set(experiment.id, id);
      }
      experimentIds.add(id);
      experiments.push({ ...experiment, id, origin: experiment.origin ?? label });
    }
    for (const run of contents.runs) {
      const first = runIds.get(run.id);
      if (first !== undefined) {
        warnings.push({ path: label, message: `run ${run.id} is also in ${first}; the copy in ${first} is kept` });
        continue;
      }
      runIds.set(run.id, label);
      const experimentId = renamed.get(run.experimentId) ?? run.experimentId;
      runs.push(experimentId === run.experimentId ? run : { ...run, experimentId });
    }
    for (const model of contents.models) {
      const first = modelNames.get(model.name);
      if (first !== undefined) {
        warnings.push({ path: label, message: `registered model ${JSON.stringify(model.name)} is also in ${first}; the one in ${first} is kept` });
        continue;
      }
      modelNames.set(model.name, label);
      models.push(model);
    }
  }
  return { experiments, runs, models, warnings };
}

/** A label usable inside an id and a URL: `runs/mlflow` → `runs-mlflow`. */
function slug(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'store';
}
