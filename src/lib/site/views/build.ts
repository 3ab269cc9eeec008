/**
 * Snapshot (+ reports) → every page's view, and the chart SVGs those views point at. Deleted
 * experiments and deleted runs are not published (MLflow's UI hides them too); the home page
 * says how many were left out.
 */
import { SYSTEM_PREFIX } from '../../analyze/metric-names.ts';
import { metricStatsOfRuns, rankMetricStats } from '../../analyze/relevance.ts';
import { resolveRun } from '../../analyze/resolve-run.ts';
import { buildTables, type RunTables } from '../../analyze/tables.ts';
import type { Run, Snapshot } from '../../model.ts';
import { barChart, chartableParams, historyChart, parallelChart, scatterChart, type ChartImage, type ChartImages, type RunStyles, type SvgFile } from '../charts-static.ts';
import type { ReportContext } from '../reports/embeds/context.ts';
import { prepareReports, reportsWithin, type ReportSource } from '../reports/prepare.ts';
import { dataFiles } from '../routes.ts';
import { runStyles } from '../run-styles.ts';
import { safeSegment } from '../slugs.ts';
import { compareView } from './compare-view.ts';
import { experimentMetrics, experimentView, keysByFrequency, rankExperiment, type ExperimentMetrics, type Ranking } from './experiment-view.ts';
import { currentVersion, modelView } from './model-view.ts';
import { optional, runView, versionsByRun } from './run-view.ts';
import { trackersOf } from './trackers.ts';
import type { CompareVerdict, ExperimentView, HomeView, ReportLink, ReportView, SiteViews } from './types.ts';

export interface SiteOptions {
  /** `--metric`: the metric experiment pages rank by, where runs logged it. */
  preferredMetric?: string;
  /** `--compare`: run references (DESIGN.md's RUN syntax) to compare on static pages, one list per page. */
  compare?: string[][];
  /** Build date (SOURCE_DATE_EPOCH), epoch ms. */
  generated?: number;
  /** Archive mode: run pages get SVG charts, tables list every run (no JavaScript needed). */
  archive?: boolean;
  /** `runfolio compare --out`: the home page shows the first comparison and this verdict. */
  compareHome?: CompareVerdict;
  /** `--drafts`: publish reports whose front matter says `draft: true`. */
  drafts?: boolean;
  /**
   * Resolve the reports against this Snapshot (a whole store) instead of the published one, and
   * publish those whose every run is published: a comparison site holds the reports about its
   * runs, with the numbers the full site shows.
   */
  reportsAgainst?: Snapshot;
}

export interface PublishedSite {
  views: SiteViews;
  /** Chart SVG files the views link to. */
  svgs: SvgFile[];
  /** The runs that get pages, with their tables (for data files). */
  runs: Run[];
  tables: RunTables;
  /** Each run's style index (run-styles.ts), for the data files. */
  styles: RunStyles;
}

