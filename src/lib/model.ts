/**
 * The Snapshot: everything Runfolio knows about one or more tracking stores.
 *
 * Readers produce it, analyses and the site consume it, `runfolio export` writes it as JSON and
 * `--store file.json` reads it back. The zod schemas here are the contract (see ../shared/DESIGN.md):
 * every reader's output is validated against them once, and JSON input goes through the same
 * schemas, so schema = docs = types. Keys keep MLflow's spelling; times are epoch milliseconds.
 */
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'runfolio.snapshot/1';

/** Tag, param and experiment-tag maps: key → value, both as MLflow stored them. */
const StringMap = z.record(z.string(), z.string());

/** Epoch milliseconds, as MLflow stores them. */
const EpochMs = z.number().int();

/** A metric value; JSON has no NaN/Infinity, so non-finite values are spelled as strings. */
export const MetricValueSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

export const PointSchema = z.object({
  /** Training step (0 when the logger gave none). */
  step: z.number().int(),
  /** When the value was logged, epoch ms. */
  timestamp: z.number().int(),
  /** The logged value. */
  value: MetricValueSchema,
});

const METRIC_STRINGS: ReadonlySet<unknown> = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * A metric history: points as PointSchema defines them. Checked point by point without copying:
 * a store holds millions of points, and a zod parse would duplicate every one of them.
 */
export const HistorySchema = z.custom<Point[]>((v) => Array.isArray(v), { error: 'history must be a list of points' }).check((ctx) => {
  const points = ctx.value;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as unknown as Record<string, unknown>;
    const problem =
      p === null || typeof p !== 'object'
        ? 'must be a {step, timestamp, value} object'
        : !Number.isInteger(p.step)
          ? 'step must be an integer'
          : !Number.isInteger(p.timestamp)
            ? 'timestamp must be an integer (epoch ms)'
            : !((typeof p.value === 'number' && Number.isFinite(p.value)) || METRIC_STRINGS.has(p.value))
              ? 'value must be a number or "NaN"/"Infinity"/"-Infinity"'
              : undefined;
    if (problem) {
      ctx.issues.push({ code: 'custom', message: problem, input: p, path: [i] });
      return;
    }
  }
});

export const MetricSchema = z.object({
  /**
   * The point MLflow reports as the metric's value: the greatest (step, timestamp, value). On a
   * (step, timestamp) tie with a NaN, file stores keep the point logged first (Python's tuple
   * max) and SQL stores compare NaN as the stored 0 (`latest_metrics`); each reader follows its store.
   */
  latest: PointSchema,
  /** Every logged point, sorted by step then timestamp (repeated steps kept). */
  history: HistorySchema,
});

export const InputSchema = z.object({
  /** Dataset name. */
  name: z.string(),
  /** Dataset digest (MLflow's content hash). */
  digest: z.string(),
  /** Where the dataset came from: `local`, `code`, `s3`, `hugging_face`, … */
  sourceType: z.string().optional(),
  /** The source description (usually JSON), as MLflow stored it. */
  source: z.string().optional(),
  /** The dataset schema (usually JSON, e.g. `mlflow_colspec`). */
  schema: z.string().optional(),
  /** The dataset profile (usually JSON: row counts…). */
  profile: z.string().optional(),
  /** The input's role for this run (tag `mlflow.data.context`: `train`, `eval`, …). */
  context: z.string().optional(),
});

export const ArtifactSchema = z.object({
  /** Path relative to the run's artifact root, `/`-separated. */
  path: z.string(),
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
});

export const LoggedModelSchema = z.object({
  /** MLflow 3 logged-model id (`m-…`). */
  id: z.string(),
  /** The name given at logging time (often `model`). */
  name: z.string(),
  /** When the model was logged, epoch ms. */
  creationTime: EpochMs.optional(),
  /** MLflow's LoggedModelStatus: UNSPECIFIED, PENDING, READY or FAILED. */
  status: z.string().optional(),
});

