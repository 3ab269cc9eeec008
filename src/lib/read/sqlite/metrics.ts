/**
 * Tables `metrics` (every logged point) and `latest_metrics` (the point MLflow shows as a run's
 * value), after mlflow/store/tracking/dbmodels/models.py (SqlMetric, SqlLatestMetric) and
 * sqlalchemy_store.py:
 * - a NaN is stored as value 0 with is_nan = 1 and reads as 'NaN' (`to_mlflow_entity`); ±inf are
 *   stored clamped to ±1.7976931348623157e308 and MLflow returns that number, so do we;
 * - latest = the `latest_metrics` row, which MLflow maintains on every write
 *   (`_update_latest_metrics_if_necessary`). When a run has points but no such row (schemas before
 *   the table existed, or a row lost), we compute it as that function does: the greatest
 *   (step, timestamp, stored value), a NaN counting as its stored 0. In the one tie this leaves
 *   (a 0 and a NaN at the same step and timestamp) MLflow keeps whichever came first; we take the NaN;
 * - history = every `metrics` row, sorted by step, timestamp, stored value, NaN last: a total
 *   order, since the primary key (key, timestamp, step, run_uuid, value, is_nan) makes rows unique;
 * - schemas without `step` or `is_nan` read them as 0, the columns' defaults.
 * A row with a wrong cell (NULL step, text value, …) is skipped; one warning per metric says how many.
 */
import type { DatabaseSync } from 'node:sqlite';
import { metricValue, type Point, type Run } from '../../model.ts';
import { setOwn } from '../../order.ts';
import type { Warnings } from '../warnings.ts';
import type { RunIndex } from './runs.ts';
import { maxRowid, scanTable } from './scan.ts';
import { column, hasTable, type Schema } from './schema.ts';
import { showCell, type Cell } from './values.ts';

type ByKey = Map<string, Point[]>;

export function readMetrics(db: DatabaseSync, schema: Schema, index: RunIndex, warnings: Warnings, onFraction?: (f: number) => void): void {
  const problems = new Problems();
  const latest = hasTable(schema, 'latest_metrics') ? readLatest(db, schema, index, problems) : new Map<Run, Map<string, Point>>();
  const histories = hasTable(schema, 'metrics') ? readHistories(db, schema, index, problems, onFraction) : new Map<Run, ByKey>();
  for (const run of index.byId.values()) {
    const byKey = histories.get(run);
    const latestByKey = latest.get(run);
    const keys = new Set([...(byKey?.keys() ?? []), ...(latestByKey?.keys() ?? [])]);
    for (const key of keys) {
      const history = byKey?.get(key) ?? [];
      history.sort(comparePoints);
      const top = latestByKey?.get(key) ?? history[history.length - 1];
      if (!top) continue;
      if (history.length === 0) warnings.add(`metrics/${run.id}/${key}`, 'latest_metrics has a value but table metrics has no points; shown with an empty history');
      setOwn(run.metrics, key, { latest: top, history });
    }
  }
  problems.report(warnings);
}