/** Throws ReportError when a report has problems (every problem of every report at once). */
export async function buildSiteViews(snapshot: Snapshot, reports: readonly ReportSource[], options: SiteOptions = {}): Promise<PublishedSite> {
  const experiments = snapshot.experiments.filter((e) => e.lifecycleStage === 'active');
  const published = new Set(experiments.map((e) => e.id));
  const runs = snapshot.runs.filter((r) => r.lifecycleStage === 'active' && published.has(r.experimentId));
  const tables = buildTables({ runs, experiments });
  const byId = new Map(runs.map((r) => [r.id, r]));
  const children = new Map<string, Run[]>();
  for (const run of tables.runList) {
    if (run.parentId && byId.has(run.parentId)) children.set(run.parentId, [...(children.get(run.parentId) ?? []), run]);
  }
  const names = new Map(experiments.map((e) => [e.id, e.name]));
  const versions = versionsByRun(snapshot.models);
  const styles = runStyles(runs);
  const svgs: SvgFile[] = [];

  const experimentViews = [];
  const primaryMetrics = new Map<string, string>();
  const metricOrder = new Map<string, string[]>();
  for (const experiment of experiments) {
    const own = tables.runList.filter((r) => r.experimentId === experiment.id);
    const metrics = experimentMetrics(experiment, own, options.preferredMetric);
    metricOrder.set(experiment.id, metrics.ranked.map((m) => m.key));
    const ranking = rankExperiment(tables, experiment.id, metrics.primary);
    if (ranking) primaryMetrics.set(experiment.id, ranking.metric);
    const charts = ranking ? await experimentCharts(experiment.id, own, metrics, ranking, styles, svgs) : {};
    experimentViews.push(experimentView({ experiment, runs: own, tables, metrics, ranking, charts, archive: options.archive === true }));
  }
  const context: ReportContext = options.reportsAgainst
    ? reportContextOf(options.reportsAgainst, options.preferredMetric, styles)
    : { snapshot: { experiments, runs, models: snapshot.models }, tables, primaryMetric: (id) => primaryMetrics.get(id), styles };
  const prepared = await prepareReports(reports, context, { drafts: options.drafts === true });
  const reportViews = (options.reportsAgainst ? reportsWithin(prepared, new Set(byId.keys())) : prepared).map((r) => r.view);

  const compares = [];
  for (const refs of options.compare ?? []) {
    const chosen = refs.map((ref) => resolveRun(snapshot, ref));
    compares.push(compareView(chosen, buildTables({ runs: chosen, experiments }), await compareCharts(chosen, styles, svgs)));
  }

  const citedIn = reportsByRun(reportViews);
  const about = reportsByExperiment(reportViews, byId);
  for (const view of experimentViews) view.reports = about.get(view.id) ?? [];
  const runViews = tables.runList.map((run) =>
    runView(run, {
      experimentName: names.get(run.experimentId) ?? run.experimentId,
      byId,
      children,
      versionsByRun: versions,
      metricOrder: metricOrder.get(run.experimentId) ?? [],
      archive: options.archive === true,
      reports: citedIn.get(run.id) ?? [],
    }),
  );
  if (options.archive) {
    for (const view of runViews) {
      const run = byId.get(view.id) as Run;
      view.charts = [];
      const order = [...view.metrics.filter((m) => !m.system), ...view.metrics.filter((m) => m.system)];
      for (const { key } of order) {
        const chart = await historyChart([run], key, styles, (theme) => dataFiles.runChart(run.id, key, theme), svgs, { width: HALF_WIDTH });
        if (chart) view.charts.push({ ...chart, caption: '' });
      }
    }
  }
  const views: SiteViews = {
    ...optional('generated', options.generated),
    archive: options.archive === true,
    home: homeView(snapshot, experimentViews, runs),
    experiments: experimentViews,
    runs: runViews,
    models: snapshot.models.map((m) => modelView(m, byId)),
    reports: reportViews,
    compares,
    ...(options.compareHome && compares.length > 0 ? { compareHome: options.compareHome } : {}),
    warnings: snapshot.warnings,
    trackers: trackersOf(runs),
  };
  return { views, svgs, runs: tables.runList as Run[], tables, styles };
}

/**
 * What reports are resolved against for a Snapshot: its published part (active experiments and
 * their active runs), their tables, each experiment's primary metric as its page would rank by
 * it, and the site's run styles.
 */
export function reportContextOf(snapshot: Pick<Snapshot, 'experiments' | 'runs' | 'models'>, preferredMetric?: string, styles?: RunStyles): ReportContext {
  const experiments = snapshot.experiments.filter((e) => e.lifecycleStage === 'active');
  const ids = new Set(experiments.map((e) => e.id));
  const runs = snapshot.runs.filter((r) => r.lifecycleStage === 'active' && ids.has(r.experimentId));
  const tables = buildTables({ runs, experiments });
  const primary = new Map<string, string>();
  for (const e of experiments) {
    const metric = experimentMetrics(e, tables.runList.filter((r) => r.experimentId === e.id), preferredMetric).primary;
    if (metric) primary.set(e.id, metric);
  }
  return { snapshot: { experiments, runs, models: snapshot.models }, tables, primaryMetric: (id) => primary.get(id), ...(styles ? { styles } : {}) };
}

/** Charts that share a row with another (run pages in archives, static comparisons), in pixels. */
const HALF_WIDTH = 680;

