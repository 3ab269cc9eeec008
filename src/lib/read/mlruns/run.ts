/**
 * One run folder of a file store. Rules, after file_store.py and the fixtures' README:
 * - id: `run_id`, else `run_uuid`; a run whose `experiment_id` is not its experiment's is skipped;
 * - name: `run_name`, else tag `mlflow.runName`, else the legacy `name:` (MLflow ≤ 1.28);
 * - status: integer codes 1–5 (missing → RUNNING); lifecycle missing → active;
 * - params, tags, metrics: one file per key, keys with `/` as sub-folders;
 * - metric lines that are not points are skipped with a warning; a metric file with no points is
 *   skipped (MLflow raises "malformed" and fails the whole run; we keep the run);
 * - inputs point at the experiment's datasets; a dangling one is skipped with a warning;
 * - artifacts: only the run's `artifacts/` folder inside the store is listed (path and size),
 *   never a URI outside it, never a file's contents.
 *
 * Reading is split in two so it can run on worker threads: `readRunParts` does the file work and
 * returns plain data with metric columns (structured-cloneable, buffers transferable);
 * `assembleRun` makes the Snapshot's Run from it.
 */
import { lstatSync } from 'node:fs';
import type { Run, RunInput } from '../../model.ts';
import { setOwn } from '../../order.ts';
import { listDir, readText, walkFiles } from '../fs.ts';
import { metricFromColumns, type MetricColumns } from '../metric-points.ts';
import type { Warnings } from '../warnings.ts';
import { child, readMeta, readValueFolder, type StoreDir } from './files.ts';
import { InputMetaSchema, RunMetaSchema } from './meta-schemas.ts';
import { parseMetricFile } from './metric-file.ts';
import { systemFields } from '../system-tags.ts';


/** A dataset of the experiment, by the id run inputs use. */
export type DatasetsById = Record<string, Omit<RunInput, 'context'>>;

/** A run as read from its folder, before its metrics become points. */
export type RunParts = Omit<Run, 'metrics' | 'loggedModels'> & { metrics: Record<string, MetricColumns> };

export function readRunParts(dir: StoreDir, experimentId: string, datasets: DatasetsById, warnings: Warnings): RunParts | undefined {
  // One listing tells which parts exist: probing absent folders costs an exception each.
  const present = new Set((listDir(dir.abs) ?? []).filter((e) => e.isDirectory() || e.isFile()).map((e) => e.name));
  if (!present.has('meta.yaml')) {
    warnings.add(dir.rel, 'folder without meta.yaml; run skipped');
    return undefined;
  }
  const meta = readMeta(dir, RunMetaSchema, 'run', warnings);
  if (!meta) return undefined;
  const id = (meta.run_id || meta.run_uuid) as string;
  if (meta.experiment_id !== experimentId) {
    warnings.add(`${dir.rel}/meta.yaml`, `experiment_id is ${JSON.stringify(meta.experiment_id)}, not its experiment's ${JSON.stringify(experimentId)}; run skipped`);
    return undefined;
  }
  const folderName = dir.rel.split('/').pop();
  if (id !== folderName) warnings.add(`${dir.rel}/meta.yaml`, `run id ${id} differs from its folder name; the id in meta.yaml is used`);

  const tags = present.has('tags') ? readValueFolder(child(dir, 'tags'), 'tag', warnings) : {};
  return {
    id,
    experimentId: meta.experiment_id,
    ...systemFields({ names: [meta.run_name, meta.name], userId: meta.user_id }, tags),
    status: meta.status,
    lifecycleStage: meta.lifecycle_stage,
    startTime: meta.start_time,
    endTime: meta.end_time,
    artifactUri: meta.artifact_uri,
    params: present.has('params') ? readValueFolder(child(dir, 'params'), 'param', warnings) : {},
    tags,
    metrics: present.has('metrics') ? readMetrics(child(dir, 'metrics'), warnings) : {},
    inputs: present.has('inputs') ? readInputs(child(dir, 'inputs'), datasets, warnings) : [],
    artifacts: present.has('artifacts') ? listArtifacts(child(dir, 'artifacts'), warnings) : [],
  };
}

/** The Snapshot's Run: metric columns become points (latest and sorted history), logged models attach. */
export function assembleRun(parts: RunParts, loggedModels: Run['loggedModels']): Run {
  const metrics: Run['metrics'] = {};
  for (const [key, columns] of Object.entries(parts.metrics)) {
    const metric = metricFromColumns(columns);
    if (metric) setOwn(metrics, key, metric);
  }
  return { ...parts, metrics, loggedModels };
}

function readMetrics(dir: StoreDir, warnings: Warnings): Record<string, MetricColumns> {
  const metrics: Record<string, MetricColumns> = {};
  const files = walkFiles(dir.abs, (rel) => warnings.add(`${dir.rel}/${rel}`, 'symbolic link not followed'));
  for (const file of files) {
    const rel = `${dir.rel}/${file.path}`;
    const text = readText(file.abs);
    if (!text.ok) {
      warnings.add(rel, `${text.message}; metric skipped`);
      continue;
    }
    const { columns, badLines } = parseMetricFile(text.text);
    for (const bad of badLines) {
      warnings.add(`${rel}:${bad.line}`, `expected "timestamp value step" (integers and a number), got ${JSON.stringify(bad.text)}; line skipped`);
    }
    if (columns.steps.length > 0) setOwn(metrics, file.path, columns);
    else warnings.add(rel, badLines.length === 0 ? 'no data points; metric skipped' : 'no valid data points; metric skipped');
  }
  return metrics;
}

function readInputs(dir: StoreDir, datasets: DatasetsById, warnings: Warnings): RunInput[] {
  const inputs: RunInput[] = [];
  for (const entry of listDir(dir.abs) ?? []) {
    if (!entry.isDirectory()) continue;
    const meta = readMeta(child(dir, entry.name), InputMetaSchema, 'input', warnings);
    if (!meta || meta.source_type !== 'DATASET') continue;
    const dataset = Object.hasOwn(datasets, meta.source_id) ? datasets[meta.source_id] : undefined;
    if (!dataset) {
      warnings.add(`${dir.rel}/${entry.name}/meta.yaml`, `dataset ${meta.source_id} is not in the experiment's datasets/; input skipped`);
      continue;
    }
    const context = meta.tags?.['mlflow.data.context'];
    inputs.push({ ...dataset, context: context == null ? undefined : String(context) });
  }
  return inputs;
}

function listArtifacts(dir: StoreDir, warnings: Warnings): Run['artifacts'] {
  const files = walkFiles(dir.abs, (rel) => warnings.add(`${dir.rel}/${rel}`, 'symbolic link not followed'));
  return files.map((file) => ({ path: file.path, size: lstatSync(file.abs).size }));
}
