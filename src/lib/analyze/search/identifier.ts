/**
 * The left-hand side of a clause and the key of an order_by: `metrics.acc`, `params."max depth"`,
 * `` tags.`mlflow.runName` ``, `attributes.start_time`, or a bare attribute (`run_id`). Rules from
 * mlflow/utils/search_utils.py `SearchUtils._get_identifier` and mlflow/entities/run_info.py:
 * - the text splits at its first `.` into entity type and key; no `.` means an attribute;
 * - the entity type may be backticked and is case-sensitive (`metric`, `metrics`, `param`, …);
 * - the key loses one pair of surrounding quotes (' or "), then one pair of backticks;
 * - attribute keys are RunInfo's searchable properties plus MLflow's aliases (`created` for
 *   start_time, `run name` for run_name); order_by accepts `created` but not `run name`;
 * - dataset keys are name, digest and context.
 */
import { SearchSyntaxError, pyList, pySet } from './errors.ts';

export type EntityType = 'metric' | 'parameter' | 'tag' | 'attribute' | 'dataset';

export interface Identifier {
  type: EntityType;
  /** The key as written (quotes removed); aliases are translated later, as MLflow does. */
  key: string;
}

/** Every spelling MLflow accepts for an entity type (`_VALID_IDENTIFIERS`). */
const ENTITY_TYPES = new Map<string, EntityType>([
  ['metric', 'metric'], ['metrics', 'metric'],
  ['parameter', 'parameter'], ['parameters', 'parameter'], ['param', 'parameter'], ['params', 'parameter'],
  ['tag', 'tag'], ['tags', 'tag'],
  ['attribute', 'attribute'], ['attr', 'attribute'], ['attributes', 'attribute'], ['run', 'attribute'],
  ['dataset', 'dataset'], ['datasets', 'dataset'],
]);

const CANONICAL_TYPES = ['metric', 'parameter', 'tag', 'attribute', 'dataset'];

/** RunInfo's `searchable_attribute` properties (run_info.py). */
const RUN_INFO_ATTRIBUTES = ['artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id'];
const START_TIME_ALIASES = ['created', 'Created'];
const RUN_NAME_ALIASES = ['run name', 'Run name', 'Run Name'];

/** `VALID_SEARCH_ATTRIBUTE_KEYS`. */
export const SEARCH_ATTRIBUTES: ReadonlySet<string> = new Set([...RUN_INFO_ATTRIBUTES, ...START_TIME_ALIASES, ...RUN_NAME_ALIASES]);
/** `VALID_ORDER_BY_ATTRIBUTE_KEYS`: searchable attributes are orderable; `run name` is not. */
export const ORDER_BY_ATTRIBUTES: ReadonlySet<string> = new Set([...RUN_INFO_ATTRIBUTES, ...START_TIME_ALIASES]);
/** `NUMERIC_ATTRIBUTES`: compared as numbers; every other attribute is a string. */
export const NUMERIC_ATTRIBUTES: ReadonlySet<string> = new Set(['start_time', 'end_time', ...START_TIME_ALIASES]);
/** `DATASET_ATTRIBUTES`. */
export const DATASET_KEYS: ReadonlySet<string> = new Set(['name', 'digest', 'context']);

/** `SearchUtils.translate_key_alias`. */
export function translateKeyAlias(key: string): string {
  if (START_TIME_ALIASES.includes(key)) return 'start_time';
  if (RUN_NAME_ALIASES.includes(key)) return 'run_name';
  return key;
}

/**
 * `_get_identifier`: `text` is the identifier as written, `position` its offset in `input` (for
 * errors), `attributes` the attribute keys allowed here.
 */
export function parseIdentifier(text: string, attributes: ReadonlySet<string>, input: string, position: number): Identifier {
  const dot = text.indexOf('.');
  const entity = dot === -1 ? 'attribute' : trimBackticks(text.slice(0, dot));
  const type = ENTITY_TYPES.get(entity);
  if (type === undefined) {
    throw new SearchSyntaxError(`Invalid entity type '${entity}'. Valid values are ${pyList(CANONICAL_TYPES)}`, input, position);
  }
  const key = trimBackticks(stripQuotes(dot === -1 ? text : text.slice(dot + 1)));
  if (type === 'attribute' && !attributes.has(key)) {
    throw new SearchSyntaxError(`Invalid attribute key '${key}' specified. Valid keys are '${pySet(attributes)}'`, input, position);
  }
  if (type === 'dataset' && !DATASET_KEYS.has(key)) {
    throw new SearchSyntaxError(`Invalid dataset key '${key}' specified. Valid keys are '${pySet(DATASET_KEYS)}'`, input, position);
  }
  return { type, key };
}

function isQuoted(text: string, quote: string): boolean {
  return text.length >= 2 && text.startsWith(quote) && text.endsWith(quote);
}

/** `_trim_backticks`. */
export function trimBackticks(text: string): string {
  return isQuoted(text, '`') ? text.slice(1, -1) : text;
}

/** `_strip_quotes` without `expect_quoted_value`: one pair of ' or " goes, no unescaping. */
export function stripQuotes(text: string): string {
  return isQuoted(text, "'") || isQuoted(text, '"') ? text.slice(1, -1) : text;
}

/** `_strip_quotes(expect_quoted_value=True)`: undefined when the value is not quoted. */
export function quotedValue(text: string): string | undefined {
  return isQuoted(text, "'") || isQuoted(text, '"') ? text.slice(1, -1) : undefined;
}
