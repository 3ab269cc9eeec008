/**
 * The meta.yaml files of a file store, as MLflow 1.x–3.x wrote them. Lenient where MLflow's own
 * reader is (ids as int or string, times as int or null, status as int or name), strict where a
 * wrong value would make a wrong page. Unknown keys are ignored: every MLflow version added some.
 */
import { z } from 'zod';

const optionalString = z.union([z.string(), z.null()]).optional().transform((v) => (v == null ? undefined : v));
const epochMs = (key: string) =>
  z
    .union([z.number().int({ error: `${key} must be an integer (epoch ms)` }), z.null()], {
      error: `${key} must be an integer (epoch ms)`,
    })
    .optional()
    .transform((v) => (v == null ? undefined : v));
const id = (key: string) =>
  z.union([z.string().min(1), z.number().int().nonnegative()], { error: `${key} must be a string or an integer` }).transform(String);

// RunStatus enum values of mlflow/protos/service.proto, as the file store persists them.
const STATUS_BY_CODE = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
const STATUS_NAMES: readonly string[] = STATUS_BY_CODE;

const runStatus = z
  .union([z.number().int(), z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v == null) return 'RUNNING' as const; // missing → RUNNING (file_store.py _read_persisted_run_info_dict)
    if (typeof v === 'number' && v >= 1 && v <= 5) return STATUS_BY_CODE[v - 1] as (typeof STATUS_BY_CODE)[number];
    if (typeof v === 'string' && STATUS_NAMES.includes(v)) return v as (typeof STATUS_BY_CODE)[number];
    ctx.addIssue({ code: 'custom', message: `status must be 1–5 or a status name, got ${JSON.stringify(v)}` });
    return z.NEVER;
  });

const lifecycle = (key: string) =>
  z
    .union([z.enum(['active', 'deleted']), z.null()], { error: `${key} must be "active" or "deleted"` })
    .optional()
    .transform((v) => v ?? 'active');

export const ExperimentMetaSchema = z.object({
  experiment_id: id('experiment_id'),
  name: z.union([z.string(), z.number()], { error: 'name must be a string' }).transform(String),
  artifact_location: optionalString,
  lifecycle_stage: lifecycle('lifecycle_stage'),
  creation_time: epochMs('creation_time'),
  last_update_time: epochMs('last_update_time'),
  /** MLflow 1.x wrote tags inline; the `tags/` folder wins where both exist. */
  tags: z.unknown().optional(),
});

export const RunMetaSchema = z
  .object({
    run_id: optionalString,
    run_uuid: optionalString,
    experiment_id: id('experiment_id'),
    run_name: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional().transform((v) => (v == null ? undefined : String(v))),
    /** Pre-1.29 name field. */
    name: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional().transform((v) => (v == null ? undefined : String(v))),
    status: runStatus,
    lifecycle_stage: lifecycle('lifecycle_stage'),
    start_time: epochMs('start_time'),
    end_time: epochMs('end_time'),
    user_id: optionalString,
    artifact_uri: optionalString,
  })
  .refine((meta) => Boolean(meta.run_id || meta.run_uuid), { message: 'run_id (or run_uuid) is missing' });

export const DatasetMetaSchema = z.object({
  name: z.union([z.string(), z.number()]).transform(String),
  digest: z.union([z.string(), z.number()]).transform(String),
  source_type: optionalString,
  source: optionalString,
  schema: optionalString,
  profile: optionalString,
});

export const InputMetaSchema = z.object({
  source_type: z.string(),
  source_id: id('source_id'),
  tags: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const LoggedModelMetaSchema = z.object({
  model_id: z.string().min(1),
  name: z.union([z.string(), z.null()]).optional().transform((v) => v ?? ''),
  creation_timestamp: epochMs('creation_timestamp'),
  source_run_id: optionalString,
  // LoggedModelStatus: 0 UNSPECIFIED, 1 PENDING, 2 READY, 3 FAILED (mlflow/protos/service.proto)
  status: z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((v) => (typeof v === 'number' ? (['UNSPECIFIED', 'PENDING', 'READY', 'FAILED'][v] ?? String(v)) : (v ?? undefined))),
});

export const RegisteredModelMetaSchema = z.object({
  name: z.union([z.string(), z.number()]).transform(String),
  description: optionalString,
  creation_timestamp: epochMs('creation_timestamp'),
  last_updated_timestamp: epochMs('last_updated_timestamp'),
});

export const ModelVersionMetaSchema = z.object({
  version: id('version'),
  current_stage: z.union([z.string(), z.null()]).optional().transform((v) => v ?? 'None'),
  status: z.union([z.string(), z.null()]).optional().transform((v) => v ?? 'READY'),
  run_id: optionalString,
  source: optionalString,
  description: optionalString,
  creation_timestamp: epochMs('creation_timestamp'),
  last_updated_timestamp: epochMs('last_updated_timestamp'),
});

/** One line for the first problem zod found, in the words of the schema's messages. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const key = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${key} is missing`;
  // Custom checks word their own message; for the others, show the offending scalar.
  const input = 'input' in issue ? issue.input : undefined;
  const got = issue.code !== 'custom' && input !== undefined && (input === null || typeof input !== 'object') ? `, got ${show(input)}` : '';
  const message = issue.message.startsWith('Invalid') && key ? `${key}: ${issue.message.toLowerCase()}` : issue.message;
  return `${message}${got}`;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
