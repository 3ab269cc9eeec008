/**
 * Each run's style index (charts/theme.ts `runStyle`: colour × dash), fixed at build time: its
 * position among its experiment's runs by start time, oldest first (a run without one last),
 * then run id. So the runs shown together, those of one experiment, differ (50 styles before one
 * repeats); a run keeps its style on every page (run data files carry it as the series file's
 * `runs[].style`, table chunks as `style`); and as a store grows, new runs come last and the
 * others keep theirs.
 */
import type { Run } from '../model.ts';
import { compareOptionalNumbers, compareStrings } from '../order.ts';

export function runStyles(runs: readonly Pick<Run, 'id' | 'experimentId' | 'startTime'>[]): Map<string, number> {
  const byExperiment = new Map<string, Pick<Run, 'id' | 'startTime'>[]>();
  for (const run of runs) {
    const list = byExperiment.get(run.experimentId);
    if (list) list.push(run);
    else byExperiment.set(run.experimentId, [run]);
  }
  const styles = new Map<string, number>();
  for (const own of byExperiment.values()) {
    own.sort((a, b) => compareOptionalNumbers(a.startTime, b.startTime) || compareStrings(a.id, b.id));
    own.forEach((run, i) => styles.set(run.id, i));
  }
  return styles;
}
