/**
 * The compare island's diff table, from the runs' summary files (site/run-data.ts): the sections
 * and rows of src/lib/analyze/diff.ts `diffRuns`, built without Arquero. Sections as MLflow's
 * difference view groups them (runs-charts/utils/differenceView.ts): attributes, params, model
 * metrics, `system/` metrics, tags, and `mlflow.*` tags apart. Metrics most telling first (the
 * order of diffRuns: relevance.ts `inComparisonOrder`), other keys in code-unit order.
 *
 * Runs stay in the order the reader chose; `baseline` is an index into them, and every run is
 * compared with that run by the rule of diff-rules.ts. Metric rows carry each run's change from
 * the baseline (null for the baseline and when either value is missing).
 */
import { inComparisonOrder } from '../../lib/analyze/relevance.ts';
import { metricNumber } from '../../lib/metric-value.ts';
import { compareStrings } from '../../lib/order.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { metricChange, sameValue, SYSTEM_METRIC_PREFIX, SYSTEM_TAG_PREFIX, type DiffValue, type MetricChange } from './diff-rules.ts';

export interface CompareRow<T extends DiffValue = DiffValue> {
  key: string;
  /** One value per run, in the runs' order; null when the run has none. */
  values: T[];
  /** Per run: differs from the baseline (false for the baseline itself). */
  differs: boolean[];
}

export interface MetricRow extends CompareRow<number | null> {
  changes: (MetricChange | null)[];
}

export interface RunComparison {
  /** Index of the baseline in the runs given. */
  baseline: number;
  attributes: CompareRow[];
  params: CompareRow<string | null>[];
  metrics: MetricRow[];
  systemMetrics: MetricRow[];
  tags: CompareRow<string | null>[];
  systemTags: CompareRow<string | null>[];
}

export type SectionName = Exclude<keyof RunComparison, 'baseline'>;

/** Section order and titles, as the table shows them. */
export const SECTIONS: readonly { name: SectionName; title: string }[] = [
  { name: 'attributes', title: 'Attributes' },
  { name: 'params', title: 'Parameters' },
  { name: 'metrics', title: 'Metrics' },
  { name: 'systemMetrics', title: 'System metrics' },
  { name: 'tags', title: 'Tags' },
  { name: 'systemTags', title: 'System tags (mlflow.*)' },
];

/** Attribute keys as diff.ts names them, with the labels the table shows. */
export const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  status: 'Status',
  startTime: 'Start',
  duration: 'Duration',
  user: 'User',
  source: 'Source',
  gitCommit: 'Git commit',
};

/** `runs` compared with `runs[baseline]`. */
export function compareRuns(runs: readonly RunSummaryData[], baseline = 0): RunComparison {
  if (runs.length > 0 && (baseline < 0 || baseline >= runs.length)) throw new RangeError(`baseline ${baseline} is not one of ${runs.length} runs`);
  const row = <T extends DiffValue>(key: string, values: T[]): CompareRow<T> => {
    const base = values[baseline] ?? null;
    return { key, values, differs: values.map((v, i) => i !== baseline && !sameValue(base, v)) };
  };
  const metricRow = (key: string, values: (number | null)[]): MetricRow => {
    const base = values[baseline] ?? null;
    const changes = values.map((v, i) => (i === baseline || base === null || v === null ? null : metricChange(base, v)));
    return { ...row(key, values), changes };
  };
  const attributes = Object.keys(ATTRIBUTE_LABELS).map((key) => row(key, runs.map((r) => attributeValue(r, key))));
  const latest = pivot(runs, (r) => r.metrics).map(({ key, values }) => ({ key, values: values.map((v) => (v === null ? null : metricNumber(v))) }));
  const curves = new Set(runs.flatMap((r) => r.curves));
  const metrics = inComparisonOrder(latest, (key) => curves.has(key)).map(({ key, values }) => metricRow(key, values));
  const tags = pivot(runs, (r) => r.tags).map(({ key, values }) => row(key, values));
  return {
    baseline,
    attributes,
    params: pivot(runs, (r) => r.params).map(({ key, values }) => row(key, values)),
    metrics: metrics.filter((r) => !r.key.startsWith(SYSTEM_METRIC_PREFIX)),
    systemMetrics: metrics.filter((r) => r.key.startsWith(SYSTEM_METRIC_PREFIX)),
    tags: tags.filter((r) => !r.key.startsWith(SYSTEM_TAG_PREFIX)),
    systemTags: tags.filter((r) => r.key.startsWith(SYSTEM_TAG_PREFIX)),
  };
}

/** Only the rows where some run differs from the baseline. */
export function differencesOnly(comparison: RunComparison): RunComparison {
  const keep = <R extends CompareRow>(rows: R[]): R[] => rows.filter((r) => r.differs.some(Boolean));
  const { baseline, attributes, params, metrics, systemMetrics, tags, systemTags } = comparison;
  return { baseline, attributes: keep(attributes), params: keep(params), metrics: keep(metrics), systemMetrics: keep(systemMetrics), tags: keep(tags), systemTags: keep(systemTags) };
}

function attributeValue(run: RunSummaryData, key: string): DiffValue {
  switch (key) {
    case 'status':
      return run.status;
    case 'startTime':
      return run.startTime ?? null;
    case 'duration':
      return run.startTime !== undefined && run.endTime !== undefined ? run.endTime - run.startTime : null;
    case 'gitCommit':
      return run.commit ?? null;
    case 'user':
      return run.user ?? null;
    case 'source':
      return run.source ?? null;
    default:
      return null;
  }
}

/** [key, value] pairs of every run → one row per key (code-unit order), a value per run. */
function pivot<T>(runs: readonly RunSummaryData[], pairs: (run: RunSummaryData) => readonly (readonly [string, T])[]): { key: string; values: (T | null)[] }[] {
  const byKey = new Map<string, (T | null)[]>();
  runs.forEach((run, i) => {
    for (const [key, value] of pairs(run)) {
      let values = byKey.get(key);
      if (!values) byKey.set(key, (values = runs.map(() => null)));
      values[i] = value;
    }
  });
  return [...byKey.keys()].sort(compareStrings).map((key) => ({ key, values: byKey.get(key)! }));
}
