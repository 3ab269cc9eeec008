/**
 * Shapes of run JSON written by other tools. Lenient on encodings the tools vary in (int64 as
 * number or string, as protobuf JSON writes them; NaN/Infinity as strings), strict on structure.
 */
import { z } from 'zod';

/** int64 fields: protobuf JSON may write them as strings. */
export const int64 = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/)], { error: 'expected an integer (epoch ms or step)' })
  .transform(Number);
export const optionalInt64 = z.union([int64, z.null()]).optional().transform((v) => (v == null ? undefined : v));
const optionalString = z.union([z.string(), z.null()]).optional().transform((v) => (v == null || v === '' ? undefined : v));

/** A metric value: a number, or NaN/±Infinity spelled as protobuf JSON spells them. */
export const jsonMetricValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])], {
  error: 'metric value must be a number or "NaN"/"Infinity"/"-Infinity"',
});

export const RunInfoJson = z
  .object({
    run_id: optionalString,
    run_uuid: optionalString,
    experiment_id: z.union([z.string().min(1), z.number().int()]).transform(String),
    run_name: optionalString,
    user_id: optionalString,
    status: z.enum(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']).optional().default('RUNNING'),
    start_time: optionalInt64,
    end_time: optionalInt64,
    artifact_uri: optionalString,
    lifecycle_stage: z.enum(['active', 'deleted']).optional().default('active'),
  })
  .refine((info) => Boolean(info.run_id || info.run_uuid), { message: 'run_id is missing' });

const KeyValue = z.object({ key: z.string(), value: z.union([z.string(), z.null()]).transform((v) => v ?? '') });

const DatasetInputJson = z.object({
  tags: z.array(KeyValue).optional(),
  dataset: z.object({
    name: z.string(),
    digest: z.string(),
    source_type: optionalString,
    source: optionalString,
    schema: optionalString,
    profile: optionalString,
  }),
});

/** One run of MLflow's REST `runs/search` or `runs/get` (latest metric values only). */
export const RestRunJson = z.object({
  info: RunInfoJson,
  data: z
    .object({
      metrics: z.array(z.object({ key: z.string(), value: jsonMetricValue, timestamp: int64, step: int64.optional().default(0) })).optional(),
      params: z.array(KeyValue).optional(),
      tags: z.array(KeyValue).optional(),
    })
    .optional(),
  inputs: z.object({ dataset_inputs: z.array(DatasetInputJson).optional() }).optional(),
});

export const RestSearchJson = z.object({
  runs: z.array(RestRunJson),
  experiments: z.array(z.unknown()).optional(),
  next_page_token: z.string().optional(),
});

export const ExperimentJson = z.object({
  experiment_id: z.union([z.string().min(1), z.number().int()]).transform(String),
  name: z.string(),
  artifact_location: optionalString,
  lifecycle_stage: z.enum(['active', 'deleted']).optional().default('active'),
  creation_time: optionalInt64,
  last_update_time: optionalInt64,
  /** REST lists tags as [{key, value}]; mlflow-export-import as a map. */
  tags: z.union([z.array(KeyValue), z.record(z.string(), z.string())]).optional(),
});

/** mlflow-export-import's `run.json`: the REST run info, with params/tags as maps and full metric histories. */
export const ExportImportRunJson = z.object({
  mlflow: z.object({
    info: RunInfoJson,
    params: z.record(z.string(), z.string()).optional(),
    metrics: z
      .record(z.string(), z.array(z.object({ value: jsonMetricValue, timestamp: int64, step: int64.optional().default(0) })))
      .optional(),
    tags: z.record(z.string(), z.string()).optional(),
    inputs: z.array(DatasetInputJson).optional(),
  }),
});

/** mlflow-export-import's `experiment.json`. */
export const ExportImportExperimentJson = z.object({
  mlflow: z.object({ experiment: ExperimentJson }),
});