function readHistories(db: DatabaseSync, schema: Schema, index: RunIndex, problems: Problems, onFraction?: (f: number) => void): Map<Run, ByKey> {
  const histories = new Map<Run, ByKey>();
  const columns = [
    column(schema, 'metrics', 'run_uuid'),
    column(schema, 'metrics', 'key'),
    column(schema, 'metrics', 'step', '0'),
    column(schema, 'metrics', 'timestamp'),
    column(schema, 'metrics', 'value'),
    column(schema, 'metrics', 'is_nan', '0'),
  ];
  // A run's rows mostly come together (logging order), so the last run and key looked up are cached.
  let lastRun: Run | undefined;
  let byKey: ByKey = new Map();
  let lastKey: Cell = null;
  let series: Point[] = [];
  const total = onFraction ? maxRowid(db, 'metrics') : 0;
  const onPage = onFraction && total > 0 ? (rowid: number) => onFraction(Math.min(1, rowid / total)) : undefined;
  scanTable(db, 'metrics', columns, (row) => {
    const run = index.find('metrics', row[0] as Cell);
    if (!run) return;
    const key = row[1] as Cell;
    if (run !== lastRun) {
      lastRun = run;
      byKey = histories.get(run) ?? new Map();
      histories.set(run, byKey);
      lastKey = null;
    }
    if (key !== lastKey || key === null) {
      if (typeof key !== 'string') return problems.add(`metrics/${run.id}`, `key must be text, got ${showCell(key)}`);
      lastKey = key;
      series = byKey.get(key) ?? [];
      byKey.set(key, series);
    }
    const point = toPoint(row[2] as Cell, row[3] as Cell, row[4] as Cell, row[5] as Cell);
    if (typeof point === 'string') return problems.add(`metrics/${run.id}/${key}`, point);
    series.push(point);
  }, { onPage });
  return histories;
}

function readLatest(db: DatabaseSync, schema: Schema, index: RunIndex, problems: Problems): Map<Run, Map<string, Point>> {
  const latest = new Map<Run, Map<string, Point>>();
  const columns = ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'].map((name) => column(schema, 'latest_metrics', name, name === 'step' || name === 'is_nan' ? '0' : 'NULL'));
  scanTable(db, 'latest_metrics', columns, ([runCell = null, key = null, step = null, timestamp = null, value = null, nan = null]) => {
    const run = index.find('latest_metrics', runCell);
    if (!run) return;
    if (typeof key !== 'string') return problems.add(`latest_metrics/${run.id}`, `key must be text, got ${showCell(key)}`);
    const point = toPoint(step, timestamp, value, nan);
    if (typeof point === 'string') return problems.add(`latest_metrics/${run.id}/${key}`, `${point} (the latest point is taken from table metrics)`);
    let byKey = latest.get(run);
    if (!byKey) latest.set(run, (byKey = new Map()));
    byKey.set(key, point);
  });
  return latest;
}

/** A point, or what is wrong with the row. */
function toPoint(step: Cell, timestamp: Cell, value: Cell, nan: Cell): Point | string {
  if (typeof step !== 'number' || !Number.isSafeInteger(step)) return `step must be an integer, got ${showCell(step)}`;
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp)) return `timestamp must be an integer, got ${showCell(timestamp)}`;
  if (typeof nan === 'number' && nan !== 0) return { step, timestamp, value: 'NaN' };
  if (typeof value !== 'number') return `value must be a number, got ${showCell(value)}`;
  return { step, timestamp, value: Number.isFinite(value) ? value : metricValue(value) };
}

/** The stored value SQL orders by: a NaN is stored as 0. */
function storedValue(value: Point['value']): number {
  return typeof value === 'number' ? value : value === 'NaN' ? 0 : value === 'Infinity' ? Infinity : -Infinity;
}

function comparePoints(a: Point, b: Point): number {
  if (a.step !== b.step) return a.step < b.step ? -1 : 1;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  const x = storedValue(a.value);
  const y = storedValue(b.value);
  if (x !== y) return x < y ? -1 : 1;
  return (a.value === 'NaN' ? 1 : 0) - (b.value === 'NaN' ? 1 : 0);
}

/** Skipped rows, counted per metric so a damaged table yields one warning per metric, not per row. */
class Problems {
  private readonly byPath = new Map<string, { rows: number; first: string }>();

  add(path: string, what: string): void {
    const entry = this.byPath.get(path);
    if (entry) entry.rows += 1;
    else this.byPath.set(path, { rows: 1, first: what });
  }

  report(warnings: Warnings): void {
    for (const [path, { rows, first }] of this.byPath) {
      warnings.add(path, rows === 1 ? `${first}; row skipped` : `${rows} rows skipped (the first: ${first})`);
    }
  }
}
