/** Run JSON (REST and mlflow-export-import shapes) → Snapshot records. */
import type { z } from 'zod';
import type { Experiment, Metric, Point, Run, RunInput } from '../../model.ts';
import { setOwn } from '../../order.ts';
import { toMetric } from '../metric-points.ts';
import { systemFields, TAG } from '../system-tags.ts';
import type { ExperimentJson, ExportImportRunJson, RestRunJson, RunInfoJson } from './schemas.ts';

type Info = z.output<typeof RunInfoJson>;
type DatasetInputs = NonNullable<z.output<typeof ExportImportRunJson>['mlflow']['inputs']>;

export function runFromRest(json: z.output<typeof RestRunJson>): Run {
  const params = fromPairs(json.data?.params ?? []);
  const tags = fromPairs(json.data?.tags ?? []);
  const metrics: Record<string, Metric> = {};
  for (const m of json.data?.metrics ?? []) {
    const metric = toMetric([{ step: m.step, timestamp: m.timestamp, value: m.value }]);
    if (metric) setOwn(metrics, m.key, metric);
  }
  return buildRun(json.info, params, tags, metrics, inputsOf(json.inputs?.dataset_inputs ?? []));
}

export function runFromExportImport(json: z.output<typeof ExportImportRunJson>['mlflow']): Run {
  const metrics: Record<string, Metric> = {};
  for (const [key, points] of Object.entries(json.metrics ?? {})) {
    const metric = toMetric(points.map((p): Point => ({ step: p.step, timestamp: p.timestamp, value: p.value })));
    if (metric) setOwn(metrics, key, metric);
  }
  return buildRun(json.info, { ...json.params }, { ...json.tags }, metrics, inputsOf(json.inputs ?? []));
}

export function experimentFromJson(json: z.output<typeof ExperimentJson>): Experiment {
  const tags = Array.isArray(json.tags) ? fromPairs(json.tags) : { ...json.tags };
  return {
    id: json.experiment_id,
    name: json.name,
    lifecycleStage: json.lifecycle_stage,
    artifactLocation: json.artifact_location,
    creationTime: json.creation_time,
    lastUpdateTime: json.last_update_time,
    tags,
    description: tags[TAG.note],
  };
}

function buildRun(info: Info, params: Record<string, string>, tags: Record<string, string>, metrics: Record<string, Metric>, inputs: RunInput[]): Run {
  return {
    id: (info.run_id || info.run_uuid) as string,
    experimentId: info.experiment_id,
    ...systemFields({ names: [info.run_name], userId: info.user_id }, tags),
    status: info.status,
    lifecycleStage: info.lifecycle_stage,
    startTime: info.start_time,
    endTime: info.end_time,
    artifactUri: info.artifact_uri,
    params,
    tags,
    metrics,
    inputs,
    artifacts: [],
    loggedModels: [],
  };
}

function inputsOf(inputs: DatasetInputs): RunInput[] {
  return inputs.map(({ dataset, tags }) => ({
    name: dataset.name,
    digest: dataset.digest,
    sourceType: dataset.source_type,
    source: dataset.source,
    schema: dataset.schema,
    profile: dataset.profile,
    context: tags?.find((t) => t.key === 'mlflow.data.context')?.value,
  }));
}

function fromPairs(pairs: { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of pairs) setOwn(out, key, value);
  return out;
}
