/**
 * RUN references of `runfolio compare`, over one or more labelled stores:
 * - everything analyze/resolve-run.ts resolves: a run id, a unique prefix, `EXPERIMENT/RUN_NAME`,
 *   `models:/NAME/VERSION`, `models:/NAME@ALIAS`;
 * - `best:EXPERIMENT` — the best run of an experiment (name or id) by its primary metric (the
 *   one experiment pages rank by), or `best:EXPERIMENT?metric=KEY` by a named one, optionally
 *   `&direction=asc|desc` (default: from the name, lower loss is better). Finished runs only,
 *   unless none finished; ties as leaderboards break them (start time, then run id);
 * - `LABEL:REF` — REF resolved in the store given as `--store LABEL=PATH` only. A prefix is a
 *   label only when such a label was given, so experiment names holding `:` still work.
 * Without a label, a reference is resolved in every store: one match (or the same run id in
 * several stores: the first store's) is the run; different runs in different stores are
 * ambiguous. Problems are UsageErrors (exit 2) saying what matched.
 */
import { leaderboard } from '../analyze/rank.ts';
import { resolveRun } from '../analyze/resolve-run.ts';
import { buildTables } from '../analyze/tables.ts';
import { UsageError } from '../errors.ts';
import type { Run, Snapshot } from '../model.ts';
import { compareIds } from '../order.ts';
import { experimentMetricRanking } from '../analyze/relevance.ts';
import type { ChosenRun } from './comparison.ts';

export interface LabelledStore {
  /** `main` for `--store main=PATH`; the path as given otherwise. */
  label: string;
  /** Whether the user gave the label (only given labels work as `LABEL:` prefixes). */
  given: boolean;
  snapshot: Snapshot;
}

/** Words a label cannot be: they start other RUN forms. */
const RESERVED_LABELS = new Set(['models', 'best', 'runs', 'file', 'sqlite', 'http', 'https']);

/** `--store main=path/mlruns` → label and path; a plain path has no label. */
export function parseStoreArgument(text: string): { label?: string; path: string } {
  const match = /^([A-Za-z][A-Za-z0-9_.-]*)=(.+)$/.exec(text);
  if (!match) return { path: text };
  const label = match[1] as string;
  if (RESERVED_LABELS.has(label)) throw new UsageError(`--store ${text}: "${label}" cannot be a store label (it starts other RUN forms); choose another`);
  return { label, path: match[2] as string };
}

export function resolveChosen(stores: readonly LabelledStore[], ref: string): ChosenRun {
  const colon = ref.indexOf(':');
  const labelled = colon > 0 ? stores.find((s) => s.given && s.label === ref.slice(0, colon)) : undefined;
  if (labelled) return chosen(labelled, ref, ref.slice(colon + 1));
  const found: ChosenRun[] = [];
  const errors: UsageError[] = [];
  for (const store of stores) {
    try {
      found.push(chosen(store, ref, ref));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      errors.push(error);
    }
  }
  const ids = new Set(found.map((f) => f.run.id));
  if (ids.size === 1) return found[0] as ChosenRun;
  if (ids.size > 1) {
    const where = found.map((f) => `${f.store} (${f.run.id})`).join(', ');
    throw new UsageError(`run ${JSON.stringify(ref)} matches different runs in several stores: ${where}; put the store's label in front, e.g. ${JSON.stringify(`${found[0]?.store}:${ref}`)} with --store LABEL=PATH`);
  }
  // Ambiguity inside one store says more than "no match" elsewhere.
  const ambiguous = errors.find((e) => /ambiguous/.test(e.message));
  if (stores.length === 1 || ambiguous) throw ambiguous ?? errors[0] ?? new UsageError(`no run matches ${JSON.stringify(ref)}`);
  throw new UsageError(`no run matches ${JSON.stringify(ref)} in any store (${stores.map((s) => s.label).join(', ')}): ${errors[0]?.message}`);
}

function chosen(store: LabelledStore, ref: string, local: string): ChosenRun {
  const { snapshot } = store;
  const best = /^best:(.+?)(?:\?(.*))?$/s.exec(local);
  const { run, bestBy } = best ? bestRun(snapshot, local, best[1] as string, best[2]) : { run: resolveRun(snapshot, local), bestBy: undefined };
  const experimentName = snapshot.experiments.find((e) => e.id === run.experimentId)?.name ?? run.experimentId;
  return { ref, store: store.label, run, experimentName, ...(bestBy ? { bestBy } : {}) };
}

function bestRun(snapshot: Snapshot, ref: string, experimentRef: string, query: string | undefined): { run: Run; bestBy: string } {
  const options = parseBestQuery(ref, query);
  const active = snapshot.experiments.filter((e) => e.lifecycleStage === 'active');
  const byId = active.filter((e) => e.id === experimentRef);
  const matches = byId.length > 0 ? byId : active.filter((e) => e.name === experimentRef);
  if (matches.length === 0) {
    const known = [...active].sort((a, b) => compareIds(a.id, b.id)).slice(0, 10).map((e) => `${JSON.stringify(e.name)} (${e.id})`);
    throw new UsageError(`${ref}: no experiment named or numbered ${JSON.stringify(experimentRef)}; experiments: ${known.join(', ') || 'none'}`);
  }
  if (matches.length > 1) throw new UsageError(`${ref}: ${matches.length} experiments are named ${JSON.stringify(experimentRef)} (${matches.map((e) => e.id).join(', ')}); use the experiment id`);
  const experiment = matches[0] as (typeof matches)[number];
  const runs = snapshot.runs.filter((r) => r.experimentId === experiment.id && r.lifecycleStage === 'active');
  const finished = runs.filter((r) => r.status === 'FINISHED');
  const pool = finished.length > 0 ? finished : runs;
  const metric = options.metric ?? experimentMetricRanking(experiment.tags, pool).primary;
  if (metric === undefined) throw new UsageError(`${ref}: the runs of ${JSON.stringify(experiment.name)} logged no metric to choose the best by`);
  const ranked = leaderboard(buildTables({ runs: pool, experiments: [experiment] }), { metric, ...(options.direction ? { direction: options.direction } : {}) });
  const top = ranked.runs[0];
  if (!top || top.rank === null || top.value === null || Number.isNaN(top.value)) throw new UsageError(`${ref}: no run of ${JSON.stringify(experiment.name)} has a number for ${JSON.stringify(metric)}`);
  return { run: pool.find((r) => r.id === top.id) as Run, bestBy: `${metric} (${ranked.direction === 'asc' ? 'lowest' : 'highest'})` };
}

function parseBestQuery(ref: string, query: string | undefined): { metric?: string; direction?: 'asc' | 'desc' } {
  const out: { metric?: string; direction?: 'asc' | 'desc' } = {};
  if (query === undefined) return out;
  for (const [name, value] of new URLSearchParams(query)) {
    if (name === 'metric' && value !== '') out.metric = value;
    else if (name === 'direction' && (value === 'asc' || value === 'desc')) out.direction = value;
    else throw new UsageError(`${ref}: expected ?metric=KEY and optionally &direction=asc|desc, got ${JSON.stringify(`${name}=${value}`)}`);
  }
  return out;
}
