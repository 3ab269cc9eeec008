/**
 * One ranking of metric keys by how much a reader wants to see them, used wherever the site
 * chooses or orders metrics: the primary (leaderboard) metric, the runs table's metric columns,
 * the run page's charts and table, the experiment's chart panels and overview charts, the compare
 * page's default charts and the parallel chart's colour. Browser-safe and pure.
 *
 * The rules, in order (names are read by metric-names.ts):
 * 1. Tiers: quality scores (`accuracy`, `mAP50-95`, `auc`, `f1`, `r2`…) measured on held-out data
 *    or on no named split; then quality errors (`mae`, `rmse`, `error`…) alike; then held-out
 *    losses (`val_loss`, `val/box_loss`); then scores and errors on training data; then training
 *    losses (and unsplit ones: `loss`); then metrics whose names we do not know; then
 *    bookkeeping (timing `*_time*`, `timestamp`, `pid`, `done`, `lr`, counters such as
 *    `iterations*` and `epoch`, `system/…`). Constant metrics (every value of every run the same,
 *    at least two values) come after all others, in the same order among themselves. An unsplit
 *    name is a training one when a held-out name with the same stem was logged by at least as
 *    many runs (Keras logs `loss` beside `val_loss`).
 * 2. Within a tier: series that change over a run's history before single (or flat) values; then
 *    the word (`mAP` before `accuracy` before `f1`…, precision and recall after the scores they
 *    make up: metric-names.ts lists the order); then held-out before unsplit before training;
 *    then the metric more runs logged; then the key.
 * 3. Overrides: keys pinned by the experiment tag `runfolio.metrics` (comma-separated, e.g.
 *    `val_f1, val_auc`) come first in the order given; the primary metric is `--metric` where
 *    runs logged it, else the first pinned key runs logged, else the first ranked metric that at
 *    least 80 % as many runs logged as the most common one (never bookkeeping when anything else
 *    qualifies, never `system/`).
 */
import type { MetricValue } from '../model.ts';
import { compareStrings } from '../order.ts';
import { readMetricName, SYSTEM_PREFIX, type MetricName } from './metric-names.ts';

/** The experiment tag that pins metrics first (and the first of them as the primary metric). */
export const METRICS_TAG = 'runfolio.metrics';

/** What the ranking knows of a metric across the runs it looks at. */
export interface MetricStats {
  key: string;
  /** Runs that logged it. */
  runs: number;
  /** The most points one run logged. */
  points: number;
  /** Some run's values change over its history: a curve, not a single or flat value. */
  varies: boolean;
  /** Every value of every run is the same, and there are at least two. */
  constant: boolean;
}

/** One run's series of one metric. */
export interface RunSeriesValues {
  key: string;
  points: readonly { value: MetricValue }[];
}

/** Stats per key, in key order, from every run's series (a Snapshot's histories or a data file's thinned ones: thinning keeps each bucket's min and max, so `varies` and `constant` survive it). */
export function metricStats(series: Iterable<RunSeriesValues>): MetricStats[] {
  const byKey = new Map<string, { stats: MetricStats; first: MetricValue | undefined; values: number }>();
  for (const { key, points } of series) {
    let entry = byKey.get(key);
    if (!entry) {
      entry = { stats: { key, runs: 0, points: 0, varies: false, constant: true }, first: undefined, values: 0 };
      byKey.set(key, entry);
    }
    const { stats } = entry;
    stats.runs += 1;
    stats.points = Math.max(stats.points, points.length);
    if (historyVaries(points)) stats.varies = true;
    for (const point of points) {
      if (entry.first === undefined) entry.first = point.value;
      else if (!same(point.value, entry.first)) stats.constant = false;
    }
    entry.values += points.length;
  }
  return [...byKey.values()]
    .map(({ stats, values }) => ({ ...stats, constant: stats.constant && values >= 2 }))
    .sort((a, b) => compareStrings(a.key, b.key));
}

/** Stats of the runs' full histories (Snapshot runs). */
export function metricStatsOfRuns(runs: readonly { metrics: Readonly<Record<string, { history: readonly { value: MetricValue }[] }>> }[]): MetricStats[] {
  return metricStats(runs.flatMap((run) => Object.entries(run.metrics).map(([key, m]) => ({ key, points: m.history }))));
}

