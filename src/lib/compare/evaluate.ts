/**
 * Gates (gates.ts) checked against one candidate and the baseline, key by key: a glob stands for
 * every key of either run that matches it. Results come in gate order, then key order.
 */
import { globToRegExp } from '../glob.ts';
import { metricNumber } from '../metric-value.ts';
import type { Run } from '../model.ts';
import { compareStrings } from '../order.ts';
import { boundValue, compare, type Gate } from './gates.ts';

export type GateLevel = 'fail' | 'warn';

export interface GateResult {
  gate: Gate;
  level: GateLevel;
  /** The metric key checked; the glob itself when it matched no key. */
  key: string;
  candidate: number | null;
  baseline: number | null;
  /** The bound the candidate was compared with (null when it could not be computed). */
  bound: number | null;
  /** The condition holds: the gate fails (or warns). */
  holds: boolean;
  /** Why: compared, a value missing, a NaN, or a glob that matched nothing. */
  reason: 'compared' | 'missing' | 'nan' | 'no-match';
}

export function evaluateGates(gates: readonly { gate: Gate; level: GateLevel }[], baseline: Run, candidate: Run): GateResult[] {
  const keys = [...new Set([...Object.keys(baseline.metrics), ...Object.keys(candidate.metrics)])].sort(compareStrings);
  return gates.flatMap(({ gate, level }) => {
    const pattern = gate.glob ? globToRegExp(gate.key) : undefined;
    const matched = pattern ? keys.filter((k) => pattern.test(k)) : [gate.key];
    if (matched.length === 0) return [{ gate, level, key: gate.key, candidate: null, baseline: null, bound: null, holds: !gate.ifPresent, reason: 'no-match' as const }];
    return matched.map((key) => check(gate, level, key, latest(baseline, key), latest(candidate, key)));
  });
}

function check(gate: Gate, level: GateLevel, key: string, baseline: number | null, candidate: number | null): GateResult {
  const needsBaseline = gate.bound.kind === 'baseline';
  const result = { gate, level, key, candidate, baseline };
  if (candidate === null || (needsBaseline && baseline === null)) return { ...result, bound: null, holds: !gate.ifPresent, reason: 'missing' };
  const bound = boundValue(gate.bound, baseline);
  if (Number.isNaN(candidate) || Number.isNaN(bound)) return { ...result, bound: Number.isNaN(bound) ? null : bound, holds: true, reason: 'nan' };
  return { ...result, bound, holds: compare(candidate, gate.comparator, bound), reason: 'compared' };
}

function latest(run: Run, key: string): number | null {
  const metric = Object.hasOwn(run.metrics, key) ? run.metrics[key] : undefined;
  return metric ? metricNumber(metric.latest.value) : null;
}
