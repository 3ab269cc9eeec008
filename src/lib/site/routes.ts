/**
 * Every page and data file of the site, as a path from the site root. Pages render them through
 * `withBase()`; the data writer uses the same functions, so links and files cannot drift apart.
 */
import { safeSegment } from './slugs.ts';

export const routes = {
  home: () => '/',
  experiment: (id: string) => `/experiments/${safeSegment(id)}/`,
  run: (id: string) => `/runs/${safeSegment(id)}/`,
  model: (name: string) => `/models/${safeSegment(name)}/`,
  report: (slug: string) => `/reports/${safeSegment(slug)}/`,
  compare: (ids?: readonly string[]) => (ids && ids.length > 0 ? `/compare/?runs=${ids.map(encodeURIComponent).join(',')}` : '/compare/'),
  staticCompare: (ids: readonly string[]) => `/compare/${ids.map(safeSegment).join('..')}/`,
};

/** Data files under `data/`, fetched by islands and offered as downloads. */
export const dataFiles = {
  run: (id: string) => `/data/runs/${safeSegment(id)}.json`,
  runSeries: (id: string) => `/data/runs/${safeSegment(id)}.series.json`,
  runHistoryCsv: (id: string) => `/data/runs/${safeSegment(id)}.history.csv`,
  runsTable: (experimentId: string, chunk: number) => `/data/experiments/${safeSegment(experimentId)}/runs-${chunk}.json`,
  chart: (experimentId: string, name: string, theme: 'light' | 'dark') => `/data/experiments/${safeSegment(experimentId)}/${name}.${theme}.svg`,
  runIndex: () => '/data/runs-index.json',
  /** A compiled line-chart variant (`lineVariantKey`: theme/x/y) for the chart island. */
  lineSpec: (variant: string) => `/data/specs/line-${variant.replaceAll('/', '-')}.json`,
  snapshot: () => '/data/snapshot.json',
  experimentCsv: (experimentId: string) => `/data/experiments/${safeSegment(experimentId)}/runs.csv`,
};
