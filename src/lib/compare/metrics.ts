/**
 * The metrics of one candidate against the baseline: latest values, absolute and relative change
 * (analyze/diff.ts's rules: equal within 1e-6, relative change null for a baseline of 0), and
 * what the change means in the metric's direction (analyze/direction.ts: lower loss is better).
 *
 * Which metrics: with no `--metric`, those both runs logged; with `--metric KEY|GLOB`
 * (repeatable), the keys of either run that match, so a named metric one run lacks shows up as
 * missing. Metrics only one run has are listed apart. Rows come most telling first, in the
 * order of every compare table (analyze/relevance.ts `inComparisonOrder`). Under the default selection, bookkeeping
 * (timing, counters, `pid`, `lr`…) and system metrics are marked so the Markdown folds them
 * instead of calling a new process id better: a reader who cares about one names it with
 * `--metric` or a gate.
 */
import { diffRuns, type MetricDiffRow } from '../analyze/diff.ts';
import { metricDirection, type Direction } from '../analyze/direction.ts';
import { readMetricName } from '../analyze/metric-names.ts';
import { buildTables } from '../analyze/tables.ts';
import { globToRegExp } from '../glob.ts';
import type { Experiment, Run } from '../model.ts';
import { compareStrings } from '../order.ts';

/** `better`/`worse` in the metric's direction, `same` within 1e-6, `missing` on either side. */
export type Verdict = 'better' | 'worse' | 'same' | 'missing';

export interface MetricRow {
  key: string;
  direction: Direction;
  baseline: number | null;
  candidate: number | null;
  absolute: number | null;
  relative: number | null;
  verdict: Verdict;
  system: boolean;
  /** Bookkeeping or a system metric, under the default selection (no `--metric`): not a result. */
  bookkeeping: boolean;
}

export interface MetricComparison {
  /** The compared metrics (the selection), most telling first (relevance.ts). */
  rows: MetricRow[];
  /** Keys only the baseline has, and only the candidate has (outside the selection). */
  onlyBaseline: string[];
  onlyCandidate: string[];
}

export interface ParamRow {
  key: string;
  baseline: string | null;
  candidate: string | null;
}

export function compareMetrics(baseline: Run, candidate: Run, experiments: Experiment[], patterns: readonly string[] = []): MetricComparison {
  const diff = diffRuns(buildTables({ runs: [baseline, candidate], experiments }), [baseline.id, candidate.id]);
  const incidental = (key: string, system: boolean) => patterns.length === 0 && (system || readMetricName(key).kind === 'bookkeeping');
  // In diffRuns' order: most telling first (system metrics rank last anyway).
  const all = [...diff.metrics.map((r) => toRow(r, false, incidental(r.key, false))), ...diff.systemMetrics.map((r) => toRow(r, true, incidental(r.key, true)))];
  const wanted = patterns.map((p) => globToRegExp(p));
  const selected = (row: MetricRow) => (wanted.length === 0 ? row.baseline !== null && row.candidate !== null : wanted.some((re) => re.test(row.key)));
  const rows = all.filter(selected);
  const rest = all.filter((row) => !selected(row));
  return {
    rows,
    onlyBaseline: rest.filter((r) => r.candidate === null).map((r) => r.key),
    onlyCandidate: rest.filter((r) => r.baseline === null).map((r) => r.key),
  };
}

function toRow(row: MetricDiffRow, system: boolean, bookkeeping: boolean): MetricRow {
  const [baseline = null, candidate = null] = row.values;
  const change = row.changes[1] ?? null;
  const direction = metricDirection(row.key);
  return {
    key: row.key,
    direction,
    baseline,
    candidate,
    absolute: change?.absolute ?? null,
    relative: change?.relative ?? null,
    verdict: verdictOf(baseline, candidate, row.differs[1] === true, direction),
    system,
    bookkeeping,
  };
}

function verdictOf(baseline: number | null, candidate: number | null, differs: boolean, direction: Direction): Verdict {
  if (baseline === null || candidate === null) return 'missing';
  if (!differs) return 'same';
  // NaN on either side (differs from a number) is never an improvement.
  if (Number.isNaN(candidate)) return 'worse';
  if (Number.isNaN(baseline)) return 'better';
  return (direction === 'asc' ? candidate < baseline : candidate > baseline) ? 'better' : 'worse';
}

/** Params whose values differ (or that one run lacks), in key order. */
export function changedParams(baseline: Run, candidate: Run): ParamRow[] {
  const keys = [...new Set([...Object.keys(baseline.params), ...Object.keys(candidate.params)])].sort(compareStrings);
  const value = (run: Run, key: string) => (Object.hasOwn(run.params, key) ? (run.params[key] as string) : null);
  return keys.map((key) => ({ key, baseline: value(baseline, key), candidate: value(candidate, key) })).filter((r) => r.baseline !== r.candidate);
}
