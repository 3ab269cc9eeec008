/**
 * Small Snapshot runs for the search specification tests: the fields MLflow's tests set
 * (RunInfo, RunData, RunInputs) and nothing else. Metric values are the latest values.
 */
import type { MetricValue, Run, RunInput } from '../../../../src/lib/model.ts';

export interface RunSpec {
  id: string;
  startTime?: number;
  endTime?: number;
  status?: Run['status'];
  lifecycleStage?: Run['lifecycleStage'];
  name?: string;
  user?: string;
  artifactUri?: string;
  metrics?: Record<string, MetricValue>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  inputs?: RunInput[];
}

export function makeRun(spec: RunSpec): Run {
  const metrics: Run['metrics'] = {};
  for (const [key, value] of Object.entries(spec.metrics ?? {})) {
    const point = { step: 0, timestamp: 0, value };
    metrics[key] = { latest: point, history: [point] };
  }
  return {
    id: spec.id,
    experimentId: '0',
    name: spec.name ?? '',
    status: spec.status ?? 'FINISHED',
    lifecycleStage: spec.lifecycleStage ?? 'active',
    startTime: spec.startTime ?? 0,
    endTime: spec.endTime,
    user: spec.user,
    artifactUri: spec.artifactUri,
    params: spec.params ?? {},
    tags: spec.tags ?? {},
    metrics,
    inputs: spec.inputs ?? [],
    artifacts: [],
    loggedModels: [],
  };
}

export function ids(runs: readonly Run[]): string[] {
  return runs.map((run) => run.id);
}
