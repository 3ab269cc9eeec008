/**
 * Pieces shared by the demo experiments: the team, the clock, source tags, datasets and the
 * files MLflow 2.x's `log_model` leaves in a run (`model/MLmodel`, `model/requirements.txt`,
 * tag `mlflow.log-model.history`). Times are fixed UTC instants, never the machine's clock.
 */
import type { Prng } from '../prng.ts';
import type { ArtifactFileSpec, DatasetSpec, MetricPointSpec, RunSpec } from '../store-spec.ts';

export const MLFLOW_VERSION = '2.20.2';

/** Epoch ms of a UTC date and time in 2025. */
export function at(month: number, day: number, hour: number, minute = 0, second = 0): number {
  return Date.UTC(2025, month - 1, day, hour, minute, second);
}

export const USERS = { maya: 'maya', tomas: 'tomas', priya: 'priya' } as const;

/** The tags MLflow's context providers set on every run started from a git checkout. */
export function sourceTags(user: string, script: string, commit: string): Record<string, string> {
  return {
    'mlflow.source.name': `/home/${user}/${script}`,
    'mlflow.source.type': 'LOCAL',
    'mlflow.source.git.commit': commit,
  };
}

/**
 * JSON as Python's `json.dumps` writes it (MLflow serialises dataset sources, schemas, profiles
 * and the log-model history with it): `", "` and `": "` separators, non-ASCII escaped.
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return JSON.stringify(value);
}

/** NumPy dataset as `mlflow.data.from_numpy` describes it (tensor schema, shape profile). */
export function numpyDataset(name: string, digest: string, uri: string, rows: number): DatasetSpec {
  const tensor = (dtype: string, shape: number[]): string =>
    pythonJson([{ type: 'tensor', 'tensor-spec': { dtype, shape } }]);
  return {
    name,
    digest,
    sourceType: 's3',
    source: pythonJson({ uri }),
    schema: pythonJson({ mlflow_tensorspec: { features: tensor('uint8', [-1, 32, 32, 3]), targets: tensor('int64', [-1]) } }),
    profile: pythonJson({ features_shape: [rows, 32, 32, 3], features_size: rows * 3072, features_nbytes: rows * 3072, targets_shape: [rows], targets_size: rows, targets_nbytes: rows * 8 }),
  };
}

/** pandas dataset as `mlflow.data.from_pandas` describes it (column schema, row profile). */
export function pandasDataset(name: string, digest: string, path: string, rows: number, columns: [string, string][]): DatasetSpec {
  return {
    name,
    digest,
    sourceType: 'local',
    source: pythonJson({ uri: path }),
    schema: pythonJson({ mlflow_colspec: columns.map(([col, type]) => ({ type, name: col, required: true })) }),
    profile: pythonJson({ num_rows: rows, num_elements: rows * columns.length }),
  };
}

export interface LoggedModelFlavor {
  /** MLflow flavor name (`pytorch`, `xgboost`, `sklearn`, `lightgbm`). */
  flavor: string;
  /** The flavor's own MLmodel section. */
  section: Record<string, string | null>;
  /** Pinned requirements besides mlflow. */
  requirements: string[];
  sizeBytes: number;
}

/** What `mlflow.<flavor>.log_model(model, "model")` adds to a run: two files and a tag. */
export function logModel(rng: Prng, runId: string, createdAt: number, f: LoggedModelFlavor): { artifacts: ArtifactFileSpec[]; tags: Record<string, string> } {
  const modelUuid = rng.hex(32);
  const created = new Date(createdAt).toISOString().replace('T', ' ').replace('Z', '').padEnd(26, '0');
  const mlmodel = [
    'artifact_path: model',
    'flavors:',
    '  python_function:',
    '    env:',
    '      conda: conda.yaml',
    '      virtualenv: python_env.yaml',
    `    loader_module: mlflow.${f.flavor}`,
    '    python_version: 3.11.9',
    `  ${f.flavor}:`,
    ...Object.entries(f.section).map(([k, v]) => `    ${k}: ${v ?? 'null'}`),
    `mlflow_version: ${MLFLOW_VERSION}`,
    `model_size_bytes: ${f.sizeBytes}`,
    `model_uuid: ${modelUuid}`,
    `run_id: ${runId}`,
    `utc_time_created: '${created}'`,
    '',
  ].join('\n');
  const history = [{
    run_id: runId,
    artifact_path: 'model',
    utc_time_created: created,
    model_uuid: modelUuid,
    flavors: { python_function: { loader_module: `mlflow.${f.flavor}`, python_version: '3.11.9' }, [f.flavor]: f.section },
    mlflow_version: MLFLOW_VERSION,
    model_size_bytes: f.sizeBytes,
  }];
  return {
    artifacts: [
      { path: 'model/MLmodel', content: mlmodel },
      { path: 'model/requirements.txt', content: [`mlflow==${MLFLOW_VERSION}`, ...f.requirements, ''].join('\n') },
    ],
    tags: { 'mlflow.log-model.history': pythonJson(history) },
  };
}

/** The value MLflow reports for a metric: the last logged point (histories here are step-ordered). */
export function last(run: RunSpec, key: string): number {
  const points: MetricPointSpec[] | undefined = run.metrics?.[key];
  const point = points?.at(-1);
  if (!point) throw new Error(`demo: run ${run.name} has no metric ${key}`);
  return point.value;
}

/** The largest finite value of a metric. */
export function best(run: RunSpec, key: string): number {
  return Math.max(...(run.metrics?.[key] ?? []).map((p) => p.value).filter(Number.isFinite));
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
