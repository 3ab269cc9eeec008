/**
 * A Snapshot as Arquero tables, the input of every analysis in this folder. Built column-wise
 * (one array per column, never from row objects) and kept long: one row per (run, key), so keys
 * holding `/`, `.` or spaces stay values, never column names; analyses pivot at the edge only.
 *
 * - `runs`: one row per run, in MLflow's default search order (start time descending, a run
 *   without one last, then run id; mlflow/utils/search_utils.py `SearchUtils.sort`). `row` is
 *   the run's position in that order, so a ranking breaks ties by `row` alone, and the long
 *   tables join on `row` (an integer: Arquero hashes string keys through a quoted copy, which
 *   made string joins three times slower when measured).
 * - `params`, `tags`: (row, run, key, value), strings as MLflow stored them.
 * - `metrics`: (row, run, key, value, step, timestamp) of each metric's LATEST point; values are
 *   numbers, NaN and ±Infinity included (`metricNumber`).
 * - `historyTable`: every logged point, (row, run, key, step, timestamp, value); built on request
 *   only, since it can hold millions of points.
 * Long tables are ordered by row, then key (code-unit order). Absent values are null.
 */
import { table, type ColumnTable } from 'arquero';
import { metricNumber, type Experiment, type Run, type Snapshot } from '../model.ts';
import { compareStrings } from '../order.ts';

export interface RunTables {
  /** row, id, experimentId, name, status, lifecycleStage, startTime, endTime, duration, user, parentId, source, gitCommit. */
  runs: ColumnTable;
  /** row, run, key, value (string). */
  params: ColumnTable;
  /** row, run, key, value (number), step, timestamp: the latest point of each metric. */
  metrics: ColumnTable;
  /** row, run, key, value (string), system (`mlflow.*`) tags included. */
  tags: ColumnTable;
  /** The Snapshot's runs by row: what an MLflow filter string is evaluated on. */
  runList: readonly Run[];
  /** Run id → row. */
  rowById: ReadonlyMap<string, number>;
  /** The Snapshot's experiments, as given. */
  experiments: readonly Experiment[];
}

/** Tag MLflow's clients set to the entry point that ran (`train.py`, a notebook path). */
export const SOURCE_NAME_TAG = 'mlflow.source.name';
/** Tag holding the git commit of the code that ran. */
export const GIT_COMMIT_TAG = 'mlflow.source.git.commit';

/** The runs table and the long params, metrics and tags tables of `snapshot`. */
export function buildTables(snapshot: Pick<Snapshot, 'runs' | 'experiments'>): RunTables {
  const runList = [...snapshot.runs].sort(compareMlflowDefault);
  return {
    runs: runsTable(runList),
    params: stringPairs(runList, (run) => run.params),
    metrics: latestMetrics(runList),
    tags: stringPairs(runList, (run) => run.tags),
    runList,
    rowById: new Map(runList.map((run, row) => [run.id, row])),
    experiments: snapshot.experiments,
  };
}

/** MLflow's natural order: start time descending (none last), then run id. */
export function compareMlflowDefault(a: Run, b: Run): number {
  if (a.startTime !== b.startTime) {
    if (a.startTime === undefined) return 1;
    if (b.startTime === undefined) return -1;
    return b.startTime - a.startTime;
  }
  return compareStrings(a.id, b.id);
}

function runsTable(runs: readonly Run[]): ColumnTable {
  const n = runs.length;
  const column = <T>(get: (run: Run) => T | undefined): (T | null)[] => runs.map((run) => get(run) ?? null);
  return table({
    row: Int32Array.from({ length: n }, (_, i) => i),
    id: runs.map((run) => run.id),
    experimentId: runs.map((run) => run.experimentId),
    name: runs.map((run) => run.name),
    status: runs.map((run) => run.status),
    lifecycleStage: runs.map((run) => run.lifecycleStage),
    startTime: column((run) => run.startTime),
    endTime: column((run) => run.endTime),
    duration: column((run) => (run.startTime !== undefined && run.endTime !== undefined ? run.endTime - run.startTime : undefined)),
    user: column((run) => run.user),
    parentId: column((run) => run.parentId),
    source: column((run) => ownValue(run.tags, SOURCE_NAME_TAG)),
    gitCommit: column((run) => ownValue(run.tags, GIT_COMMIT_TAG)),
  });
}

