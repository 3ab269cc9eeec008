/**
 * Reader for MLflow file stores (`mlruns/`), MLflow 1.x to 3.x, tracking data and model registry.
 *
 * Policy — what skips a record with a warning (the rest is still published):
 * - an experiment or run folder whose meta.yaml is missing, empty, truncated, not YAML, not a
 *   mapping, an alias bomb, or has a wrong value (ids, times, status): that experiment or run;
 * - a param/tag file that is not UTF-8: that param or tag; a metric line that is not a point:
 *   that line; a metric file without points: that metric;
 * - a dataset input whose dataset is missing, a registry alias to a missing version: that entry;
 * - symbolic links: never followed (they may leave the store or loop), reported once each.
 * What aborts: nothing inside the store; a root that cannot be listed is an InputError from detect.
 * The store is only read: no file is created, changed or locked.
 */
import { listDir } from '../fs.ts';
import type { ReadOptions, StoreContents } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { readExperiment, type ExperimentFolder } from './experiment.ts';
import { child, type StoreDir } from './files.ts';
import { readRegistry } from './registry.ts';
import { readRuns } from './runs.ts';

const TRASH = '.trash';
const REGISTRY = 'models';

export async function readMlruns(root: string, label: string, options: ReadOptions = {}): Promise<StoreContents> {
  const warnings = new Warnings(label);
  const top: StoreDir = { abs: root, rel: '' };
  const candidates = experimentCandidates(top, warnings);
  const folders = candidates
    .map((c) => readExperiment(c.dir, c.inTrash, warnings))
    .filter((f): f is ExperimentFolder => f !== undefined);

  const runs = await readRuns(folders, warnings, options);

  noteTraces(folders, warnings);
  const models = readRegistry(child(top, REGISTRY), warnings);
  return { experiments: folders.map((f) => f.experiment), runs, models, warnings: warnings.list };
}

function experimentCandidates(top: StoreDir, warnings: Warnings): { dir: StoreDir; inTrash: boolean }[] {
  const out: { dir: StoreDir; inTrash: boolean }[] = [];
  for (const entry of listDir(top.abs) ?? []) {
    if (entry.isSymbolicLink()) warnings.add(entry.name, 'symbolic link not followed');
    else if (!entry.isDirectory() || entry.name === REGISTRY) continue;
    else if (entry.name !== TRASH) out.push({ dir: child(top, entry.name), inTrash: false });
  }
  const trash = child(top, TRASH);
  for (const entry of listDir(trash.abs) ?? []) {
    if (entry.isSymbolicLink()) warnings.add(`${TRASH}/${entry.name}`, 'symbolic link not followed');
    else if (entry.isDirectory()) out.push({ dir: child(trash, entry.name), inTrash: true });
  }
  return out;
}

/** Traces (MLflow 3 GenAI) are not published; say how many were left out, per experiment. */
function noteTraces(folders: ExperimentFolder[], warnings: Warnings): void {
  for (const folder of folders) {
    const traces = listDir(child(folder.dir, 'traces').abs);
    const count = traces?.filter((t) => t.isDirectory()).length ?? 0;
    if (count > 0) warnings.add(`${folder.dir.rel}/traces`, `${count} trace${count === 1 ? '' : 's'} not published (Runfolio publishes runs)`);
  }
}
