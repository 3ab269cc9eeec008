/**
 * Checks what the TensorBoard reader made of a log tree against the tree's `expected.json`
 * (test/fixtures/trackers/README.md: facts from an independent reader), fact by fact.
 * `compareTensorboardFacts` returns one line per disagreement, so a failing test lists every
 * wrong fact at once. The tree is read as `--store <fixture folder>`, so run names are the
 * expected `run` paths and the experiment is named after the fixture folder.
 *
 * Facts compared: the run set; per run its experiment, status (from the hparams session end),
 * start and end (first and last wall time, in ms), provenance, params from the hparams session
 * start and the top-level `hparams.yaml` keys, the metric key set (= scalar tags) and per
 * scalar: count, distinct steps, min, max, max step; the latest point (value and timestamp) when
 * the last point in file order is at the greatest step; first and last step when the steps are
 * monotonic; the counts of every other tag (kind and count) and of graph/log/session events, as
 * `onUnpublished` reports them; a warning for every file that stopped early or held events that
 * do not parse, and none for the others; totals (runs, scalar series and points).
 *
 * Facts a Snapshot cannot express, skipped on purpose: `value_type` (simple_value or tensor:
 * both become the same points), `steps_monotonic` when false (histories are sorted by step), the
 * raw `records`/`events` counts, `bytes` and `totals.event_files` (about the files, not the data;
 * a run's provenance names its file when it has one), `file_versions`,
 * `side_files`, `hparams.experiment` (its hparam/metric declarations), `generated_by`, `notes`.
 */
import { basename } from 'node:path';
import { metricNumber } from '../../src/lib/metric-value.ts';
import type { Run } from '../../src/lib/model.ts';
import { paramText } from '../../src/lib/read/flatten.ts';
import type { StoreContents, UnpublishedCount } from '../../src/lib/read/types.ts';
import { same, sameSet } from './expected-facts.ts';

type Num = number | string;

export interface ExpectedScalar {
  count: number;
  distinct_steps: number;
  first_step: number;
  last_step: number;
  max_step: number;
  steps_monotonic: boolean;
  last_value: Num;
  last_wall_time: number;
  min: Num;
  max: Num;
}

export interface ExpectedTbRun {
  run: string;
  files: { name: string; bytes: number; records: number; stopped: unknown; unparseable_events: number }[];
  first_wall_time: number;
  last_wall_time: number;
  scalars: Record<string, ExpectedScalar>;
  other_tags: Record<string, { kind: string; count: number }>;
  event_kinds: Record<string, number>;
  session_log: Record<string, number>;
  hparams: null | {
    session_start_info?: { hparams: Record<string, unknown> };
    session_end_info?: { status: string };
  };
  hparams_yaml_keys?: string[];
}

export interface ExpectedTbFacts {
  format: 'tensorboard';
  runs: ExpectedTbRun[];
  totals: { runs: number; scalar_series: number; scalar_points: number };
}

const STATUS: Record<string, string> = { STATUS_SUCCESS: 'FINISHED', STATUS_FAILURE: 'FAILED', STATUS_RUNNING: 'RUNNING', STATUS_UNKNOWN: 'FINISHED' };
const EVENT_KINDS = ['graph_def', 'log_message', 'meta_graph_def', 'tagged_run_metadata'];

/** Every disagreement between what was read from `fixtureDir` and `expected`, one line each. */
export function compareTensorboardFacts(fixtureDir: string, actual: Pick<StoreContents, 'experiments' | 'runs' | 'warnings'>, unpublished: UnpublishedCount[], expected: ExpectedTbFacts): string[] {
  const out: string[] = [];
  const label = basename(fixtureDir);
  const byName = new Map(actual.runs.map((r) => [r.name, r]));
  sameSet(out, 'runs', [...byName.keys()], expected.runs.map((r) => r.run));
  same(out, 'experiments', actual.experiments.map((e) => e.name), [label]);
  for (const want of expected.runs) {
    const got = byName.get(want.run);
    if (got) compareRun(out, `run ${want.run}`, got, want, label, actual, unpublished.filter((c) => c.path === `${label}/${want.run}`));
  }
  const metrics = actual.runs.flatMap((r) => Object.values(r.metrics));
  same(
    out,
    'totals',
    { runs: actual.runs.length, scalar_series: metrics.length, scalar_points: metrics.reduce((n, m) => n + m.history.length, 0) },
    { runs: expected.totals.runs, scalar_series: expected.totals.scalar_series, scalar_points: expected.totals.scalar_points },
  );
  return out;
}

