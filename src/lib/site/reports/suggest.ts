/**
 * "Did you mean" for report errors: the existing names nearest to a name that matched nothing.
 *
 * Names are compared folded: lower case, and `/`, `_`, `-`, `.` and spaces all read as one
 * separator, so `val_acc` finds `val/accuracy` and `Train-Loss` finds `train/loss`. A candidate is
 * near when one folded name holds the other (of three characters or more), or when their edit
 * distance (Levenshtein, on code units) is at most a third of the name's length (at least 2; 1
 * for names of up to three characters, so `bs` does not suggest `lr`). Nearest first, ties in
 * code-unit order.
 */
import { compareStrings } from '../../order.ts';

/** At most `limit` candidates near `name`, nearest first. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = fold(name);
  const budget = wanted.length <= 3 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const folded = fold(candidate);
    const [shorter, longer] = folded.length < wanted.length ? [folded, wanted] : [wanted, folded];
    if (folded === wanted) scored.push({ candidate, score: 0 });
    // Part of the other: nearer the less there is around it (always nearer than a typo).
    else if (shorter.length >= 3 && longer.includes(shorter)) scored.push({ candidate, score: 2 - shorter.length / longer.length });
    else {
      const distance = editDistance(wanted, folded, budget);
      if (distance <= budget) scored.push({ candidate, score: 2 + distance });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || compareStrings(a.candidate, b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/**
 * ` (did you mean a, b?)` when some candidates are near, else ` (KIND: a, b, c…)` listing the
 * first few that exist, or ` (there are no KIND)`: always something the reader can act on.
 */
export function suggestion(name: string, candidates: readonly string[], kind: string): string {
  const near = nearestNames(name, candidates);
  if (near.length > 0) return ` (did you mean ${near.map(quote).join(', ')}?)`;
  if (candidates.length === 0) return ` (there are no ${kind})`;
  const sorted = [...new Set(candidates)].sort(compareStrings);
  const shown = sorted.slice(0, 5).map(quote).join(', ');
  return ` (${kind}: ${shown}${sorted.length > 5 ? `, … ${sorted.length - 5} more` : ''})`;
}

/** A name in an error message: JSON quotes, so spaces, quotes and empty names stay visible. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[\s/_.-]+/g, ' ').trim();
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
