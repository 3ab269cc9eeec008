/**
 * The model registry tables (mlflow/store/model_registry/dbmodels/models.py): registered_models,
 * model_versions, registered_model_tags, model_version_tags, registered_model_aliases.
 * - Versions in stage `Deleted_Internal` are soft-deleted: hidden, as the registry's
 *   sqlalchemy_store.py filters them out (`current_stage != STAGE_DELETED_INTERNAL`), with their tags;
 * - version numbers become strings; a NULL stage reads as `None` and a NULL status as `READY`
 *   (the columns' defaults, as the file-store reader does);
 * - aliases map alias → version; an alias to a version that is missing or hidden is skipped with a
 *   warning (MLflow deletes a version's aliases with it);
 * - since MLflow 3.7 rows carry a `workspace` and names are unique per workspace only, so rows
 *   are joined on (workspace, name); the Snapshot has no workspaces, so a name used in two
 *   workspaces appears twice (the reader warns once when a store has several workspaces);
 * - prompts (MLflow 3's prompt registry, tag `mlflow.prompt.is_prompt`) are listed like models:
 *   their tags say what they are.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ModelVersion, RegisteredModel } from '../../model.ts';
import { setOwn } from '../../order.ts';
import type { Warnings } from '../warnings.ts';
import { scanTable } from './scan.ts';
import { column, hasTable, type Schema } from './schema.ts';
import { asInt, asText, optionalInt, optionalText, showCell, type Cell } from './values.ts';

const DELETED_STAGE = 'Deleted_Internal';

interface Entry {
  model: RegisteredModel;
  versions: Map<string, ModelVersion>;
  /** Numbers of soft-deleted versions, whose tags go silently with them. */
  hidden: Set<string>;
}

interface Registry {
  db: DatabaseSync;
  schema: Schema;
  warnings: Warnings;
  /** By workspace and name (workspace '' before MLflow 3.7). */
  entries: Map<string, Entry>;
}

export function readRegistry(db: DatabaseSync, schema: Schema, warnings: Warnings): RegisteredModel[] {
  const registry: Registry = { db, schema, warnings, entries: new Map() };
  readModels(registry);
  readVersions(registry);
  readModelTags(registry);
  readVersionTags(registry);
  readAliases(registry);
  return [...registry.entries.values()].map(({ model, versions }) => ({ ...model, versions: [...versions.values()] }));
}

/** Scans a registry table if it exists; each row starts with its workspace (NULL before 3.7). */
function scan(registry: Registry, table: string, names: string[], onRow: (row: Cell[]) => void): void {
  if (!hasTable(registry.schema, table)) return;
  scanTable(registry.db, table, [column(registry.schema, table, 'workspace'), ...names.map((n) => column(registry.schema, table, n))], onRow);
}

function entryOf(registry: Registry, workspace: Cell, name: Cell): Entry | undefined {
  return registry.entries.get(`${asText(workspace) ?? ''}\0${asText(name) ?? ''}`);
}

function readModels(registry: Registry): void {
  scan(registry, 'registered_models', ['name', 'description', 'creation_time', 'last_updated_time'], ([ws = null, nameCell = null, description = null, created = null, updated = null]) => {
    const name = asText(nameCell);
    if (!name) return registry.warnings.add('registered_models', `a row has name ${showCell(nameCell)}; skipped`);
    const bad = (message: string) => registry.warnings.add(`registered_models/${name}`, message);
    const model: RegisteredModel = {
      name,
      description: optionalText(description),
      creationTime: optionalInt(created, 'creation_time', bad),
      lastUpdatedTime: optionalInt(updated, 'last_updated_time', bad),
      tags: {},
      aliases: {},
      versions: [],
    };
    registry.entries.set(`${asText(ws) ?? ''}\0${name}`, { model, versions: new Map(), hidden: new Set() });
  });
}

function readVersions(registry: Registry): void {
  const names = ['name', 'version', 'current_stage', 'status', 'run_id', 'source', 'description', 'creation_time', 'last_updated_time'];
  scan(registry, 'model_versions', names, ([ws = null, name = null, versionCell = null, stage = null, status = null, runId = null, source = null, description = null, created = null, updated = null]) => {
    const entry = entryOf(registry, ws, name);
    const path = `model_versions/${asText(name) ?? showCell(name)}/${showCell(versionCell)}`;
    const bad = (message: string) => registry.warnings.add(path, message);
    if (!entry) return bad('its registered model is not in table registered_models; version skipped');
    const number = asInt(versionCell);
    if (number === undefined) return bad(`version must be an integer, got ${showCell(versionCell)}; skipped`);
    const version = String(number);
    if (stage === DELETED_STAGE) return void entry.hidden.add(version);
    entry.versions.set(version, {
      version,
      stage: asText(stage) ?? 'None',
      status: asText(status) ?? 'READY',
      runId: optionalText(runId),
      source: optionalText(source),
      description: optionalText(description),
      creationTime: optionalInt(created, 'creation_time', bad),
      lastUpdatedTime: optionalInt(updated, 'last_updated_time', bad),
      tags: {},
    });
  });
}

function readModelTags(registry: Registry): void {
  scan(registry, 'registered_model_tags', ['name', 'key', 'value'], ([ws = null, name = null, key = null, value = null]) => {
    const entry = entryOf(registry, ws, name);
    const tagKey = asText(key);
    if (entry && tagKey !== undefined) return setOwn(entry.model.tags, tagKey, asText(value) ?? '');
    registry.warnings.add(`registered_model_tags/${asText(name) ?? showCell(name)}`, `a tag row with key ${showCell(key)} has no model to go with; skipped`);
  });
}

function readVersionTags(registry: Registry): void {
  scan(registry, 'model_version_tags', ['name', 'version', 'key', 'value'], ([ws = null, name = null, versionCell = null, key = null, value = null]) => {
    const entry = entryOf(registry, ws, name);
    const version = String(asInt(versionCell));
    const target = entry?.versions.get(version);
    const tagKey = asText(key);
    if (target && tagKey !== undefined) return setOwn(target.tags, tagKey, asText(value) ?? '');
    if (entry?.hidden.has(version)) return;
    registry.warnings.add(`model_version_tags/${asText(name) ?? showCell(name)}/${showCell(versionCell)}`, `a tag row with key ${showCell(key)} has no model version to go with; skipped`);
  });
}

function readAliases(registry: Registry): void {
  scan(registry, 'registered_model_aliases', ['name', 'alias', 'version'], ([ws = null, name = null, aliasCell = null, versionCell = null]) => {
    const entry = entryOf(registry, ws, name);
    const alias = asText(aliasCell);
    const version = String(asInt(versionCell));
    const path = `registered_model_aliases/${asText(name) ?? showCell(name)}/${alias ?? showCell(aliasCell)}`;
    if (!entry || alias === undefined) return registry.warnings.add(path, 'an alias row has no model to go with; skipped');
    if (!entry.versions.has(version)) {
      const deleted = entry.hidden.has(version) ? ' (deleted)' : '';
      return registry.warnings.add(path, `alias points at version ${showCell(versionCell)}, which the model does not have${deleted}; alias skipped`);
    }
    setOwn(entry.model.aliases, alias, version);
  });
}
