/**
 * Run-vs-run differences: any number of runs compared with a baseline, section by section as
 * MLflow's difference view groups them (mlflow/server/js/src/experiment-tracking/components/
 * runs-charts/utils/differenceView.ts `getDifferenceViewDataGroups`): attributes, params,
 * model metrics, system metrics (keys starting `system/`, kept apart), and tags, with system
 * tags (`mlflow.*`, which MLflow's view hides) kept apart too. Metrics most telling first
 * (relevance.ts `inComparisonOrder`: MLflow lists them alphabetically, which puts `pid` and
 * `done` above `val_loss`), other keys in code-unit order.
 *
 * Equality, for each run against the baseline:
 * - numbers are equal within 1e-6 (`DIFFERENCE_EPSILON` of differenceView.ts `isDifferent`);
 *   NaN equals only NaN (MLflow's test `Math.abs(a - b) > 1e-6` calls NaN equal to anything);
 * - strings are equal when identical (params are strings: `0.1` differs from `0.10`);
 * - a value missing on one side differs from any value (MLflow calls it equal), and is shown
 *   as missing (null), never as a value.
 * Metric rows carry each run's change from the baseline: absolute (run − baseline) and
 * relative (change / |baseline|, null when the baseline is 0 or not finite).
 */
import { op, type ColumnTable } from 'arquero';
import { UsageError } from '../errors.ts';
import { historyVaries, inComparisonOrder } from './relevance.ts';
import { withParams, type RunTables } from './tables.ts';

/** MLflow's difference view threshold (differenceView.ts `DIFFERENCE_EPSILON`). */
export const DIFFERENCE_EPSILON = 1e-6;
/** MLflow's prefix for system metrics (`MLFLOW_SYSTEM_METRIC_PREFIX`). */
export const SYSTEM_METRIC_PREFIX = 'system/';
/** MLflow's prefix for the tags it sets itself. */
export const SYSTEM_TAG_PREFIX = 'mlflow.';

export type DiffValue = string | number | null;

export interface DiffRow<T extends DiffValue = DiffValue> {
  key: string;
  /** One value per run of RunDiff.runs (baseline first); null when the run has none. */
  values: T[];
  /** Per run: differs from the baseline (false for the baseline itself). */
  differs: boolean[];
}

export interface MetricChange {
  /** run − baseline. */
  absolute: number;
  /** (run − baseline) / |baseline|; null when the baseline is 0 or not finite. */
  relative: number | null;
}

export interface MetricDiffRow extends DiffRow<number | null> {
  /** Per run: the change from the baseline, null when either value is missing (and for the baseline). */
  changes: (MetricChange | null)[];
}

export interface RunDiff {
  /** Run ids compared: the baseline first, then the others in the order given. */
  runs: string[];
  /** status, startTime, duration, user, source, gitCommit. */
  attributes: DiffRow[];
  params: DiffRow<string | null>[];
  metrics: MetricDiffRow[];
  systemMetrics: MetricDiffRow[];
  tags: DiffRow<string | null>[];
  systemTags: DiffRow<string | null>[];
}

export interface DiffOptions {
  /** The run the others are compared with (default: the first run given). */
  baseline?: string;
  /** Keep only rows where some run differs from the baseline. */
  differencesOnly?: boolean;
}

const ATTRIBUTES = ['status', 'startTime', 'duration', 'user', 'source', 'gitCommit'] as const;

/** The differences between `runIds` (run ids of `tables`) and the baseline. */
export function diffRuns(tables: RunTables, runIds: readonly string[], options: DiffOptions = {}): RunDiff {
  const baseline = options.baseline ?? runIds[0];
  if (baseline === undefined) throw new UsageError('no runs to compare');
  const runs = [baseline, ...new Set(runIds.filter((id) => id !== baseline))];
  const rows = runs.map((id) => {
    const row = tables.rowById.get(id);
    if (row === undefined) throw new UsageError(`run ${id} is not in the store`);
    return row;
  });
  const keep = <R extends DiffRow>(list: R[]): R[] => (options.differencesOnly ? list.filter((r) => r.differs.some(Boolean)) : list);
  const compared = rows.map((row) => tables.runList[row]!);
  const curve = (key: string) => compared.some((run) => Object.hasOwn(run.metrics, key) && historyVaries(run.metrics[key]!.history));
  const metrics = inComparisonOrder(longValues<number>(tables.metrics, rows), curve).map(metricRow);
  const tags = longValues<string>(tables.tags, rows).map(stringRow);
  return {
    runs,
    attributes: keep(attributeRows(tables, rows)),
    params: keep(longValues<string>(tables.params, rows).map(stringRow)),
    metrics: keep(metrics.filter((r) => !r.key.startsWith(SYSTEM_METRIC_PREFIX))),
    systemMetrics: keep(metrics.filter((r) => r.key.startsWith(SYSTEM_METRIC_PREFIX))),
    tags: keep(tags.filter((r) => !r.key.startsWith(SYSTEM_TAG_PREFIX))),
    systemTags: keep(tags.filter((r) => r.key.startsWith(SYSTEM_TAG_PREFIX))),
  };
}

/** key → one value per run (in `rows` order), from a long table; keys in code-unit order. */
function longValues<T>(long: ColumnTable, rows: number[]): { key: string; values: (T | null)[] }[] {
  const position = new Map(rows.map((row, i) => [row, i]));
  const picked = withParams(long, { rows: position }).filter((d, $) => op.has($.rows, d.row)).orderby('key');
  const keys = picked.array('key') as string[];
  const runRows = picked.array('row') as ArrayLike<number>;
  const values = picked.array('value') as ArrayLike<T>;
  const out: { key: string; values: (T | null)[] }[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let last = out[out.length - 1];
    if (last?.key !== key) out.push((last = { key, values: rows.map(() => null) }));
    last.values[position.get(runRows[i] as number) as number] = values[i] as T;
  }
  return out;
}

function attributeRows(tables: RunTables, rows: number[]): DiffRow[] {
  return ATTRIBUTES.map((key) => {
    const column = tables.runs.getter(key);
    return valueRow(key, rows.map((row) => (column(row) ?? null) as DiffValue));
  });
}

function stringRow(row: { key: string; values: (string | null)[] }): DiffRow<string | null> {
  return valueRow(row.key, row.values);
}

function valueRow<T extends DiffValue>(key: string, values: T[]): DiffRow<T> {
  const base = values[0] as T;
  return { key, values, differs: values.map((value) => !sameValue(base, value)) };
}

function metricRow(row: { key: string; values: (number | null)[] }): MetricDiffRow {
  const base = row.values[0] ?? null;
  return {
    ...valueRow(row.key, row.values),
    changes: row.values.map((value, i) => (i === 0 || base === null || value === null ? null : change(base, value))),
  };
}

function change(base: number, value: number): MetricChange {
  const absolute = value - base;
  return { absolute, relative: base === 0 || !Number.isFinite(base) ? null : absolute / Math.abs(base) };
}

/** Equality as the header states it. */
export function sameValue(a: DiffValue, b: DiffValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return a === b || Math.abs(a - b) <= DIFFERENCE_EPSILON;
  }
  return a === b;
}
