/**
 * A deliberately small, independent reading of an mlruns folder for tests that check analyses
 * against the raw files: run meta.yaml (id, start time, lifecycle, name), whether the experiment
 * lies in `.trash/`, and each metric file's latest value computed here as MLflow's file store does
 * (`max` over (step, timestamp, value), file_store.py `_get_metric_from_file`). It shares no code
 * with src/lib/read, so a reader bug cannot hide in both.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface RawRun {
  id: string;
  experimentId: string;
  name: string;
  startTime: number | null;
  /** The run's own lifecycle_stage, or deleted when its experiment is in `.trash/`. */
  deleted: boolean;
  /** Metric key (`/`-joined path under metrics/) → latest value. */
  metrics: Map<string, number>;
  params: Map<string, string>;
  parentId: string | null;
}

export function readRawRuns(root: string): RawRun[] {
  const runs: RawRun[] = [];
  const experimentDirs = (dir: string, trashed: boolean) =>
    existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).map((n) => ({ dir: join(dir, n), trashed })) : [];
  for (const { dir, trashed } of [...experimentDirs(root, false), ...experimentDirs(join(root, '.trash'), true)]) {
    for (const name of readdirSync(dir)) {
      const meta = join(dir, name, 'meta.yaml');
      if (!existsSync(meta) || statSync(meta).size === 0) continue;
      const info = parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
      runs.push({
        id: String(info.run_id ?? info.run_uuid),
        experimentId: String(info.experiment_id),
        name: String(info.run_name ?? info.name ?? ''),
        startTime: typeof info.start_time === 'number' ? info.start_time : null,
        deleted: trashed || info.lifecycle_stage === 'deleted',
        metrics: new Map([...files(join(dir, name, 'metrics'))].map(([key, text]) => [key, latestValue(text)])),
        params: files(join(dir, name, 'params')),
        parentId: files(join(dir, name, 'tags')).get('mlflow.parentRunId') ?? null,
      });
    }
  }
  return runs;
}

/** Every file under `dir`, by `/`-joined relative path. */
function files(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of files(path, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, readFileSync(path, 'utf8'));
  }
  return out;
}

/** Python float(): `nan`, `inf`, `-inf`, `Infinity` in any case. */
function pyFloat(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === 'infinity' || t === '+inf') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return Number(t);
}

/** Lines `timestamp value [step]`: the value of the greatest (step, timestamp, value), first seen on ties. */
function latestValue(text: string): number {
  let best: [number, number, number] | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [ts, value, step = '0'] = line.trim().split(' ');
    const point: [number, number, number] = [Number(step), Number(ts), pyFloat(value as string)];
    if (best === undefined || tupleGreater(point, best)) best = point;
  }
  return best?.[2] ?? NaN;
}

function tupleGreater(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number);
  return false;
}
