/**
 * The Snapshot of a comparison site (`runfolio compare --out`): the compared runs and their
 * experiments, nothing else (the site is an attachment to a pull request, not the project's
 * site). Runs from different stores may share experiment ids (every store has a `0`): the
 * experiment of a later store is then renamed `<label>:<id>`, as merging stores does.
 */
import { finalizeSnapshot } from '../read/finalize.ts';
import type { Experiment, Run, Snapshot } from '../model.ts';
import type { ChosenRun } from './comparison.ts';
import type { LabelledStore } from './run-ref.ts';

export function comparedSnapshot(chosen: readonly ChosenRun[], stores: readonly LabelledStore[]): Snapshot {
  const experiments = new Map<string, Experiment>();
  const ids = new Map<string, string>();
  const runs: Run[] = [];
  for (const { run, store } of chosen) {
    const source = stores.find((s) => s.label === store)?.snapshot;
    const experiment = source?.experiments.find((e) => e.id === run.experimentId);
    const origin = `${store}\0${run.experimentId}`;
    let id = ids.get(origin);
    if (id === undefined) {
      id = experiments.has(run.experimentId) ? `${store.replace(/[^A-Za-z0-9._-]+/g, '-')}:${run.experimentId}` : run.experimentId;
      ids.set(origin, id);
      experiments.set(id, { ...(experiment ?? { name: run.experimentId, lifecycleStage: 'active', tags: {} }), id, ...(stores.length > 1 ? { origin: store } : {}) });
    }
    if (!runs.some((r) => r.id === run.id)) runs.push({ ...run, experimentId: id });
  }
  // Parents left out of the comparison are not defects of the store: no warnings.
  return { ...finalizeSnapshot({ experiments: [...experiments.values()], runs, models: [], warnings: [] }), warnings: [] };
}
