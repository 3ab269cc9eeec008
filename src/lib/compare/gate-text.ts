/**
 * One held gate in words, with both values: what the terminal prints and the Markdown lists.
 * Values are shown readable (formatMetric) and, where that rounds them, exactly too: a reviewer
 * deciding about a bound needs the digits the gate compared.
 */
import { formatMetric } from '../site/format.ts';
import { metricValue } from '../metric-value.ts';
import type { GateResult } from './evaluate.ts';
import { describeBound } from './gates.ts';

/** A number readable, plus its exact spelling when that differs: `0.412346 (exactly 0.41234567)`. */
export function withExact(value: number): string {
  const shown = formatMetric(metricValue(value));
  const exact = Number.isFinite(value) ? String(value) : shown;
  return exact === shown ? shown : `${shown} (exactly ${exact})`;
}

/** `val_loss: candidate 0.412 > 0.398 (baseline 0.39 × 1.02)` and the like. */
export function gateDetail(result: GateResult): string {
  const { gate, key, candidate, baseline, bound } = result;
  const needsBaseline = gate.bound.kind === 'baseline';
  switch (result.reason) {
    case 'no-match':
      return `no metric matches ${key} in either run`;
    case 'missing':
      return `${key}: ${candidate === null ? 'the candidate has no such metric' : 'the baseline has no such metric'}${gate.ifPresent ? '' : ' (add IF PRESENT to allow that)'}`;
    case 'nan':
      return `${key}: ${candidate !== null && Number.isNaN(candidate) ? 'the candidate value is NaN' : 'the baseline value is NaN'}`;
    case 'compared': {
      const base = needsBaseline && baseline !== null ? ` (${describeBound(gate.bound).replace('baseline', `baseline ${withExact(baseline)}`)})` : '';
      return `${key}: candidate ${withExact(candidate as number)} ${gate.comparator} ${withExact(bound as number)}${base}`;
    }
  }
}
