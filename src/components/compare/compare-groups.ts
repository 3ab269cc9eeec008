/**
 * The compare page's groups: the compared runs grouped by a param or tag value
 * (src/lib/analyze/groups.ts), with each metric's statistics per group. Metrics in the order the
 * diff table lists them, `system/` metrics left out; runs keep the order compared.
 */
import { groupItems, groupLabel, metricStats, parseGroupKey, type MetricStats } from '../../lib/analyze/groups.ts';
import type { MetricValue } from '../../lib/model.ts';
import { compareStrings } from '../../lib/order.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { SYSTEM_METRIC_PREFIX, SYSTEM_TAG_PREFIX } from './diff-rules.ts';

export interface CompareGroup {
  label: string;
  runs: RunSummaryData[];
}

export interface CompareGroups {
  groups: CompareGroup[];
  /** One row per metric: its statistics in each group, in the groups' order. */
  metrics: { key: string; stats: MetricStats[] }[];
}

/** The runs grouped by `groupBy` (`params.X` / `tags.Y`); undefined when it is not a group key. */
export function compareGroups(runs: readonly RunSummaryData[], groupBy: string): CompareGroups | undefined {
  const key = parseGroupKey(groupBy);
  if (!key) return undefined;
  const valueOf = (run: RunSummaryData) => (key.source === 'params' ? run.params : run.tags).find(([k]) => k === key.key)?.[1] ?? null;
  const groups = groupItems(runs, valueOf).map((g) => ({ label: groupLabel(key, g.value), runs: g.members }));
  const keys = [...new Set(runs.flatMap((r) => r.metrics.map(([k]) => k)))].filter((k) => !k.startsWith(SYSTEM_METRIC_PREFIX)).sort(compareStrings);
  const valueIn = (run: RunSummaryData, metric: string): MetricValue | null => run.metrics.find(([k]) => k === metric)?.[1] ?? null;
  return { groups, metrics: keys.map((metric) => ({ key: metric, stats: groups.map((g) => metricStats(g.runs.map((r) => valueIn(r, metric)))) })) };
}

/** Param and tag keys of the runs, for "group by" (MLflow's own `mlflow.*` tags left out). */
export function groupableKeys(runs: readonly RunSummaryData[]): { params: string[]; tags: string[] } {
  const keys = (pairs: (run: RunSummaryData) => [string, string][]) => [...new Set(runs.flatMap((r) => pairs(r).map(([k]) => k)))].sort(compareStrings);
  return { params: keys((r) => r.params), tags: keys((r) => r.tags).filter((k) => !k.startsWith(SYSTEM_TAG_PREFIX)) };
}