export const RunStatusSchema = z.enum(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']);
export const LifecycleStageSchema = z.enum(['active', 'deleted']);

export const RunSchema = z.object({
  /** The run id (32 hex digits for MLflow). */
  id: z.string().min(1),
  /** Id of the experiment the run belongs to. */
  experimentId: z.string().min(1),
  /** Display name: `run_name`, else tag `mlflow.runName`, else the legacy `name:`; may be empty. */
  name: z.string(),
  /** Run status, as MLflow names it. */
  status: RunStatusSchema,
  /** `deleted` once the run was deleted (soft delete). */
  lifecycleStage: LifecycleStageSchema,
  /** Start of the run, epoch ms. */
  startTime: EpochMs.optional(),
  /** End of the run, epoch ms (absent while running or when killed abruptly). */
  endTime: EpochMs.optional(),
  /** Who ran it (`user_id`, else tag `mlflow.user`). */
  user: z.string().optional(),
  /** Parent run of a nested run (tag `mlflow.parentRunId`). */
  parentId: z.string().optional(),
  /** Where the run's artifacts live, as recorded (never dereferenced outside the store). */
  artifactUri: z.string().optional(),
  /** The run's note, Markdown (tag `mlflow.note.content`). Untrusted. */
  description: z.string().optional(),
  /** Parameters, key → value. */
  params: StringMap,
  /** Tags, key → value, system (`mlflow.*`) tags included. */
  tags: StringMap,
  /** Metrics by key; a key with `/` (`train/loss`) is one key. */
  metrics: z.record(z.string(), MetricSchema),
  /** Datasets the run consumed. */
  inputs: z.array(InputSchema),
  /** Files found in the run's artifact folder when it lies inside the store. */
  artifacts: z.array(ArtifactSchema),
  /** MLflow 3 logged models the run produced. */
  loggedModels: z.array(LoggedModelSchema).default([]),
  /**
   * Which tracker logged the run and the file (or folder) it was read from, store-relative and
   * prefixed with the store's label like warning paths (`runs/lightning_logs/version_0`). Set by
   * the TensorBoard and W&B readers; absent for MLflow runs, whose store says it.
   */
  provenance: z.object({ tracker: z.enum(['tensorboard', 'wandb']), path: z.string() }).optional(),
});

export const ExperimentSchema = z.object({
  /** Experiment id; ids from a second store that collide get that store's label as prefix. */
  id: z.string().min(1),
  /** Experiment name (may contain `/`, e.g. `/Shared/YOLOv8`). */
  name: z.string(),
  /** `deleted` when deleted (for file stores: when it lies in `.trash/`). */
  lifecycleStage: LifecycleStageSchema,
  /** Default artifact location for the experiment's runs, as recorded. */
  artifactLocation: z.string().optional(),
  /** When the experiment was created, epoch ms (absent before MLflow 1.x recorded it). */
  creationTime: EpochMs.optional(),
  /** Last update, epoch ms. */
  lastUpdateTime: EpochMs.optional(),
  /** Experiment tags. */
  tags: StringMap,
  /** The experiment's note, Markdown (tag `mlflow.note.content`). Untrusted. */
  description: z.string().optional(),
  /** Label of the store this experiment came from, set when several stores are merged. */
  origin: z.string().optional(),
});

export const ModelVersionSchema = z.object({
  /** Version number, as a string (`"3"`). */
  version: z.string(),
  /** Stage: `None`, `Staging`, `Production`, `Archived` (deprecated by MLflow since 2.9). */
  stage: z.string(),
  /** READY, PENDING_REGISTRATION or FAILED_REGISTRATION. */
  status: z.string(),
  /** The run that produced the model, if known. */
  runId: z.string().optional(),
  /** The model's source URI (`runs:/…/model`, `models:/m-…`, a path). */
  source: z.string().optional(),
  /** Version description, Markdown. Untrusted. */
  description: z.string().optional(),
  /** When the version was created, epoch ms. */
  creationTime: EpochMs.optional(),
  /** Last update, epoch ms. */
  lastUpdatedTime: EpochMs.optional(),
  /** Version tags. */
  tags: StringMap,
});

export const RegisteredModelSchema = z.object({
  /** Registered model name. */
  name: z.string().min(1),
  /** Description, Markdown. Untrusted. */
  description: z.string().optional(),
  /** When the model was registered, epoch ms. */
  creationTime: EpochMs.optional(),
  /** Last update, epoch ms. */
  lastUpdatedTime: EpochMs.optional(),
  /** Model tags (a prompt of MLflow 3's prompt registry carries `mlflow.prompt.is_prompt`). */
  tags: StringMap,
  /** Alias → version number (`champion` → `"3"`). */
  aliases: z.record(z.string(), z.string()),
  /** Versions, oldest first; deleted versions are hidden as MLflow hides them. */
  versions: z.array(ModelVersionSchema),
});

export const WarningSchema = z.object({
  /**
   * Where the defect is, prefixed with the store's label: a store-relative file path for file
   * stores (`mlruns/0/<run>/meta.yaml`), `<table>/<run id>[/<key>]` for databases (`mlflow.db/metrics/<run>/loss`).
   */
  path: z.string(),
  /** What is wrong and what was done about it. */
  message: z.string(),
});

export const SnapshotSchema = z.object({
  /** Format marker, for readers of exported files. */
  format: z.literal(SNAPSHOT_FORMAT),
  /** Experiments, sorted by id (numeric ids numerically). */
  experiments: z.array(ExperimentSchema),
  /** Runs, sorted by experimentId, startTime, id. */
  runs: z.array(RunSchema),
  /** Registered models, sorted by name. */
  models: z.array(RegisteredModelSchema),
  /** What was skipped or repaired while reading, sorted by path. */
  warnings: z.array(WarningSchema),
});

export type MetricValue = z.infer<typeof MetricValueSchema>;
export type Point = z.infer<typeof PointSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type RunInput = z.infer<typeof InputSchema>;
export type Artifact = z.infer<typeof ArtifactSchema>;
export type LoggedModel = z.infer<typeof LoggedModelSchema>;
export type RunStatus = z.infer<typeof RunStatusSchema>;
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;
export type Run = z.infer<typeof RunSchema>;
export type Experiment = z.infer<typeof ExperimentSchema>;
export type ModelVersion = z.infer<typeof ModelVersionSchema>;
export type RegisteredModel = z.infer<typeof RegisteredModelSchema>;
export type SnapshotWarning = z.infer<typeof WarningSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;


export { metricNumber, metricValue } from './metric-value.ts';
