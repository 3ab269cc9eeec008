/**
 * ```` ```runfolio diff ````: runs against a baseline, section by section, with the comparison
 * page's rules and rows (views/compare-view.ts over analyze/diff.ts: numbers equal within 1e-6,
 * a missing value differs, system metrics apart). `show: differences` keeps the rows where some
 * run differs; when none is left, the embed says so instead of showing an empty table.
 */
import { buildTables } from '../../../analyze/tables.ts';
import { runName } from '../../format.ts';
import { compareView } from '../../views/compare-view.ts';
import { runLink } from '../../views/run-view.ts';
import { EmbedProblem } from '../problems.ts';
import { quote, suggestion } from '../suggest.ts';
import type { DiffView } from '../view.ts';
import { findRun, type ReportContext } from './context.ts';
import type { Resolved } from './resolved.ts';
import type { LineOf } from './selection.ts';
import { DIFF_SECTIONS, type DiffSpec } from './specs.ts';

type Section = (typeof DIFF_SECTIONS)[number];

const CAPTIONS: Record<Section, string> = {
  metrics: 'Metrics (latest values; change from the baseline)',
  params: 'Parameters',
  attributes: 'Attributes',
  tags: 'Tags',
  system_metrics: 'System metrics',
};

export function resolveDiff(spec: DiffSpec, context: ReportContext, lineOf: LineOf): Resolved<DiffView> {
  const listed = spec.runs.map((ref) => findRun(context, ref, lineOf('runs')));
  const baseline = spec.baseline !== undefined ? findRun(context, spec.baseline, lineOf('baseline')) : listed[0]!;
  const runs = [baseline, ...listed.filter((r) => r.id !== baseline.id)].filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i);
  if (runs.length < 2) throw new EmbedProblem('runs: a diff needs two or more different runs, the baseline included', lineOf('runs'));
  const compared = compareView(runs, buildTables({ runs, experiments: context.snapshot.experiments }), []);
  const all: Record<Section, DiffView['sections'][number]['rows']> = {
    metrics: compared.metrics,
    params: compared.params,
    attributes: compared.attributes,
    tags: compared.tags,
    system_metrics: compared.systemMetrics,
  };
  const chosen = spec.sections ?? ['metrics', 'params'];
  if (spec.keys) checkKeys(spec.keys, chosen.flatMap((s) => all[s].map((row) => row.key)), lineOf('keys'));
  const keys = spec.keys ? new Set(spec.keys) : undefined;
  const differencesOnly = (spec.show ?? 'differences') === 'differences';
  const sections = chosen
    .map((section) => ({
      caption: CAPTIONS[section],
      metric: section === 'metrics' || section === 'system_metrics',
      rows: all[section].filter((row) => (!keys || keys.has(row.key)) && (!differencesOnly || row.differs.some(Boolean))),
    }))
    .filter((section) => section.rows.length > 0);
  const names = runs.map((r) => runName(r));
  return {
    view: {
      kind: 'diff',
      caption: spec.caption ?? `${names.slice(1).join(', ')} against ${names[0]}`,
      runs: runs.map(runLink),
      sections,
      ...(sections.length === 0 ? { empty: `${names.join(', ')}: no differences in ${chosen.join(', ').replace('_', ' ')}${keys ? ` (${[...keys].join(', ')})` : ''}.` } : {}),
    },
    cites: runs,
  };
}

function checkKeys(keys: readonly string[], existing: readonly string[], line: number | undefined): void {
  for (const key of keys) {
    if (!existing.includes(key)) throw new EmbedProblem(`keys: none of the runs has ${quote(key)}${suggestion(key, existing, 'keys')}`, line);
  }
}
