/**
 * MLflow's run search over Snapshot runs: `filter_string`, `order_by` and `run_view_type` of
 * `search_runs`, with the results MLflow's file store gives (mlflow/store/tracking/file_store.py
 * `_search_runs`: view type, then `SearchUtils.filter`, then `SearchUtils.sort`). Pure; compile
 * errors are SearchSyntaxError (a UsageError, exit 2) with MLflow's wording and an offset.
 *
 * `lifecycle_stage` is not searchable in MLflow ("Invalid attribute key"); deleted runs are chosen
 * with the view type instead, ACTIVE_ONLY by default as in `search_runs`.
 */
import type { Run } from '../../model.ts';
import { compileFilter } from './filter.ts';
import { sortRuns } from './order-by.ts';

export { SearchSyntaxError } from './errors.ts';
export { compileFilter, type RunPredicate } from './filter.ts';
export { compileOrderBy, parseOrderBy, type OrderByClause, type RunComparator } from './order-by.ts';
export { parseFilter, type FilterClause } from './parse-filter.ts';

/** MLflow's `ViewType`: which lifecycle stages a search sees. */
export type RunViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

export interface SearchOptions {
  /** MLflow `filter_string`, e.g. `metrics.acc > 0.9 AND params.model = 'cnn'`; empty matches all. */
  filter?: string;
  /** MLflow `order_by`, e.g. `['metrics.acc DESC', 'params.lr']`. */
  orderBy?: readonly string[];
  /** Default ACTIVE_ONLY, as MLflow's `search_runs`. */
  viewType?: RunViewType;
}

/** The runs matching `filter`, in MLflow's order for `orderBy` (start time descending, run id, by default). */
export function searchRuns(runs: readonly Run[], options: SearchOptions = {}): Run[] {
  const matches = compileFilter(options.filter ?? '');
  const orderBy = options.orderBy ?? [];
  const stage = options.viewType ?? 'ACTIVE_ONLY';
  const found: Run[] = [];
  for (const run of runs) {
    if (stage !== 'ALL' && (run.lifecycleStage === 'active') !== (stage === 'ACTIVE_ONLY')) continue;
    if (matches(run)) found.push(run);
  }
  return sortRuns(found, orderBy);
}
