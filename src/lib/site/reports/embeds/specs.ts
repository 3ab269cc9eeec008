/**
 * What each embed kind accepts: one zod schema per kind, the same for the fenced form (a YAML
 * body) and the inline form (`key=value` pairs). Each field's comment is its documentation (the
 * README's embed reference says the same). Keys are snake_case, as MLflow's `order_by`.
 */
import { z } from 'zod';
import { HISTORY_RUNS } from '../../charts-static.ts';
import { decimal, flag, oneOf, text, textList, wholeNumber } from '../fields.ts';

/** Run attributes a value or a leaderboard column can show (MLflow's names, plus `duration`). */
export const ATTRIBUTES = ['run_name', 'run_id', 'status', 'start_time', 'end_time', 'duration', 'user_id'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Which runs: shared by leaderboards, charts and best-run values. */
const selection = {
  /** Experiments (names or ids) whose runs are ranked; default: every published experiment. */
  experiment: textList('an experiment name or id').optional(),
  /** Only the child runs of this run (RUN reference): the trials of a sweep. */
  parent: text('a RUN reference').optional(),
  /** MLflow `filter_string` the runs must match, e.g. `params.batch_size = '512'`. */
  filter: text('an MLflow filter string').optional(),
  /** `asc` (lower is better) or `desc`; default: guessed from the metric's name (`loss` → asc). */
  direction: oneOf(['asc', 'desc'] as const).optional(),
};

/** MLflow `order_by` clauses (`metrics.val_loss ASC`): they order the runs instead of the metric. */
const orderBy = textList('an MLflow order_by clause').optional();
const caption = text().optional();

export const LeaderboardSpec = z.strictObject({
  ...selection,
  order_by: orderBy,
  /** The metric ranked (its latest value); default: the experiment's primary metric. */
  metric: text('a metric key').optional(),
  /** Rows shown (default 10). */
  top: wholeNumber(1, 1000).optional(),
  /** Columns after rank and run: `metrics.KEY`, `params.NAME`, `tags.NAME`, `attributes.NAME`; default the metric and the params that differ. */
  columns: textList('a column (metrics.KEY, params.NAME, tags.NAME or attributes.NAME)').optional(),
  /** The table's caption; default: what was ranked, by what, and the filter. */
  caption,
});

export const DIFF_SECTIONS = ['metrics', 'params', 'attributes', 'tags', 'system_metrics'] as const;

export const DiffSpec = z.strictObject({
  /** The runs compared (RUN references), two or more with the baseline. */
  runs: textList('a RUN reference'),
  /** The run the others are compared with; default: the first of `runs`. */
  baseline: text('a RUN reference').optional(),
  /** `differences` (default): only rows where a run differs from the baseline; `all`: every row. */
  show: oneOf(['differences', 'all'] as const).optional(),
  /** Sections shown, in this order; default metrics and params. */
  sections: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(oneOf(DIFF_SECTIONS)).min(1)).optional(),
  /** Only these keys (metric keys, param or tag names, attributes). */
  keys: textList('a key').optional(),
  caption,
});

export const X_AXIS_NAMES = ['step', 'time', 'relative'] as const;

export const HistorySpec = z.strictObject({
  /** The runs drawn (RUN references); or leave out and give `experiment`/`filter`/`top`. */
  runs: textList('a RUN reference').optional(),
  ...selection,
  order_by: orderBy,
  /** The metric the top runs are chosen by; default: the experiment's primary metric. */
  rank_by: text('a metric key').optional(),
  /** How many of the best runs are drawn when `runs` is left out (default 5). */
  top: wholeNumber(1, HISTORY_RUNS).optional(),
  /** The metric (or metrics: one chart each) drawn; default: `rank_by`. */
  metric: textList('a metric key').optional(),
  /** `step` (default), `time` (wall clock, UTC) or `relative` (seconds since the run started). */
  x: oneOf(X_AXIS_NAMES).optional(),
  /** A logarithmic y axis. */
  log: flag().optional(),
  /** Exponential moving average weight, 0 (none, the default) to 0.99. */
  smoothing: decimal(0, 0.99).optional(),
  caption,
});

export const ParallelSpec = z.strictObject({
  ...selection,
  /** The metric the lines are colored by (last axis); default: the experiment's primary metric. */
  metric: text('a metric key').optional(),
  /** The params on the axes, in order; default: those that vary, most logged first (at most 6). */
  params: textList('a param name').optional(),
  caption,
});

export const ScatterSpec = z.strictObject({
  ...selection,
  /** The metric on the y axis; default: the experiment's primary metric. */
  metric: text('a metric key').optional(),
  /** The param on the x axis; default: the one with the most distinct values. */
  param: text('a param name').optional(),
  caption,
});

export const VALUE_STATS = ['latest', 'min', 'max', 'best'] as const;

export const ValueSpec = z.strictObject({
  /** The run (a RUN reference); or `best`. */
  run: text('a RUN reference').optional(),
  /** An experiment (name or id): its best run (of `parent`'s children, matching `filter`), by `by`, else the metric shown, else its primary metric. */
  best: text('an experiment name or id').optional(),
  /** The metric `best` ranks by. */
  by: text('a metric key').optional(),
  direction: selection.direction,
  filter: selection.filter,
  parent: selection.parent,
  /** Show this metric. */
  metric: text('a metric key').optional(),
  /** Show this param. */
  param: text('a param name').optional(),
  /** Show this tag. */
  tag: text('a tag name').optional(),
  /** Show this attribute of the run. */
  attribute: oneOf(ATTRIBUTES).optional(),
  /** Which value of a metric: `latest` (default, MLflow's), `min`, `max`, or `best` (min or max by its direction). */
  stat: oneOf(VALUE_STATS).optional(),
  /** `percent` shows 0.932 as 93.2 %. */
  format: oneOf(['number', 'percent'] as const).optional(),
  /** Digits after the decimal point (default: the site's number format; 1 for percent). */
  digits: wholeNumber(0, 12).optional(),
});

export const LinkSpec = z.strictObject({
  /** A run (RUN reference): its name and status, linked to its page. */
  run: text('a RUN reference').optional(),
  /** An experiment (name or id). */
  experiment: text('an experiment name or id').optional(),
  /** A model version, `models:/NAME/VERSION` or `models:/NAME@ALIAS`, or a model `NAME`. */
  model: text('a model name or models:/ URI').optional(),
  /** Another report, by its file name without `.md`: its title, linked. */
  report: text('a report name').optional(),
  /** The link's text instead of the name. */
  text: text().optional(),
});

export type LeaderboardSpec = z.output<typeof LeaderboardSpec>;
export type DiffSpec = z.output<typeof DiffSpec>;
export type HistorySpec = z.output<typeof HistorySpec>;
export type ParallelSpec = z.output<typeof ParallelSpec>;
export type ScatterSpec = z.output<typeof ScatterSpec>;
export type ValueSpec = z.output<typeof ValueSpec>;
export type LinkSpec = z.output<typeof LinkSpec>;