/** The overview charts: the chart panels' default metrics (history, else bars), parallel coordinates and scatter. */
async function experimentCharts(experimentId: string, runs: Run[], metrics: ExperimentMetrics, { metric, ranked }: Ranking, styles: RunStyles, svgs: SvgFile[]): Promise<ChartImages> {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const best = ranked.flatMap((r) => byId.get(r.id) ?? []);
  const params = chartableParams(runs, keysByFrequency(runs, (r) => r.params).map(([k]) => k));
  const path = (name: string) => (theme: 'light' | 'dark') => dataFiles.chart(experimentId, name, theme);
  const charts: ChartImages = {};
  const metricCharts: ChartImage[] = [];
  for (const [i, key] of metrics.defaults.entries()) {
    const chart = (await historyChart(best, key, styles, path(`metric-${i}`), svgs)) ?? (await barChart(best, key, styles, path(`metric-${i}`), svgs));
    if (chart) metricCharts.push(chart);
  }
  if (metricCharts.length > 0) charts.metrics = metricCharts;
  const parallel = await parallelChart(best, params, metric, path('parallel'), svgs);
  if (parallel) charts.parallel = parallel;
  const scatter = await scatterChart(best, params, metric, path('scatter'), svgs);
  if (scatter) charts.scatter = scatter;
  return charts;
}

const COMPARE_CHART_METRICS = 6;

/** The most relevant metrics (analyze/relevance.ts) two or more of the runs logged, `system/` ones left out. */
async function compareCharts(runs: Run[], styles: RunStyles, svgs: SvgFile[]): Promise<ChartImage[]> {
  const ranked = rankMetricStats(metricStatsOfRuns(runs));
  const shared = ranked.filter((m) => m.runs >= 2 && !m.key.startsWith(SYSTEM_PREFIX)).slice(0, COMPARE_CHART_METRICS);
  const folder = `compare-${runs.map((r) => safeSegment(r.id).slice(0, 8)).join('-')}`;
  const charts: ChartImage[] = [];
  for (const { key: metric } of shared) {
    const chart = await historyChart(runs, metric, styles, (theme) => dataFiles.chart(folder, safeSegment(metric), theme), svgs, { width: HALF_WIDTH });
    if (chart) charts.push({ ...chart, caption: metric });
  }
  return charts;
}

/** The home page, from the experiment pages' views (counts, last activity, the leaderboard's first run). */
function homeView(snapshot: Snapshot, experiments: ExperimentView[], runs: Run[]): HomeView {
  return {
    experiments: experiments.map((e) => {
      const top = e.leaderboard[0];
      return {
        id: e.id,
        name: e.name,
        runs: e.runCount,
        ...optional('lastActivity', e.lastActivity),
        ...(top && e.primaryMetric ? { best: { run: { id: top.id, name: top.name, status: top.status }, metric: e.primaryMetric.key, value: top.value } } : {}),
      };
    }),
    hidden: { experiments: snapshot.experiments.length - experiments.length, runs: snapshot.runs.length - runs.length },
    models: snapshot.models.map((m) => {
      const current = currentVersion(m);
      return { name: m.name, versions: m.versions.length, ...(current ? { current } : {}) };
    }),
    totals: {
      runs: runs.length,
      metrics: new Set(runs.flatMap((r) => Object.keys(r.metrics))).size,
      params: new Set(runs.flatMap((r) => Object.keys(r.params))).size,
    },
  };
}

const reportLink = (report: ReportView): ReportLink => ({ slug: report.slug, title: report.title, ...optional('date', report.date) });

/** Run id → the reports citing it, in the reports' order. */
function reportsByRun(reports: readonly ReportView[]): Map<string, ReportLink[]> {
  const out = new Map<string, ReportLink[]>();
  for (const report of reports) {
    for (const run of report.runs) out.set(run.id, [...(out.get(run.id) ?? []), reportLink(report)]);
  }
  return out;
}

/** Experiment id → the reports naming it in their front matter or citing one of its runs, in the reports' order. */
function reportsByExperiment(reports: readonly ReportView[], runs: ReadonlyMap<string, Run>): Map<string, ReportLink[]> {
  const out = new Map<string, ReportLink[]>();
  for (const report of reports) {
    const ids = new Set([...report.experiments.map((e) => e.id), ...report.runs.flatMap((r) => runs.get(r.id)?.experimentId ?? [])]);
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), reportLink(report)]);
  }
  return out;
}
