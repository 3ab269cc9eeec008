/**
 * Tables `experiments` and `experiment_tags` (mlflow/store/tracking/dbmodels/models.py,
 * SqlExperiment and SqlExperimentTag). Ids are INTEGER in SQL and strings in MLflow's entities
 * (`str(self.experiment_id)`); a NULL lifecycle_stage reads as `active`, the column's default.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Experiment } from '../../model.ts';
import { setOwn } from '../../order.ts';
import { TAG } from '../system-tags.ts';
import type { Warnings } from '../warnings.ts';
import { scanTable } from './scan.ts';
import { column, hasTable, type Schema } from './schema.ts';
import { asId, asText, optionalInt, optionalText, showCell, type Cell } from './values.ts';

export function readExperiments(db: DatabaseSync, schema: Schema, warnings: Warnings): Map<string, Experiment> {
  const experiments = new Map<string, Experiment>();
  const col = (name: string) => column(schema, 'experiments', name);
  const columns = ['experiment_id', 'name', 'artifact_location', 'lifecycle_stage', 'creation_time', 'last_update_time'].map(col);
  scanTable(db, 'experiments', columns, ([idCell = null, name = null, location = null, stage = null, created = null, updated = null]) => {
    const id = asId(idCell);
    if (id === undefined) return warnings.add('experiments', `a row has experiment_id ${showCell(idCell)}; skipped`);
    const path = `experiments/${id}`;
    const bad = (message: string) => warnings.add(path, message);
    if (asText(name) === undefined) bad(`name is ${showCell(name)}; shown without a name`);
    experiments.set(id, {
      id,
      name: asText(name) ?? '',
      lifecycleStage: lifecycle(stage, bad),
      artifactLocation: optionalText(location),
      creationTime: optionalInt(created, 'creation_time', bad),
      lastUpdateTime: optionalInt(updated, 'last_update_time', bad),
      tags: {},
    });
  });
  if (hasTable(schema, 'experiment_tags')) readExperimentTags(db, schema, experiments, warnings);
  for (const experiment of experiments.values()) experiment.description = experiment.tags[TAG.note];
  return experiments;
}

function readExperimentTags(db: DatabaseSync, schema: Schema, experiments: Map<string, Experiment>, warnings: Warnings): void {
  const columns = ['experiment_id', 'key', 'value'].map((name) => column(schema, 'experiment_tags', name));
  scanTable(db, 'experiment_tags', columns, ([idCell = null, keyCell = null, value = null]) => {
    const id = asId(idCell);
    const experiment = id === undefined ? undefined : experiments.get(id);
    const key = asText(keyCell);
    if (!experiment || key === undefined) {
      const why = !experiment ? `its experiment ${showCell(idCell)} is not in table experiments` : `its key is ${showCell(keyCell)}`;
      return warnings.add(`experiment_tags/${id ?? showCell(idCell)}`, `a tag row was skipped: ${why}`);
    }
    // SqlExperimentTag.value is nullable; MLflow returns None, which a string map spells ''.
    setOwn(experiment.tags, key, asText(value) ?? '');
  });
}

/** `active` or `deleted`; NULL (the column's default applies on insert) and unknown values read as active. */
export function lifecycle(cell: Cell, bad: (message: string) => void): 'active' | 'deleted' {
  if (cell === 'deleted' || cell === 'active') return cell;
  if (cell !== null) bad(`lifecycle_stage must be "active" or "deleted", got ${showCell(cell)}; read as active`);
  return 'active';
}
