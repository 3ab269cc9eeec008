/** Runs → a static comparison page's view (`/compare/<a>..<b>/`), from the run-vs-run diff analysis. */
import { diffRuns, type DiffRow, type MetricDiffRow } from '../../analyze/diff.ts';
import type { RunTables } from '../../analyze/tables.ts';
import { metricValue } from '../../metric-value.ts';
import type { Run } from '../../model.ts';
import type { ChartImage } from '../charts-static.ts';
import { formatDuration, formatTime, runName } from '../format.ts';
import { runLink } from './run-view.ts';
import type { CompareView } from './types.ts';

/** `runs` with the baseline first. */
export function compareView(runs: Run[], tables: RunTables, charts: ChartImage[]): CompareView {
  const diff = diffRuns(tables, runs.map((r) => r.id));
  return {
    title: runs.map(runName).join(' vs '),
    runs: runs.map(runLink),
    attributes: diff.attributes.map((row) => textRow(row, row.key === 'startTime' ? (v) => formatTime(Number(v)) : row.key === 'duration' ? (v) => formatDuration(Number(v)) : String)),
    params: diff.params.map((row) => textRow(row, String)),
    metrics: diff.metrics.map(metricRow),
    systemMetrics: diff.systemMetrics.map(metricRow),
    tags: diff.tags.map((row) => textRow(row, String)),
    charts,
    artifacts: [],
  };
}

function textRow(row: DiffRow, show: (value: string | number) => string) {
  return { key: row.key, values: row.values.map((v) => (v === null ? null : show(v))), differs: row.differs };
}

function metricRow(row: MetricDiffRow) {
  // A change to or from NaN/±∞ is no number: JSON would turn it into null, shown as "+0".
  const changes = row.changes.map((c) => (c && Number.isFinite(c.absolute) ? c : null));
  return { key: row.key, values: row.values.map((v) => (v === null ? null : metricValue(v))), differs: row.differs, changes };
}
