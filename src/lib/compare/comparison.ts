/**
 * A comparison: the baseline, each candidate's metrics and params against it, and the gates
 * checked for each candidate. What the Markdown (markdown.ts), the CLI's summary and the exit
 * code are made from. Pure: no I/O.
 */
import type { Experiment, Run } from '../model.ts';
import { evaluateGates, type GateLevel, type GateResult } from './evaluate.ts';
import type { Gate } from './gates.ts';
import { changedParams, compareMetrics, type MetricComparison, type ParamRow } from './metrics.ts';

/** A run as a RUN reference chose it. */
export interface ChosenRun {
  /** The reference as given (`main:best:churn`, `models:/churn@champion`, an id). */
  ref: string;
  /** Label of the store it came from. */
  store: string;
  run: Run;
  experimentName: string;
  /** For `best:` references: the metric it is best by. */
  bestBy?: string;
}

export interface CandidateComparison {
  candidate: ChosenRun;
  metrics: MetricComparison;
  params: ParamRow[];
  /** Every gate result (held or not), in gate order then key order. */
  gates: GateResult[];
}

export interface Comparison {
  baseline: ChosenRun;
  candidates: CandidateComparison[];
  /** How many conditions were given (`--fail-on` and `--warn-on`). */
  conditions: number;
}

export interface ComparisonOptions {
  /** `--metric` keys and globs (none: the metrics both runs logged). */
  metrics?: readonly string[];
  gates?: readonly { gate: Gate; level: GateLevel }[];
  experiments: Experiment[];
}

export function buildComparison(baseline: ChosenRun, candidates: ChosenRun[], options: ComparisonOptions): Comparison {
  const gates = options.gates ?? [];
  return {
    baseline,
    candidates: candidates.map((candidate) => ({
      candidate,
      metrics: compareMetrics(baseline.run, candidate.run, options.experiments, options.metrics),
      params: changedParams(baseline.run, candidate.run),
      gates: evaluateGates(gates, baseline.run, candidate.run),
    })),
    conditions: gates.length,
  };
}

/** The gate results that held, of one level, over every candidate. */
export function heldGates(comparison: Comparison, level: GateLevel): { candidate: ChosenRun; result: GateResult }[] {
  return comparison.candidates.flatMap((c) => c.gates.filter((g) => g.holds && g.level === level).map((result) => ({ candidate: c.candidate, result })));
}

/** Whether any `--fail-on` condition held. */
export function failed(comparison: Comparison): boolean {
  return heldGates(comparison, 'fail').length > 0;
}
