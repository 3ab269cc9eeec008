/**
 * RUN references of the command line (DESIGN.md): a run id, a unique prefix of one,
 * `EXPERIMENT/RUN_NAME` (experiment by name or id), `models:/NAME/VERSION` or `models:/NAME@ALIAS`
 * (the run a registered model version was made from). An unknown or ambiguous reference is a
 * UsageError that says what matched.
 */
import { UsageError } from '../errors.ts';
import type { Run, Snapshot } from '../model.ts';

export function resolveRun(snapshot: Pick<Snapshot, 'runs' | 'experiments' | 'models'>, ref: string): Run {
  const models = /^models:\/(.+?)(?:\/(\d+)|@([^/]+))$/.exec(ref);
  if (models) return byModel(snapshot, ref, models[1] as string, models[2], models[3]);
  const exact = snapshot.runs.find((r) => r.id === ref);
  if (exact) return exact;
  const byPrefix = ref.length >= 4 ? snapshot.runs.filter((r) => r.id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return byPrefix[0] as Run;
  if (byPrefix.length > 1) throw new UsageError(`run ${JSON.stringify(ref)} is ambiguous: ${byPrefix.length} runs start with it (${byPrefix.slice(0, 3).map((r) => r.id).join(', ')}…)`);
  // Experiment names and run names may both hold `/` (`/Shared/YOLO`, a TensorBoard run
  // `strict/run_1`): every split point is tried.
  const named: Run[] = [];
  for (let slash = ref.indexOf('/', 1); slash > 0; slash = ref.indexOf('/', slash + 1)) {
    const experiment = ref.slice(0, slash);
    const name = ref.slice(slash + 1);
    const ids = new Set(snapshot.experiments.filter((e) => e.name === experiment || e.id === experiment).map((e) => e.id));
    named.push(...snapshot.runs.filter((r) => ids.has(r.experimentId) && r.name === name && r.lifecycleStage === 'active'));
  }
  if (named.length === 1) return named[0] as Run;
  if (named.length > 1) throw new UsageError(`run ${JSON.stringify(ref)} is ambiguous: ${named.length} runs of that experiment have that name; use a run id`);
  throw new UsageError(`no run matches ${JSON.stringify(ref)} (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS)`);
}

function byModel(snapshot: Pick<Snapshot, 'runs' | 'models'>, ref: string, name: string, version: string | undefined, alias: string | undefined): Run {
  const model = snapshot.models.find((m) => m.name === name);
  if (!model) throw new UsageError(`${ref}: no registered model named ${JSON.stringify(name)}`);
  const wanted = version ?? model.aliases[alias as string];
  if (wanted === undefined) throw new UsageError(`${ref}: model ${JSON.stringify(name)} has no alias ${JSON.stringify(alias)} (aliases: ${Object.keys(model.aliases).join(', ') || 'none'})`);
  const found = model.versions.find((v) => v.version === wanted);
  if (!found) throw new UsageError(`${ref}: model ${JSON.stringify(name)} has no version ${wanted}`);
  const run = found.runId ? snapshot.runs.find((r) => r.id === found.runId) : undefined;
  if (!run) throw new UsageError(`${ref}: version ${wanted} of ${JSON.stringify(name)} was not made from a run in the store`);
  return run;
}
