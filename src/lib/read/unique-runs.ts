/**
 * One run per run id inside one store. A copied run folder (the same run in two experiments of a
 * file store, or two run.json files of an export) would otherwise be published twice; we keep one
 * and warn naming both paths. Which one: the copy MLflow's FileStore reads (`_find_run_root` in
 * mlflow/store/tracking/file_store.py looks in active experiments before deleted ones, each in
 * directory-listing order, which is not stable: we take the lowest experiment id instead), then
 * the first path in code-unit order.
 */
import type { Run } from '../model.ts';
import { compareIds, compareStrings } from '../order.ts';
import type { Warnings } from './warnings.ts';

export interface FoundRun {
  run: Run;
  /** Store-relative path of the run's folder or file (what warnings show). */
  path: string;
  /** Whether the run's experiment is active (not in `.trash`, not deleted). */
  activeExperiment: boolean;
}

/** `found` with each run id once, in the order given; a warning at each dropped copy. */
export function uniqueRuns(found: readonly FoundRun[], warnings: Warnings): Run[] {
  const byId = new Map<string, FoundRun[]>();
  for (const f of found) byId.set(f.run.id, [...(byId.get(f.run.id) ?? []), f]);
  const kept = new Set<FoundRun>();
  for (const copies of byId.values()) {
    const [first, ...others] = [...copies].sort(preferred);
    kept.add(first as FoundRun);
    for (const other of others) {
      warnings.add(other.path, `run ${other.run.id} is also at ${warnings.label}/${(first as FoundRun).path} (a copied run folder?); the copy there is kept, this one is not published`);
    }
  }
  return found.filter((f) => kept.has(f)).map((f) => f.run);
}

function preferred(a: FoundRun, b: FoundRun): number {
  return Number(b.activeExperiment) - Number(a.activeExperiment) || compareIds(a.run.experimentId, b.run.experimentId) || compareStrings(a.path, b.path);
}
