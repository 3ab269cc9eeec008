/**
 * Which runs an analysis looks at: the rows of the runs table that pass every given criterion
 * (experiments, run ids, parent, an MLflow filter string), in the table's order.
 *
 * Deleted runs are left out unless `includeDeleted`: a run is deleted when its own
 * lifecycle stage is, and also when its experiment is deleted (MLflow's `delete_experiment`
 * deletes the runs, but file stores from 1.x leave them `active` inside `.trash/`), except when
 * that experiment is named in `experimentIds`: asking for it by name means wanting its runs.
 * The filter string is MLflow's `filter_string` (compileFilter), evaluated on the Snapshot runs;
 * a bad one throws SearchSyntaxError (exit 2 in the CLI).
 */
import { op, type ColumnTable } from 'arquero';
import { compileFilter } from './search/index.ts';
import { withParams, type RunTables } from './tables.ts';

export interface RunSelection {
  /** Only runs of these experiments (default: all). */
  experimentIds?: readonly string[];
  /** Only these runs (default: all). */
  runIds?: readonly string[];
  /** Only the children of this run (tag `mlflow.parentRunId`), e.g. the trials of a sweep. */
  parentId?: string;
  /** MLflow `filter_string`, e.g. `metrics.acc > 0.9 AND params.model = 'cnn'`. */
  filter?: string;
  /** Keep deleted runs (default false). */
  includeDeleted?: boolean;
}

/** The rows of `tables.runs` that `selection` chooses. */
export function selectRuns(tables: RunTables, selection: RunSelection = {}): ColumnTable {
  const { experimentIds, runIds, parentId, filter, includeDeleted = false } = selection;
  const deletedExperiments = new Set(tables.experiments.filter((e) => e.lifecycleStage === 'deleted').map((e) => e.id));
  for (const id of experimentIds ?? []) deletedExperiments.delete(id);
  const predicate = filter === undefined || filter.trim() === '' ? null : compileFilter(filter);
  const matches = predicate === null ? null : Uint8Array.from(tables.runList, (run) => (predicate(run) ? 1 : 0));
  const values = {
    experiments: experimentIds === undefined ? null : new Set(experimentIds),
    ids: runIds === undefined ? null : new Set(runIds),
    parent: parentId ?? null,
    deleted: includeDeleted ? null : deletedExperiments,
    matches,
  };
  return withParams(tables.runs, values).filter(
    (d, $) =>
      ($.experiments === null || op.has($.experiments, d.experimentId)) &&
      ($.ids === null || op.has($.ids, d.id)) &&
      ($.parent === null || d.parentId === $.parent) &&
      ($.deleted === null || (d.lifecycleStage === 'active' && !op.has($.deleted, d.experimentId))) &&
      ($.matches === null || $.matches[d.row] === 1),
  );
}
