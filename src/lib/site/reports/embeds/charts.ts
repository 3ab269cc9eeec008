/**
 * Chart embeds, drawn at build time by the site's own static charts (charts-static.ts, the
 * experiment pages' renderers) and inlined in the page as SVG, a light and a dark rendering:
 *
 * - ```` ```runfolio history ````: metric histories of chosen runs, or of the top runs of a
 *   selection; x axis, log scale and smoothing as the interactive chart has them, which takes
 *   over where JavaScript runs (the same options, the runs' data files);
 * - ```` ```runfolio parallel ````: params → metric in parallel coordinates;
 * - ```` ```runfolio scatter ````: one param against the metric, a dot per run.
 * A chart that cannot be drawn (a metric logged once, no param that varies) is a problem.
 */
import type { XAxis } from '../../../charts/line-spec.ts';
import type { Run } from '../../../model.ts';
import { chartableParams, HISTORY_RUNS, historyChart, parallelChart, scatterChart, type ChartImage, type SvgFile } from '../../charts-static.ts';
import { runName } from '../../format.ts';
import type { Theme } from '../../../charts/theme.ts';
import { keysByFrequency } from '../../views/experiment-view.ts';
import { EmbedProblem } from '../problems.ts';
import { quote } from '../suggest.ts';
import type { ChartSvgs, HistoryView, ParamsChartView } from '../view.ts';
import { findRun, requireKey, type ReportContext } from './context.ts';
import type { Resolved } from './resolved.ts';
import { rankingMetric, rankRuns, resolveSelection, type LineOf } from './selection.ts';
import type { HistorySpec, ParallelSpec, ScatterSpec } from './specs.ts';

const DEFAULT_TOP = 5;
const X_AXES: Record<NonNullable<HistorySpec['x']>, XAxis> = { step: 'step', time: 'time', relative: 'rel' };

export async function resolveHistory(spec: HistorySpec, context: ReportContext, lineOf: LineOf): Promise<Resolved<HistoryView>> {
  const { runs, metrics, chosen } = historyRuns(spec, context, lineOf);
  const x = X_AXES[spec.x ?? 'step'];
  const log = spec.log ?? false;
  const smoothing = spec.smoothing ?? 0;
  const charts: HistoryView['charts'] = [];
  for (const metric of metrics) {
    const drawn = runs.filter((r) => Object.hasOwn(r.metrics, metric));
    if (spec.runs) {
      const without = runs.find((r) => !Object.hasOwn(r.metrics, metric));
      if (without) requireKey([without], 'metric', metric, `run ${quote(runName(without))}`, lineOf('metric'));
    }
    const svgs = await inline((path, files) => historyChart(drawn, metric, context.styles ?? new Map(), path, files, { x, y: log ? 'log' : 'linear', smoothing }));
    if (!svgs) throw new EmbedProblem(`metric ${quote(metric)} was logged once per run: there is no history to draw (a leaderboard or a scatter shows it)`, lineOf('metric'));
    const options = [x === 'step' ? '' : `by ${spec.x}`, log ? 'log scale' : '', smoothing > 0 ? `smoothed ${smoothing}` : ''].filter(Boolean).join(', ');
    charts.push({
      ...svgs,
      caption: spec.caption ?? `${metric}${options ? ` (${options})` : ''}, ${chosen(drawn.length)}`,
      metric,
      island: { runs: drawn.map((r) => ({ id: r.id, name: runName(r) })), x, log, smoothing },
    });
  }
  return { view: { kind: 'history', charts }, cites: runs };
}

/** The runs drawn, the metrics charted, and how the caption names the runs. */
function historyRuns(spec: HistorySpec, context: ReportContext, lineOf: LineOf): { runs: Run[]; metrics: string[]; chosen: (n: number) => string } {
  if (spec.runs) {
    for (const key of ['experiment', 'parent', 'filter', 'order_by', 'rank_by', 'top', 'direction'] as const) {
      if (spec[key] !== undefined) throw new EmbedProblem(`${key}: choose runs either by \`runs\` or by a selection (experiment, parent, filter, top), not both`, lineOf(key));
    }
    const runs = unique(spec.runs.map((ref) => findRun(context, ref, lineOf('runs'))));
    if (runs.length > HISTORY_RUNS) throw new EmbedProblem(`runs: at most ${HISTORY_RUNS} runs in one chart (got ${runs.length}): more lines cannot be told apart`, lineOf('runs'));
    const metrics = spec.metric ?? [defaultMetric(context, runs, lineOf('metric'))];
    for (const metric of metrics) requireKey(runs, 'metric', metric, 'the runs listed', lineOf('metric'));
    return { runs, metrics, chosen: (n) => (n === 1 ? 'one run' : `${n} runs`) };
  }
  const selection = resolveSelection(context, spec, lineOf);
  const rankBy = rankingMetric(context, selection, spec.rank_by, lineOf('rank_by'));
  const ranked = rankRuns(context, selection, spec, rankBy, lineOf);
  const runs = ranked.runs.slice(0, spec.top ?? DEFAULT_TOP).map((row) => row.run);
  const metrics = spec.metric ?? [rankBy];
  for (const metric of metrics) requireKey(runs, 'metric', metric, `the top runs of ${selection.where}`, lineOf('metric'));
  const by = spec.order_by ? spec.order_by.join(', ') : rankBy;
  return { runs, metrics, chosen: (n) => `the ${n === 1 ? 'best run' : `${n} best runs`} of ${selection.label} by ${by}` };
}

