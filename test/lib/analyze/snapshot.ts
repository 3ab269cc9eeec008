/**
 * Small Snapshots for the analysis specification tests. A metric is given as its latest value
 * (one point at step 0) or as its points in logging order; `latest` follows MLflow's rule
 * (read/metric-points.ts). Experiments default to one active experiment per id used by a run.
 */
import type { Experiment, MetricValue, Point, Run, Snapshot } from '../../../src/lib/model.ts';
import { toMetric } from '../../../src/lib/read/metric-points.ts';
import { buildTables, type RunTables } from '../../../src/lib/analyze/tables.ts';

export interface TestRun {
  id: string;
  experimentId?: string;
  name?: string;
  status?: Run['status'];
  lifecycleStage?: Run['lifecycleStage'];
  startTime?: number;
  endTime?: number;
  user?: string;
  parentId?: string;
  metrics?: Record<string, MetricValue | Point[]>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
}

export function makeRun(spec: TestRun): Run {
  const metrics: Run['metrics'] = {};
  for (const [key, value] of Object.entries(spec.metrics ?? {})) {
    const points = Array.isArray(value) ? value : [{ step: 0, timestamp: 0, value }];
    const metric = toMetric([...points]);
    if (metric) metrics[key] = metric;
  }
  const run: Run = {
    id: spec.id,
    experimentId: spec.experimentId ?? '1',
    name: spec.name ?? spec.id,
    status: spec.status ?? 'FINISHED',
    lifecycleStage: spec.lifecycleStage ?? 'active',
    params: spec.params ?? {},
    tags: spec.tags ?? {},
    metrics,
    inputs: [],
    artifacts: [],
    loggedModels: [],
  };
  if (spec.startTime !== undefined) run.startTime = spec.startTime;
  if (spec.endTime !== undefined) run.endTime = spec.endTime;
  if (spec.user !== undefined) run.user = spec.user;
  if (spec.parentId !== undefined) run.parentId = spec.parentId;
  return run;
}

export function makeSnapshot(runs: TestRun[], experiments?: Partial<Experiment>[]): Snapshot {
  const ids = [...new Set(runs.map((r) => r.experimentId ?? '1'))];
  const given: Partial<Experiment>[] = experiments ?? ids.map((id) => ({ id }));
  return {
    format: 'runfolio.snapshot/1',
    experiments: given.map((e) => ({ id: e.id ?? '1', name: e.name ?? `exp-${e.id}`, lifecycleStage: e.lifecycleStage ?? 'active', tags: {} })),
    runs: runs.map(makeRun),
    models: [],
    warnings: [],
  };
}

export function makeTables(runs: TestRun[], experiments?: Partial<Experiment>[]): RunTables {
  return buildTables(makeSnapshot(runs, experiments));
}
