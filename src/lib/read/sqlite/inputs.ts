/**
 * What runs consumed and produced (MLflow ≥ 2.4 and 3.x; each table may be absent):
 * - dataset inputs: `inputs` rows with source_type DATASET and destination_type RUN, joined to
 *   `datasets` on dataset_uuid, their role from `input_tags` `mlflow.data.context`
 *   (sqlalchemy_store.py `_get_run_inputs`). Other `inputs` rows (MLflow 3's RUN_OUTPUT →
 *   MODEL_OUTPUT links, model inputs) are not dataset inputs and are left out;
 * - logged models: `logged_models` rows attached to their `source_run_id`; deleted ones are hidden
 *   as `get_logged_model` hides them; status is LoggedModelStatus.from_int (0–3).
 * An input whose dataset is missing is skipped with a warning; a logged model of an unknown run
 * is left out silently (a model may be logged without a run).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { LoggedModel, RunInput } from '../../model.ts';
import type { Warnings } from '../warnings.ts';
import type { RunIndex } from './runs.ts';
import { scanTable } from './scan.ts';
import { column, hasTable, type Schema } from './schema.ts';
import { asId, asInt, asText, optionalText, showCell } from './values.ts';

const CONTEXT_TAG = 'mlflow.data.context';
// mlflow/entities/logged_model_status.py, LoggedModelStatus.from_int
const LOGGED_MODEL_STATUS = ['UNSPECIFIED', 'PENDING', 'READY', 'FAILED'];

export function readInputs(db: DatabaseSync, schema: Schema, index: RunIndex, warnings: Warnings): void {
  if (!hasTable(schema, 'inputs') || !hasTable(schema, 'datasets')) return;
  const datasets = readDatasets(db, schema);
  const contexts = new Map<string, string>();
  if (hasTable(schema, 'input_tags')) {
    scanTable(db, 'input_tags', ['input_uuid', 'value'].map((c) => column(schema, 'input_tags', c)), ([uuid = null, value = null]) => {
      const id = asText(uuid);
      const context = asText(value);
      if (id !== undefined && context !== undefined) contexts.set(id, context);
    }, { where: `${column(schema, 'input_tags', 'name')} = '${CONTEXT_TAG}'` });
  }
  const columns = ['input_uuid', 'source_id', 'destination_id'].map((c) => column(schema, 'inputs', c));
  const where = `${column(schema, 'inputs', 'source_type')} = 'DATASET' AND ${column(schema, 'inputs', 'destination_type')} = 'RUN'`;
  scanTable(db, 'inputs', columns, ([uuid = null, source = null, destination = null]) => {
    const run = index.find('inputs', destination);
    if (!run) return;
    const dataset = datasets.get(asText(source) ?? '');
    if (!dataset) return warnings.add(`inputs/${run.id}`, `dataset ${showCell(source)} is not in table datasets; input skipped`);
    const context = contexts.get(asText(uuid) ?? '');
    run.inputs.push(context === undefined ? { ...dataset } : { ...dataset, context });
  }, { where });
}

function readDatasets(db: DatabaseSync, schema: Schema): Map<string, RunInput> {
  const datasets = new Map<string, RunInput>();
  const columns = ['dataset_uuid', 'name', 'digest', 'dataset_source_type', 'dataset_source', 'dataset_schema', 'dataset_profile'].map((c) => column(schema, 'datasets', c));
  scanTable(db, 'datasets', columns, ([uuid = null, name = null, digest = null, sourceType = null, source = null, dataSchema = null, profile = null]) => {
    const id = asText(uuid);
    if (id === undefined) return;
    datasets.set(id, {
      name: asText(name) ?? '',
      digest: asText(digest) ?? '',
      sourceType: optionalText(sourceType),
      source: optionalText(source),
      schema: optionalText(dataSchema),
      profile: optionalText(profile),
    });
  });
  return datasets;
}

export function readLoggedModels(db: DatabaseSync, schema: Schema, index: RunIndex): void {
  if (!hasTable(schema, 'logged_models')) return;
  const columns = ['model_id', 'name', 'creation_timestamp_ms', 'status', 'lifecycle_stage', 'source_run_id'].map((c) => column(schema, 'logged_models', c));
  scanTable(db, 'logged_models', columns, ([idCell = null, name = null, created = null, status = null, stage = null, runCell = null]) => {
    const id = asText(idCell);
    const runId = asId(runCell);
    const run = runId === undefined ? undefined : index.byId.get(runId);
    if (id === undefined || !run || stage === 'deleted') return;
    const code = asInt(status);
    const model: LoggedModel = {
      id,
      name: asText(name) ?? '',
      creationTime: asInt(created),
      status: code === undefined ? optionalText(status) : (LOGGED_MODEL_STATUS[code] ?? String(code)),
    };
    run.loggedModels.push(model);
  });
}
