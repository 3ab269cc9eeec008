/**
 * Tables `runs`, `params` and `tags` (mlflow/store/tracking/dbmodels/models.py, SqlRun.to_mlflow_entity):
 * - id `run_uuid`; experiment id as a string; a run whose experiment is not in `experiments` is skipped;
 * - name `runs.name`, else tag `mlflow.runName` (`_get_run_name_from_tags`), else empty; very old
 *   schemas have no `name` column;
 * - status: the stored string; NULL or an unknown word is skipped, as MLflow cannot convert it
 *   (RunStatus.from_string); lifecycle NULL or a missing column reads as `active`;
 * - user `user_id`, else tag `mlflow.user`; parent and note from tags `mlflow.parentRunId`, `mlflow.note.content`;
 * - artifacts stay empty: a database has no artifact folders, and `artifact_uri` is never dereferenced.
 * Rows of params, tags and metrics find their run through RunIndex, which reports rows of unknown
 * runs once per run and drops rows of runs skipped for their own defects silently.
 */
import type { DatabaseSync } from 'node:sqlite';
import { RunStatusSchema, type Experiment, type Run, type RunStatus } from '../../model.ts';
import { setOwn } from '../../order.ts';
import type { Warnings } from '../warnings.ts';
import { systemFields } from '../system-tags.ts';
import { lifecycle } from './experiments.ts';
import { scanTable } from './scan.ts';
import { column, type Schema } from './schema.ts';
import { asId, asText, optionalInt, optionalText, showCell, type Cell } from './values.ts';

const STATUSES: ReadonlySet<string> = new Set(RunStatusSchema.options);

export class RunIndex {
  readonly byId = new Map<string, Run>();
  private readonly skipped = new Set<string>();
  private readonly orphans = new Map<string, Map<string, number>>();
  private lastId: Cell = null;
  private lastRun: Run | undefined;

  skip(id: string): void {
    this.skipped.add(id);
  }

  /** The run a row of `table` belongs to, or undefined (counted once per run for a warning). */
  find(table: string, cell: Cell): Run | undefined {
    if (cell === this.lastId && this.lastRun) return this.lastRun;
    const id = asId(cell);
    const run = id === undefined ? undefined : this.byId.get(id);
    if (run) {
      this.lastId = cell;
      this.lastRun = run;
      return run;
    }
    const key = id ?? showCell(cell);
    if (this.skipped.has(key)) return undefined;
    let counts = this.orphans.get(table);
    if (!counts) this.orphans.set(table, (counts = new Map()));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return undefined;
  }

  reportOrphans(warnings: Warnings): void {
    for (const [table, counts] of this.orphans) {
      for (const [id, rows] of counts) {
        warnings.add(`${table}/${id}`, `${rows} row${rows === 1 ? '' : 's'} of run ${id}, which is not in table runs; skipped`);
      }
    }
  }
}

export function readRuns(db: DatabaseSync, schema: Schema, experiments: Map<string, Experiment>, warnings: Warnings): RunIndex {
  const index = new RunIndex();
  const columns = ['run_uuid', 'experiment_id', 'name', 'status', 'lifecycle_stage', 'start_time', 'end_time', 'user_id', 'artifact_uri'].map(
    (name) => column(schema, 'runs', name),
  );
  scanTable(db, 'runs', columns, ([idCell = null, experimentCell = null, name = null, status = null, stage = null, start = null, end = null, user = null, uri = null]) => {
    const id = asId(idCell);
    if (id === undefined) return warnings.add('runs', `a row has run_uuid ${showCell(idCell)}; skipped`);
    const path = `runs/${id}`;
    const skip = (why: string) => {
      index.skip(id);
      warnings.add(path, `${why}; run skipped`);
    };
    if (index.byId.has(id)) return skip('a second row with this run_uuid');
    const experimentId = asId(experimentCell);
    if (experimentId === undefined || !experiments.has(experimentId)) return skip(`experiment_id ${showCell(experimentCell)} is not in table experiments`);
    if (typeof status !== 'string' || !STATUSES.has(status)) return skip(`status must be one of ${[...STATUSES].join(', ')}, got ${showCell(status)}`);
    const bad = (message: string) => warnings.add(path, message);
    index.byId.set(id, {
      id,
      experimentId,
      name: asText(name) ?? '',
      status: status as RunStatus,
      lifecycleStage: lifecycle(stage, bad),
      startTime: optionalInt(start, 'start_time', bad),
      endTime: optionalInt(end, 'end_time', bad),
      user: optionalText(user),
      artifactUri: optionalText(uri),
      params: {},
      tags: {},
      metrics: {},
      inputs: [],
      artifacts: [],
      loggedModels: [],
    });
  });
  readKeyValues(db, schema, 'params', index, warnings, (run) => run.params);
  readKeyValues(db, schema, 'tags', index, warnings, (run) => run.tags);
  for (const run of index.byId.values()) Object.assign(run, systemFields({ names: [run.name], userId: run.user }, run.tags));
  return index;
}

/** `params` (value NOT NULL in MLflow's schema) and `tags` (value nullable: NULL reads as ''). */
function readKeyValues(
  db: DatabaseSync,
  schema: Schema,
  table: 'params' | 'tags',
  index: RunIndex,
  warnings: Warnings,
  target: (run: Run) => Record<string, string>,
): void {
  const columns = ['run_uuid', 'key', 'value'].map((name) => column(schema, table, name));
  scanTable(db, table, columns, ([runCell = null, keyCell = null, valueCell = null]) => {
    const run = index.find(table, runCell);
    if (!run) return;
    const key = asText(keyCell);
    const value = asText(valueCell) ?? (table === 'tags' && valueCell === null ? '' : undefined);
    if (key === undefined || value === undefined) {
      const what = key === undefined ? `key ${showCell(keyCell)}` : `value ${showCell(valueCell)}`;
      return warnings.add(`${table}/${run.id}${key === undefined ? '' : `/${key}`}`, `a row with ${what} was skipped`);
    }
    setOwn(target(run), key, value);
  });
}