function compareRun(out: string[], at: string, got: Run, want: ExpectedTbRun, label: string, actual: Pick<StoreContents, 'experiments' | 'warnings'>, counts: UnpublishedCount[]): void {
  same(out, `${at} experiment`, actual.experiments.find((e) => e.id === got.experimentId)?.name, label);
  same(out, `${at} status`, got.status, STATUS[want.hparams?.session_end_info?.status ?? ''] ?? 'FINISHED');
  same(out, `${at} startTime`, got.startTime, Math.round(want.first_wall_time * 1000));
  same(out, `${at} endTime`, got.endTime, Math.round(want.last_wall_time * 1000));
  const file = want.files.length === 1 ? `/${(want.files[0] as { name: string }).name}` : '';
  same(out, `${at} provenance`, got.provenance, { tracker: 'tensorboard', path: `${label}/${want.run}${file}` });
  for (const [key, value] of Object.entries(want.hparams?.session_start_info?.hparams ?? {})) same(out, `${at} param ${key}`, got.params[key], paramText(value));
  for (const key of want.hparams_yaml_keys ?? []) {
    if (!Object.keys(got.params).some((k) => k === key || k.startsWith(`${key}.`))) out.push(`${at} param ${key} (from hparams.yaml): missing`);
  }
  sameSet(out, `${at} metric keys`, Object.keys(got.metrics), Object.keys(want.scalars));
  for (const [tag, scalar] of Object.entries(want.scalars)) {
    const metric = Object.hasOwn(got.metrics, tag) ? got.metrics[tag] : undefined;
    if (metric) compareScalar(out, `${at} scalar ${JSON.stringify(tag)}`, metric, scalar);
  }
  const others: Record<string, { kind: string; count: number }> = {};
  const events: Record<string, number> = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0]));
  const sessionLog: Record<string, number> = {};
  for (const c of counts) {
    if (EVENT_KINDS.includes(c.kind)) events[c.kind] = (events[c.kind] ?? 0) + c.count;
    else if (c.kind === 'session_log') sessionLog[c.key] = c.count;
    else others[c.key] = { kind: c.kind, count: c.count };
  }
  same(out, `${at} other_tags`, others, want.other_tags);
  same(out, `${at} event kinds`, events, Object.fromEntries(EVENT_KINDS.map((k) => [k, want.event_kinds[k] ?? 0])));
  same(out, `${at} session_log`, sessionLog, want.session_log);
  for (const f of want.files) {
    const path = `${label}/${want.run}/${f.name}`;
    const warned = actual.warnings.some((w) => w.path === path);
    const expectWarning = f.stopped !== null || f.unparseable_events > 0;
    if (warned !== expectWarning) out.push(`${at} file ${f.name}: expected ${expectWarning ? 'a warning' : 'no warning'}, got ${warned ? 'one' : 'none'}`);
  }
}

function compareScalar(out: string[], at: string, got: Run['metrics'][string], want: ExpectedScalar): void {
  const steps = got.history.map((p) => p.step);
  const values = got.history.map((p) => metricNumber(p.value)).filter(Number.isFinite);
  same(out, `${at} count`, got.history.length, want.count);
  same(out, `${at} distinct_steps`, new Set(steps).size, want.distinct_steps);
  same(out, `${at} min`, Math.min(...values), Number(want.min));
  same(out, `${at} max`, Math.max(...values), Number(want.max));
  same(out, `${at} max_step`, got.latest.step, want.max_step);
  if (want.last_step === want.max_step) {
    same(out, `${at} latest value`, metricNumber(got.latest.value), Number(want.last_value));
    same(out, `${at} latest timestamp`, got.latest.timestamp, Math.round(want.last_wall_time * 1000));
  }
  if (want.steps_monotonic) same(out, `${at} first and last step`, [steps[0], steps.at(-1)], [want.first_step, want.last_step]);
}
