/**
 * The last step of every read: cross-record checks, deterministic order, and one validation of
 * the whole Snapshot against the schema of model.ts (a reader bug becomes a clear error here,
 * never a wrong page later).
 */
import { InputError } from '../errors.ts';
import { SNAPSHOT_FORMAT, SnapshotSchema, type Run, type Snapshot } from '../model.ts';
import { compareIds, compareOptionalNumbers, compareStrings, sortedRecord } from '../order.ts';
import type { StoreContents } from './types.ts';

export function finalizeSnapshot(contents: StoreContents): Snapshot {
  const warnings = [...contents.warnings, ...danglingReferences(contents)];
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    experiments: [...contents.experiments]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((e) => ({ ...e, tags: sortedRecord(e.tags) })),
    runs: [...contents.runs].sort(compareRuns).map(sortRunRecords),
    models: [...contents.models]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((m) => ({
        ...m,
        tags: sortedRecord(m.tags),
        aliases: sortedRecord(m.aliases),
        versions: [...m.versions].sort((a, b) => compareIds(a.version, b.version)).map((v) => ({ ...v, tags: sortedRecord(v.tags) })),
      })),
    warnings: warnings.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.message, b.message)),
  };
  const parsed = SnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`the store produced an invalid snapshot at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

function compareRuns(a: Run, b: Run): number {
  return compareIds(a.experimentId, b.experimentId) || compareOptionalNumbers(a.startTime, b.startTime) || compareStrings(a.id, b.id);
}

function sortRunRecords(run: Run): Run {
  return {
    ...run,
    params: sortedRecord(run.params),
    tags: sortedRecord(run.tags),
    metrics: sortedRecord(run.metrics),
    inputs: [...run.inputs].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.digest, b.digest) || compareStrings(a.context ?? '', b.context ?? '')),
    artifacts: [...run.artifacts].sort((a, b) => compareStrings(a.path, b.path)),
    loggedModels: [...run.loggedModels].sort((a, b) => compareStrings(a.id, b.id)),
  };
}

/** References that point nowhere: runs of unknown experiments, parents and model sources not in the store. */
function danglingReferences(contents: StoreContents): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const experimentIds = new Set(contents.experiments.map((e) => e.id));
  const runIds = new Set(contents.runs.map((r) => r.id));
  for (const run of contents.runs) {
    if (!experimentIds.has(run.experimentId)) out.push({ path: `runs/${run.id}`, message: `experiment ${run.experimentId} is not in the store` });
    if (run.parentId && !runIds.has(run.parentId)) out.push({ path: `runs/${run.id}`, message: `parent run ${run.parentId} is not in the store; shown as a top-level run` });
  }
  for (const model of contents.models) {
    for (const version of model.versions) {
      if (version.runId && !runIds.has(version.runId)) {
        out.push({ path: `models/${model.name}/version-${version.version}`, message: `source run ${version.runId} is not in the store; the version is listed without a link` });
      }
    }
  }
  return out;
}