/** (row, run, key, value) for a string map of every run. */
function stringPairs(runs: readonly Run[], pick: (run: Run) => Record<string, string>): ColumnTable {
  const keyLists = runs.map((run) => sortedKeys(pick(run)));
  const n = keyLists.reduce((sum, keys) => sum + keys.length, 0);
  const rows = new Int32Array(n);
  const ids = new Array<string>(n);
  const keys = new Array<string>(n);
  const values = new Array<string>(n);
  let i = 0;
  runs.forEach((run, row) => {
    const record = pick(run);
    for (const key of keyLists[row] as string[]) {
      rows[i] = row;
      ids[i] = run.id;
      keys[i] = key;
      values[i++] = record[key] as string;
    }
  });
  return table({ row: rows, run: ids, key: keys, value: values });
}

function latestMetrics(runs: readonly Run[]): ColumnTable {
  const keyLists = runs.map((run) => sortedKeys(run.metrics));
  const n = keyLists.reduce((sum, keys) => sum + keys.length, 0);
  const rows = new Int32Array(n);
  const ids = new Array<string>(n);
  const keys = new Array<string>(n);
  const values = new Float64Array(n);
  const steps = new Float64Array(n);
  const timestamps = new Float64Array(n);
  let i = 0;
  runs.forEach((run, row) => {
    for (const key of keyLists[row] as string[]) {
      const { latest } = run.metrics[key] as Run['metrics'][string];
      rows[i] = row;
      ids[i] = run.id;
      keys[i] = key;
      values[i] = metricNumber(latest.value);
      steps[i] = latest.step;
      timestamps[i++] = latest.timestamp;
    }
  });
  return table({ row: rows, run: ids, key: keys, value: values, step: steps, timestamp: timestamps });
}

/** A record's keys in code-unit order; readers already sort them (read/finalize.ts), so check before sorting. */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) if (compareStrings(keys[i - 1] as string, keys[i] as string) > 0) return keys.sort(compareStrings);
  return keys;
}

/**
 * Every logged point of the runs of `tables` (all metrics, or only `keys`), in history order:
 * (row, run, key, step, timestamp, value), by row, key, then the Snapshot's history order.
 */
export function historyTable(tables: Pick<RunTables, 'runList'>, keys?: readonly string[]): ColumnTable {
  const wanted = keys === undefined ? undefined : new Set(keys);
  const rows: number[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const steps: number[] = [];
  const timestamps: number[] = [];
  const values: number[] = [];
  tables.runList.forEach((run, row) => {
    for (const key of sortedKeys(run.metrics)) {
      if (wanted !== undefined && !wanted.has(key)) continue;
      for (const point of (run.metrics[key] as Run['metrics'][string]).history) {
        rows.push(row);
        ids.push(run.id);
        names.push(key);
        steps.push(point.step);
        timestamps.push(point.timestamp);
        values.push(metricNumber(point.value));
      }
    }
  });
  return table({
    row: Int32Array.from(rows),
    run: ids,
    key: names,
    step: Float64Array.from(steps),
    timestamp: Float64Array.from(timestamps),
    value: Float64Array.from(values),
  });
}

/** `record[key]` for own keys only (a tag map may hold `constructor`). */
function ownValue(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Named column expressions, as `derive` and `rollup` take them. */
export type ExprObject = Parameters<ColumnTable['derive']>[0];

/**
 * `t.params(values)` typed as the table it returns: values reach Arquero expressions as `$.name`
 * (expressions are compiled from their source text, so they cannot close over variables).
 */
export function withParams(t: ColumnTable, values: Record<string, unknown>): ColumnTable {
  return t.params(values) as ColumnTable;
}