/** With runs listed and no metric: the primary metric of their experiment, when they share one. */
function defaultMetric(context: ReportContext, runs: Run[], line: number | undefined): string {
  const experiments = new Set(runs.map((r) => r.experimentId));
  const primary = experiments.size === 1 ? context.primaryMetric(runs[0]!.experimentId) : undefined;
  if (primary === undefined) throw new EmbedProblem('metric is required: the runs do not share an experiment with a primary metric', line);
  return primary;
}

export async function resolveParallel(spec: ParallelSpec, context: ReportContext, lineOf: LineOf): Promise<Resolved<ParamsChartView>> {
  const { runs, metric, where } = rankedForChart(spec, context, lineOf);
  const params = spec.params ?? chartableParams(runs, keysByFrequency(runs, (r) => r.params).map(([key]) => key));
  for (const param of spec.params ?? []) requireKey(runs, 'param', param, where, lineOf('params'));
  const svgs = await inline((path, files) => parallelChart(runs, params, metric, path, files));
  if (!svgs) throw new EmbedProblem(`no param ${spec.params ? `among ${spec.params.map(quote).join(', ')} ` : ''}varies across the ${runs.length} runs of ${where} that logged ${quote(metric)}: nothing to draw`, lineOf(spec.params ? 'params' : 'metric'));
  return { view: { kind: 'parallel', ...svgs, ...(spec.caption ? { caption: spec.caption } : {}) }, cites: [], draws: runs };
}

export async function resolveScatter(spec: ScatterSpec, context: ReportContext, lineOf: LineOf): Promise<Resolved<ParamsChartView>> {
  const { runs, metric, where } = rankedForChart(spec, context, lineOf);
  if (spec.param !== undefined) requireKey(runs, 'param', spec.param, where, lineOf('param'));
  const params = spec.param !== undefined ? [spec.param] : chartableParams(runs, keysByFrequency(runs, (r) => r.params).map(([key]) => key));
  const svgs = await inline((path, files) => scatterChart(runs, params, metric, path, files));
  if (!svgs) throw new EmbedProblem(`${spec.param !== undefined ? `param ${quote(spec.param)} has one value` : 'no param varies'} across the ${runs.length} runs of ${where} that logged ${quote(metric)}: nothing to draw`, lineOf(spec.param !== undefined ? 'param' : 'metric'));
  return { view: { kind: 'scatter', ...svgs, ...(spec.caption ? { caption: spec.caption } : {}) }, cites: [], draws: runs };
}

/** The selection's runs with the metric, best first (the charts keep the best when they cap). */
function rankedForChart(spec: ParallelSpec | ScatterSpec, context: ReportContext, lineOf: LineOf): { runs: Run[]; metric: string; where: string } {
  const selection = resolveSelection(context, spec, lineOf);
  const metric = rankingMetric(context, selection, spec.metric, lineOf('metric'));
  const ranked = rankRuns(context, selection, spec, metric, lineOf);
  return { runs: ranked.runs.map((row) => row.run), metric, where: selection.where };
}

/** A static chart rendered into strings instead of files: the path names only tell the themes apart. */
async function inline(render: (path: (theme: Theme) => string, files: SvgFile[]) => Promise<ChartImage | undefined>): Promise<ChartSvgs | undefined> {
  const files: SvgFile[] = [];
  const image = await render((theme) => theme, files);
  if (!image) return undefined;
  const svg = (theme: Theme) => files.find((f) => f.path === theme)?.svg ?? '';
  return { light: svg('light'), dark: svg('dark'), alt: image.alt, caption: image.caption };
}

function unique(runs: Run[]): Run[] {
  return runs.filter((run, i) => runs.findIndex((r) => r.id === run.id) === i);
}
