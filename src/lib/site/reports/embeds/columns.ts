/**
 * What a run shows in a leaderboard column or an inline value: a metric's latest value, a param,
 * a tag, or an attribute, formatted as the rest of the site formats them (format.ts). Columns
 * are written as MLflow's search identifiers: `metrics.val/loss`, `params.lr`, `tags.team`,
 * `attributes.duration` (backticks or quotes around a key with spaces).
 */
import { stripQuotes, trimBackticks } from '../../../analyze/search/identifier.ts';
import type { Run } from '../../../model.ts';
import { formatDuration, formatMetric, formatTime } from '../../format.ts';
import { durationOf } from '../../views/facts.ts';
import { EmbedProblem } from '../problems.ts';
import { quote, suggestion } from '../suggest.ts';
import { requireKey, type KeyKind } from './context.ts';
import { ATTRIBUTES, type Attribute } from './specs.ts';

export type Column = { kind: KeyKind; key: string } | { kind: 'attribute'; key: Attribute };

const ENTITIES: Record<string, Column['kind']> = {
  metric: 'metric', metrics: 'metric',
  param: 'param', params: 'param', parameter: 'param', parameters: 'param',
  tag: 'tag', tags: 'tag',
  attribute: 'attribute', attributes: 'attribute', attr: 'attribute',
};

/** A column spec, its key checked against what `runs` logged. */
export function parseColumn(spec: string, runs: readonly Run[], where: string, line: number | undefined): Column {
  const dot = spec.indexOf('.');
  const kind = dot === -1 ? undefined : ENTITIES[trimBackticks(spec.slice(0, dot))];
  if (kind === undefined) {
    throw new EmbedProblem(`columns: ${quote(spec)} must start with metrics., params., tags. or attributes.`, line);
  }
  const key = trimBackticks(stripQuotes(spec.slice(dot + 1)));
  if (kind === 'attribute') return { kind, key: checkAttribute(key, line) };
  return { kind, key: requireKey(runs, kind, key, where, line) };
}

export function checkAttribute(key: string, line: number | undefined): Attribute {
  if ((ATTRIBUTES as readonly string[]).includes(key)) return key as Attribute;
  throw new EmbedProblem(`no attribute ${quote(key)}${suggestion(key, ATTRIBUTES, 'attributes')}`, line);
}

export function columnLabel(column: Column): string {
  return column.kind === 'attribute' ? column.key.replace('_', ' ') : column.key;
}

export function isNumeric(column: Column): boolean {
  return column.kind === 'metric' || column.key === 'duration' || column.key === 'start_time' || column.key === 'end_time';
}

/** The cell text of `run` in `column`; `—` when the run has no such value. */
export function cellText(run: Run, column: Column): string {
  switch (column.kind) {
    case 'metric': return Object.hasOwn(run.metrics, column.key) ? formatMetric(run.metrics[column.key]?.latest.value) : '—';
    case 'param': return Object.hasOwn(run.params, column.key) ? (run.params[column.key] as string) : '—';
    case 'tag': return Object.hasOwn(run.tags, column.key) ? (run.tags[column.key] as string) : '—';
    case 'attribute': return attributeText(run, column.key);
  }
}

export function attributeText(run: Run, attribute: Attribute): string {
  switch (attribute) {
    case 'run_name': return run.name || run.id;
    case 'run_id': return run.id;
    case 'status': return run.status;
    case 'start_time': return formatTime(run.startTime);
    case 'end_time': return formatTime(run.endTime);
    case 'duration': return formatDuration(durationOf(run));
    case 'user_id': return run.user ?? '—';
  }
}
