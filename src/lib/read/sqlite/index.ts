/**
 * Reader for MLflow's SQLite tracking store (`mlflow.db`), from MLflow 1.x alembic schemas to 3.x:
 * tracking data and model registry, read with `node:sqlite`, strictly read-only (see open.ts: no
 * write, no file created beside the store). Every table is read once, in rowid pages, and grouped
 * in JavaScript; which tables and columns exist is asked first (schema.ts), never assumed.
 *
 * Policy — what aborts with an InputError (exit 3), one line naming the file:
 * - a path that is missing, a folder, empty, or not an SQLite file (`<path>: not an SQLite database (…)`);
 * - an SQLite database without MLflow's `experiments` and `runs` tables (or their key columns);
 * - a store locked by a writer for longer than the busy timeout, a hot journal only a writer can
 *   roll back, a damaged file, or any other SQLite failure while reading.
 * What skips a record with a warning (the rest is still published):
 * - a run with no id, a repeated id, an experiment that does not exist, or a status MLflow does not know;
 * - a param, tag, metric, input or latest-metric row of a run that is not in `runs` (one warning per
 *   run and table); rows of runs skipped for their own defects go silently with them;
 * - a row with NULL or a wrong type where MLflow never writes one (a NULL param value, a metric row
 *   with a text step, …): that row, one warning per metric for metric rows;
 * - a model version of a missing model, a tag of a missing version, an alias to a missing version.
 * What is repaired silently, as MLflow's column defaults would have it: NULL lifecycle_stage →
 * active, NULL tag value → '', NULL version stage → None, NULL version status → READY, missing
 * `metrics.step`/`is_nan` → 0. Times of the wrong type are dropped with a warning.
 */
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../order.ts';
import type { ReadOptions, StoreContents } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { readExperiments } from './experiments.ts';
import { readInputs, readLoggedModels } from './inputs.ts';
import { readMetrics } from './metrics.ts';
import { isSqliteError, openStore, sqliteFailure } from './open.ts';
import { readRegistry } from './registry.ts';
import { readRuns } from './runs.ts';
import { hasColumn, readSchema, requireMlflowTables, type Schema } from './schema.ts';

export async function readSqlite(dbPath: string, label: string, options: ReadOptions = {}): Promise<StoreContents> {
  const warnings = new Warnings(label);
  const { db, liveWal, notes } = openStore(dbPath);
  for (const [path, message] of notes) warnings.add(path, message);
  try {
    // In WAL mode readers never block writers, so one transaction gives a consistent view for free.
    // A rollback-journal store is read page by page instead (scan.ts), so a writer never waits long.
    if (liveWal) db.exec('BEGIN');
    const schema = readSchema(db);
    requireMlflowTables(schema, dbPath);
    noteWorkspaces(db, schema, warnings);
    const experiments = readExperiments(db, schema, warnings);
    const index = readRuns(db, schema, experiments, warnings);
    const total = index.byId.size;
    const progress = progressReporter(total, options);
    readMetrics(db, schema, index, warnings, progress);
    readInputs(db, schema, index, warnings);
    readLoggedModels(db, schema, index);
    const models = readRegistry(db, schema, warnings);
    index.reportOrphans(warnings);
    options.onProgress?.(total, total);
    // Unsorted, as StoreContents are: finalize.ts sorts every collection once, after merging.
    return { experiments: [...experiments.values()], runs: [...index.byId.values()], models, warnings: warnings.list };
  } catch (error) {
    throw isSqliteError(error) ? sqliteFailure(dbPath, error) : error;
  } finally {
    if (db.isTransaction) db.exec('COMMIT');
    db.close();
  }
}

/** Progress in runs: the metrics scan is nearly all of the work, so its fraction stands for the runs done. */
function progressReporter(total: number, options: ReadOptions): ((fraction: number) => void) | undefined {
  const report = options.onProgress;
  if (!report || total === 0) return undefined;
  const step = Math.max(1, Math.floor(total / 100));
  let last = -step;
  return (fraction) => {
    const done = Math.floor(fraction * total);
    if (done - last >= step && done < total) {
      last = done;
      report(done, total);
    }
  };
}

/** MLflow 3.7 workspaces: names are unique per workspace only, and the Snapshot has none. */
function noteWorkspaces(db: DatabaseSync, schema: Schema, warnings: Warnings): void {
  const names = new Set<string>();
  for (const table of ['experiments', 'registered_models']) {
    if (!hasColumn(schema, table, 'workspace')) continue;
    for (const row of db.prepare(`SELECT DISTINCT workspace AS w FROM "${table}"`).all()) names.add(String(row.w));
  }
  if (names.size > 1) {
    warnings.add('', `the store has ${names.size} workspaces (${[...names].sort(compareStrings).join(', ')}); they are shown together, and a model name used in two of them appears twice`);
  }
}
