/**
 * A group of runs (the runs table grouped by a param or tag) drawn as one line: at each step any
 * member logged, the mean of the members' values there, over a band of their spread, either ±
 * one standard deviation (population) or min…max. Members are smoothed first (the chart's EMA),
 * then aggregated; non-finite values are left out. The x of a step's mean in time and relative
 * time is the members' mean there (steps align runs; clocks do not). Long groups are thinned like
 * runs (downsample.ts on the mean line; the band keeps the same steps).
 */
import { metricNumber } from '../metric-value.ts';
import type { Point } from '../model.ts';
import { downsample } from './downsample.ts';
import { smoothEma, type ChartRows, type RunSeries, type SeriesRow } from './series.ts';
import type { RowStyle } from './series.ts';
import { styleIndex } from './theme.ts';

export type Band = 'std' | 'minmax';
export const BANDS: readonly Band[] = ['std', 'minmax'];

/** One step of a group's band. */
export interface BandRow extends RowStyle {
  run: string;
  metric: string;
  step: number;
  time: number;
  rel: number;
  lo: number;
  hi: number;
}

export interface RunGroup {
  /** The group's label in the legend. */
  label: string;
  style: number;
  /** The members' series of the metric (their `run` and `style` are not used). */
  members: readonly RunSeries[];
}

export interface GroupOptions {
  band: Band;
  smoothing?: number;
  /** Keep at most this many steps per group. */
  budget?: number;
}

export interface GroupRows extends ChartRows {
  bands: BandRow[];
}

interface Accumulated {
  n: number;
  sum: number;
  squares: number;
  min: number;
  max: number;
  time: number;
  rel: number;
}

/** Mean lines and bands of the groups, in the order given. */
export function groupRows(groups: readonly RunGroup[], metric: string, options: GroupOptions): GroupRows {
  const rows: SeriesRow[] = [];
  const bands: BandRow[] = [];
  for (const group of groups) {
    const look = { style: styleIndex(group.style) };
    const steps = accumulate(group.members, options.smoothing ?? 0);
    const means: Point[] = steps.map(([step, a]) => ({ step, timestamp: a.time / a.n, value: a.sum / a.n }));
    const kept = options.budget !== undefined ? new Set(downsample(means, options.budget).points.map((p) => p.step)) : undefined;
    for (const [step, a] of steps) {
      if (kept && !kept.has(step)) continue;
      const mean = a.sum / a.n;
      const spread = options.band === 'std' ? Math.sqrt(Math.max(0, a.squares / a.n - mean * mean)) : 0;
      const at = { run: group.label, metric, step, time: a.time / a.n, rel: a.rel / a.n, ...look };
      rows.push({ ...at, value: mean });
      bands.push({ ...at, lo: options.band === 'std' ? mean - spread : a.min, hi: options.band === 'std' ? mean + spread : a.max });
    }
  }
  return { rows, markers: [], bands };
}

/** Per step (ascending): count, sum, sum of squares, min, max and summed times of the members' finite, smoothed values. */
function accumulate(members: readonly RunSeries[], smoothing: number): [number, Accumulated][] {
  const bySteps = new Map<number, Accumulated>();
  for (const member of members) {
    const finite = member.points.filter((p) => Number.isFinite(metricNumber(p.value)));
    const values = finite.map((p) => p.value as number);
    const drawn = smoothing > 0 ? smoothEma(values, smoothing) : values;
    let origin = member.start ?? Infinity;
    if (member.start === undefined) for (const p of finite) origin = Math.min(origin, p.timestamp);
    finite.forEach((p, i) => {
      const v = drawn[i]!;
      const a = bySteps.get(p.step) ?? { n: 0, sum: 0, squares: 0, min: Infinity, max: -Infinity, time: 0, rel: 0 };
      a.n += 1;
      a.sum += v;
      a.squares += v * v;
      a.min = Math.min(a.min, v);
      a.max = Math.max(a.max, v);
      a.time += p.timestamp;
      a.rel += (p.timestamp - origin) / 1000;
      bySteps.set(p.step, a);
    });
  }
  return [...bySteps].sort(([a], [b]) => a - b);
}
