/**
 * Every page and data file of the site, as a path from the site root. Pages render them through
 * `withBase()`; the data writer uses the same functions, so links and files cannot drift apart.
 */
import { lineVariantKey, THEME_NAMES, X_AXES, Y_SCALES } from '../charts/line-spec.ts';
import type { Theme } from '../charts/theme.ts';
import { listParam, withParams } from '../../components/page/url-state.ts';
import { withBase } from './paths.ts';
import { safeFileName, safeSegment } from './slugs.ts';

export const routes = {
  home: () => '/',
  experiment: (id: string) => `/experiments/${safeSegment(id)}/`,
  run: (id: string) => `/runs/${safeSegment(id)}/`,
  model: (name: string) => `/models/${safeSegment(name)}/`,
  reports: () => '/reports/',
  report: (slug: string) => `/reports/${safeSegment(slug)}/`,
  /** `?runs=a,b` as the compare page reads it (url-state.ts lists: a `,` or `%` inside an id is escaped). */
  compare: (ids?: readonly string[]) => `/compare/${withParams('', { runs: listParam(ids ?? []) })}`,
  staticCompare: (ids: readonly string[]) => `/compare/${ids.map(safeSegment).join('..')}/`,
};

/** Data files under `data/`, fetched by islands and offered as downloads. */
export const dataFiles = {
  /** A run's summary and metric series (run-data.ts `RunDataFile`): what its charts and the compare page fetch. */
  run: (id: string) => `/data/runs/${safeSegment(id)}.json`,
  /** Every point of a run's metrics, written when the run file had to thin a history, and for every run of an archive. */
  runHistoryCsv: (id: string) => `/data/runs/${safeSegment(id)}.history.csv`,
  runsTable: (experimentId: string, chunk: number) => `/data/experiments/${safeSegment(experimentId)}/runs-${chunk}.json`,
  chart: (experimentId: string, name: string, theme: 'light' | 'dark') => `/data/experiments/${safeSegment(experimentId)}/${name}.${theme}.svg`,
  runIndex: () => '/data/runs-index.json',
  /** Params and tags for the site search (search-index.ts), positions into the runs index. */
  searchIndex: () => '/data/search-index.json',
  /** A compiled line-chart variant (`lineVariantKey`: theme/x/y) for the chart island. */
  lineSpec: (variant: string) => `/data/specs/line-${variant.replaceAll('/', '-')}.json`,
  /** The compiled parallel-coordinates spec of a theme (compare page). */
  parallelSpec: (theme: Theme) => `/data/specs/parallel-${theme}.json`,
  /** The compiled bar chart spec of a theme (experiment chart panels: metrics logged once). */
  barSpec: (theme: Theme) => `/data/specs/bar-${theme}.json`,
  snapshot: () => '/data/snapshot.json',
  /** Archive mode: a run's metric history rendered to SVG. */
  runChart: (id: string, metric: string, theme: 'light' | 'dark') => `/data/runs/${safeSegment(id)}/${safeSegment(metric)}.${theme}.svg`,
  manifest: () => '/MANIFEST.sha256',
  experimentCsv: (experimentId: string) => `/data/experiments/${safeSegment(experimentId)}/runs.csv`,
  /** A run's artifact copied into the site, by the path it is stored under (artifact-kinds.ts `storedPath`). */
  artifact: (runId: string, stored: string) => `/data/artifacts/${safeSegment(runId)}/${stored.split('/').map(safeFileName).join('/')}`,
};

/** Every line chart variant (`lineVariantKey`) → the URL of its compiled spec, as the chart island takes them. */
export function lineSpecUrls(base: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const theme of THEME_NAMES) {
    for (const x of X_AXES) for (const y of Y_SCALES) urls[lineVariantKey(theme, x, y)] = withBase(dataFiles.lineSpec(lineVariantKey(theme, x, y)), base);
  }
  return urls;
}
