/**
 * The model registry part of a file store, `models/<name>/`, as
 * mlflow/store/model_registry/file_store.py leaves it once every version, tag and alias is set:
 * - `meta.yaml` of the model: the RegisteredModel entity without tags and latest_versions; its
 *   `aliases` mapping (alias → version string) is what `set_registered_model_alias` last wrote;
 * - `tags/<key>`, `aliases/<alias>` (file content: the version number);
 * - `version-<n>/meta.yaml` and `version-<n>/tags/<key>`.
 * Unset descriptions, run links and users are `null`: the local client passes None (a tracking
 * server would pass ''), as the timeseries fixture shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dumpYaml, type YamlMapping } from './pyyaml.ts';
import type { MlflowFlavor, ModelVersionSpec, RegisteredModelSpec } from './store-spec.ts';

/** `loggedModels`: model id → its artifact location, for `models:/m-…` sources (MLflow 3). */
export function writeRegistry(dir: string, models: RegisteredModelSpec[], flavor: MlflowFlavor, loggedModels: Map<string, string>): void {
  for (const model of models) {
    const modelDir = join(dir, model.name);
    const aliases: YamlMapping = {};
    for (const [alias, version] of Object.entries(model.aliases ?? {})) aliases[alias] = String(version);
    const meta: YamlMapping = {
      aliases,
      creation_timestamp: model.creationTime,
      description: model.description ?? null,
      last_updated_timestamp: model.lastUpdatedTime ?? model.creationTime,
      name: model.name,
    };
    if (flavor === 'mlflow3') Object.assign(meta, { deployment_job_id: null, deployment_job_state: null, workspace: 'default' });
    writeText(join(modelDir, 'meta.yaml'), dumpYaml(meta));
    for (const [key, value] of Object.entries(model.tags ?? {})) writeText(join(modelDir, 'tags', key), value);
    for (const [alias, version] of Object.entries(model.aliases ?? {})) writeText(join(modelDir, 'aliases', alias), String(version));
    for (const version of model.versions) writeVersion(join(modelDir, `version-${version.version}`), model.name, version, flavor, loggedModels);
  }
}

function writeVersion(dir: string, name: string, v: ModelVersionSpec, flavor: MlflowFlavor, loggedModels: Map<string, string>): void {
  const modelId = /^models:\/(m-[^/]+)$/.exec(v.source)?.[1];
  // create_model_version: a `models:/m-…` source is stored at the logged model's artifact location.
  const storage = (modelId && loggedModels.get(modelId)) || v.source;
  const meta: YamlMapping = {
    creation_timestamp: v.creationTime,
    current_stage: v.stage ?? 'None',
    description: v.description ?? null,
    last_updated_timestamp: v.lastUpdatedTime ?? v.creationTime,
    name,
    run_id: v.runId ?? null,
    run_link: null,
    source: v.source,
    status: v.status ?? 'READY',
    status_message: null,
    storage_location: storage,
    user_id: null,
    version: v.version,
  };
  if (flavor === 'mlflow2') meta.aliases = []; // 2.x wrote the version's (then empty) alias list
  else Object.assign(meta, { deployment_job_state: null, model_id: modelId ?? null, workspace: 'default' });
  writeText(join(dir, 'meta.yaml'), dumpYaml(meta));
  for (const [key, value] of Object.entries(v.tags ?? {})) writeText(join(dir, 'tags', key), value);
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
}
