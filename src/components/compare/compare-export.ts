/**
 * Downloads of the comparison the page shows (differences-only respected), with exact values:
 * - CSV: a row per key: `section`, `key`, then a column per run in the order compared (its id as
 *   the header; a second row marks the baseline). Metric values in their shortest exact form,
 *   NaN/Infinity/-Infinity as the Snapshot spells them; start times in ISO 8601, durations in ms;
 *   text through the runs table's CSV rules (table/export.ts: formula guard, RFC 4180 quoting).
 * - JSON: `{ runs: [{id, name}], baseline, sections: { <section>: [{ key, values }] } }`, metric
 *   values as the Snapshot spells them.
 */
import { metricValue } from '../../lib/metric-value.ts';
import type { MetricValue } from '../../lib/model.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { csvCell } from '../table/export.ts';
import { SECTIONS, type CompareRow, type RunComparison, type SectionName } from './compare-diff.ts';
import type { DiffValue } from './diff-rules.ts';

type Exact = string | MetricValue | null;

const isMetricSection = (name: SectionName) => name === 'metrics' || name === 'systemMetrics';

/** A cell's exact value as the downloads carry it. */
function exactValue(section: SectionName, key: string, value: DiffValue): Exact {
  if (value === null) return null;
  if (isMetricSection(section) && typeof value === 'number') return metricValue(value);
  if (section === 'attributes' && key === 'startTime' && typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString() : String(value);
  return value;
}

function rowsOf(comparison: RunComparison): { section: SectionName; row: CompareRow }[] {
  return SECTIONS.flatMap(({ name }) => (comparison[name] as CompareRow[]).map((row) => ({ section: name, row })));
}

export function comparisonCsv(runs: readonly RunSummaryData[], comparison: RunComparison): string {
  const lines = [['section', 'key', ...runs.map((r) => r.id)].map(csvCell).join(',')];
  lines.push(['baseline', '', ...runs.map((_, i) => (i === comparison.baseline ? 'baseline' : ''))].map(csvCell).join(','));
  for (const { section, row } of rowsOf(comparison)) {
    const cells = row.values.map((v) => {
      const exact = exactValue(section, row.key, v);
      if (exact === null) return '';
      // Our own numbers are data, not text someone typed: written as they are.
      return typeof exact === 'number' || (isMetricSection(section) && typeof exact === 'string') ? String(exact) : csvCell(String(exact));
    });
    lines.push([csvCell(section), csvCell(row.key), ...cells].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function comparisonJson(runs: readonly RunSummaryData[], comparison: RunComparison): string {
  // Section names are ours (compare-diff.ts SECTIONS), never a key from the store.
  const sections: Partial<Record<SectionName, { key: string; values: Exact[] }[]>> = {};
  for (const { section, row } of rowsOf(comparison)) {
    const list = sections[section] ?? (sections[section] = []);
    list.push({ key: row.key, values: row.values.map((v) => exactValue(section, row.key, v)) });
  }
  const out = { runs: runs.map((r) => ({ id: r.id, name: r.name })), baseline: runs[comparison.baseline]?.id ?? null, sections };
  return `${JSON.stringify(out, null, 1)}\n`;
}

/** `compare-<first id>-and-<n> more.csv`, with characters file systems refuse replaced. */
export function comparisonFileName(runs: readonly RunSummaryData[], extension: 'csv' | 'json'): string {
  const first = (runs[0]?.id ?? 'runs').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 12) || 'runs';
  return `compare-${first}-${runs.length}-runs.${extension}`;
}