function same(a: MetricValue, b: MetricValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

const SPLIT_ORDER = { heldout: 0, none: 1, train: 2 } as const;
/** The tier of bookkeeping metrics, the last one. */
export const BOOKKEEPING_TIER = 6;

export interface RankedMetric extends MetricStats {
  name: MetricName;
  /** 0 (held-out quality scores) … 6 (bookkeeping) by name: rule 1 of the header (constant metrics rank after every tier). */
  tier: number;
}

/** Every metric of `stats` with its tier, ranked by the header's rules. */
export function rankMetricStats(stats: readonly MetricStats[], pinned: readonly string[] = []): RankedMetric[] {
  const names = new Map(stats.map((s) => [s.key, readMetricName(s.key)]));
  // Stem → the most runs a held-out variant of it was logged by.
  const heldOut = new Map<string, number>();
  for (const s of stats) {
    const name = names.get(s.key)!;
    if (name.split === 'heldout') heldOut.set(name.stem, Math.max(heldOut.get(name.stem) ?? 0, s.runs));
  }
  const ranked = stats.map((s): RankedMetric => {
    const name = names.get(s.key)!;
    const split = name.split === 'none' && (heldOut.get(name.stem) ?? 0) >= s.runs ? 'train' : name.split;
    return { ...s, name: { ...name, split }, tier: tierOf(name.kind, split) };
  });
  const pin = new Map(pinned.map((key, i) => [key, i]));
  return ranked.sort(
    (a, b) =>
      (pin.get(a.key) ?? Infinity) - (pin.get(b.key) ?? Infinity) ||
      Number(a.constant) - Number(b.constant) ||
      a.tier - b.tier ||
      Number(b.varies) - Number(a.varies) ||
      a.name.word - b.name.word ||
      SPLIT_ORDER[a.name.split] - SPLIT_ORDER[b.name.split] ||
      b.runs - a.runs ||
      compareStrings(a.key, b.key),
  );
}

function tierOf(kind: MetricName['kind'], split: MetricName['split']): number {
  switch (kind) {
    case 'score':
      return split === 'train' ? 3 : 0;
    case 'error':
      return split === 'train' ? 3 : 1;
    case 'loss':
      return split === 'heldout' ? 2 : 4;
    case 'other':
      return 5;
    case 'bookkeeping':
      return BOOKKEEPING_TIER;
  }
}

/** The keys of `stats` in ranking order. */
export function rankMetrics(stats: readonly MetricStats[], pinned: readonly string[] = []): string[] {
  return rankMetricStats(stats, pinned).map((m) => m.key);
}

/**
 * A comparison's metric rows (one latest value per run, null where a run has none), most telling
 * first: the ranking of `rankMetricStats` over what a compare table has at hand, the latest values
 * and which metrics are curves (`curve(key)`: some compared run's history of it changes, see
 * `historyVaries`). Every compare output (the compare page, static comparisons, the Markdown)
 * ranks this way, so they agree; metrics equal in every run and never a curve go last.
 */
export function inComparisonOrder<R extends { key: string; values: readonly (number | null)[] }>(rows: readonly R[], curve: (key: string) => boolean): R[] {
  // Each run's latest value as a one-point series; a curve is never constant.
  const latest = metricStats(rows.flatMap((row) => row.values.flatMap((value) => (value === null ? [] : [{ key: row.key, points: [{ value }] }]))));
  const stats = latest.map((m) => (curve(m.key) ? { ...m, varies: true, constant: false } : m));
  const order = new Map(rankMetrics(stats).map((key, i) => [key, i]));
  return [...rows].sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || compareStrings(a.key, b.key));
}

/** Whether a history changes over the run: a curve, not a single or flat value. */
export function historyVaries(points: readonly { value: MetricValue }[]): boolean {
  const first = points[0]?.value;
  return points.some((p) => !same(p.value, first!));
}

/** The keys an experiment tag `runfolio.metrics` pins (comma-separated, blanks ignored). */
export function pinnedMetrics(tags: Readonly<Record<string, string>>): string[] {
  const text = Object.hasOwn(tags, METRICS_TAG) ? tags[METRICS_TAG]! : '';
  return [...new Set(text.split(',').map((key) => key.trim()).filter((key) => key !== ''))];
}

/** The primary metric of ranked metrics (rule 3): `preferred` when logged, else the first common, telling one. */
export function primaryMetric(ranked: readonly RankedMetric[], preferred?: readonly (string | undefined)[]): string | undefined {
  for (const key of preferred ?? []) if (key !== undefined && ranked.some((m) => m.key === key)) return key;
  const candidates = ranked.filter((m) => !m.key.startsWith(SYSTEM_PREFIX));
  const most = Math.max(0, ...candidates.map((m) => m.runs));
  const common = candidates.filter((m) => m.runs >= 0.8 * most);
  return (common.find((m) => m.tier < BOOKKEEPING_TIER && !m.constant) ?? common[0])?.key;
}

/**
 * An experiment's metrics ranked (its tag `runfolio.metrics` pinning some first) and the one it
 * ranks by: `preferred` (`--metric`) when its runs logged it, else the first pinned one logged,
 * else the first common, telling one. The experiment page, `best:EXPERIMENT` and report
 * leaderboards all choose by this.
 */
export function experimentMetricRanking(tags: Readonly<Record<string, string>>, runs: Parameters<typeof metricStatsOfRuns>[0], preferred?: string): { ranked: RankedMetric[]; primary: string | undefined } {
  const pinned = pinnedMetrics(tags);
  const ranked = rankMetricStats(metricStatsOfRuns(runs), pinned);
  return { ranked, primary: primaryMetric(ranked, [preferred, ...pinned]) };
}

/** Keys of `keys` sharing `key`'s stem (its train, val and test variants), in the order given, `key` left out. */
export function siblingMetrics(key: string, keys: readonly string[]): string[] {
  const stem = readMetricName(key).stem;
  return keys.filter((other) => other !== key && readMetricName(other).stem === stem);
}

/**
 * Charts an experiment shows at first: the primary metric and its siblings (train/val/test
 * variants), then, up to `count` charts, the next ranked metrics that change over a run.
 */
export function defaultChartMetrics(ranked: readonly RankedMetric[], primary: string | undefined, count = 4): string[] {
  if (primary === undefined) return [];
  const telling = ranked.filter((m) => m.tier < BOOKKEEPING_TIER && !m.constant && !m.key.startsWith(SYSTEM_PREFIX));
  const chosen = [primary, ...siblingMetrics(primary, telling.map((m) => m.key))];
  for (const m of telling) {
    if (chosen.length >= count) break;
    if (m.varies && !chosen.includes(m.key)) chosen.push(m.key);
  }
  return chosen;
}
