/**
 * The model registry of a file store, `models/<name>/` (mlflow/store/model_registry/file_store.py):
 * the model's meta.yaml and tags/, `version-<n>/meta.yaml` and tags/, and aliases as one file per
 * alias under `aliases/` holding the version (the `aliases:` key inside meta.yaml is not read,
 * as MLflow does not read it). Versions in stage `Deleted_Internal` are soft-deleted: hidden, as
 * MLflow hides them. A model or version whose meta.yaml is unreadable is skipped with a warning.
 */
import type { ModelVersion, RegisteredModel } from '../../model.ts';
import { compareIds, setOwn } from '../../order.ts';
import { listDir, readText } from '../fs.ts';
import type { Warnings } from '../warnings.ts';
import { child, readMeta, readValueFolder, type StoreDir } from './files.ts';
import { ModelVersionMetaSchema, RegisteredModelMetaSchema } from './meta-schemas.ts';

const DELETED_STAGE = 'Deleted_Internal';

export function readRegistry(dir: StoreDir, warnings: Warnings): RegisteredModel[] {
  const models: RegisteredModel[] = [];
  for (const entry of listDir(dir.abs) ?? []) {
    if (entry.isSymbolicLink()) warnings.add(`${dir.rel}/${entry.name}`, 'symbolic link not followed');
    if (!entry.isDirectory()) continue;
    const model = readModel(child(dir, entry.name), warnings);
    if (model) models.push(model);
  }
  return models;
}

function readModel(dir: StoreDir, warnings: Warnings): RegisteredModel | undefined {
  const meta = readMeta(dir, RegisteredModelMetaSchema, 'registered model', warnings);
  if (!meta) return undefined;
  const versions: ModelVersion[] = [];
  for (const entry of listDir(dir.abs) ?? []) {
    if (!entry.isDirectory() || !entry.name.startsWith('version-')) continue;
    const version = readVersion(child(dir, entry.name), warnings);
    if (version) versions.push(version);
  }
  versions.sort((a, b) => compareIds(a.version, b.version));
  return {
    name: meta.name,
    description: meta.description || undefined,
    creationTime: meta.creation_timestamp,
    lastUpdatedTime: meta.last_updated_timestamp,
    tags: readValueFolder(child(dir, 'tags'), 'tag', warnings),
    aliases: readAliases(child(dir, 'aliases'), new Set(versions.map((v) => v.version)), warnings),
    versions,
  };
}

function readVersion(dir: StoreDir, warnings: Warnings): ModelVersion | undefined {
  const meta = readMeta(dir, ModelVersionMetaSchema, 'model version', warnings);
  if (!meta || meta.current_stage === DELETED_STAGE) return undefined;
  return {
    version: meta.version,
    stage: meta.current_stage,
    status: meta.status,
    runId: meta.run_id || undefined,
    source: meta.source || undefined,
    description: meta.description || undefined,
    creationTime: meta.creation_timestamp,
    lastUpdatedTime: meta.last_updated_timestamp,
    tags: readValueFolder(child(dir, 'tags'), 'tag', warnings),
  };
}

function readAliases(dir: StoreDir, versions: Set<string>, warnings: Warnings): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const entry of listDir(dir.abs) ?? []) {
    if (!entry.isFile()) continue;
    const file = child(dir, entry.name);
    const text = readText(file.abs);
    if (!text.ok) {
      warnings.add(file.rel, `${text.message}; alias skipped`);
      continue;
    }
    const version = text.text.trim();
    if (!versions.has(version)) {
      warnings.add(file.rel, `alias points at version ${JSON.stringify(version)}, which the model does not have; alias skipped`);
      continue;
    }
    setOwn(aliases, entry.name, version);
  }
  return aliases;
}
