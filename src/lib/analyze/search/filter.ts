/**
 * A filter string compiled once into a predicate over Snapshot runs, with the semantics of
 * MLflow's file store (mlflow/utils/search_utils.py `SearchUtils._does_run_match_clause`):
 * - metrics compare numerically with `=`, `!=`, `<`, `<=`, `>`, `>=` against the latest value;
 *   NaN follows IEEE rules (only `!=` holds), ±Infinity compare as numbers;
 * - params and tags compare as strings with `=`, `!=`, LIKE, ILIKE, and `IS [NOT] NULL`;
 * - string attributes (run_id, run_name, status, user_id, artifact_uri) take `=`, `!=`, LIKE,
 *   ILIKE, IN, NOT IN (IN lists only for run_id); start_time and end_time (alias `created`) take
 *   the metric comparators;
 * - datasets (name, digest, context) take the string-attribute comparators and match when any of
 *   the run's inputs does; context is the input's `mlflow.data.context` tag;
 * - a run without the key never matches, whatever the comparator (`!=` and NOT IN included),
 *   except `IS NULL`.
 * MLflow checks comparators only when a run is matched; we check them when compiling, so a bad
 * comparator is an error even when no run would be tested.
 *
 * Each clause becomes one closure specialised for its comparator and key: no per-run parsing,
 * switching or RegExp construction.
 */
import { metricNumber } from '../../metric-value.ts';
import type { Run, RunInput } from '../../model.ts';
import { SearchSyntaxError, pySet } from './errors.ts';
import { NUMERIC_ATTRIBUTES, translateKeyAlias } from './identifier.ts';
import { likeMatcher } from './like.ts';
import { memoize } from './memo.ts';
import { parseFilter, type FilterClause } from './parse-filter.ts';

export type RunPredicate = (run: Run) => boolean;

const METRIC_COMPARATORS = ['>', '>=', '!=', '=', '<', '<='];
const STRING_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE'];
const PARAM_COMPARATORS = [...STRING_COMPARATORS, 'IS NULL', 'IS NOT NULL'];
const ATTRIBUTE_COMPARATORS = [...STRING_COMPARATORS, 'IN', 'NOT IN'];

/** Compiles `filter` (MLflow's `filter_string`); an empty filter matches every run. Compiled filters are reused. */
export const compileFilter: (filter: string) => RunPredicate = memoize(compileFilterText);

function compileFilterText(filter: string): RunPredicate {
  const clauses = parseFilter(filter).map((clause) => compileClause(clause, filter));
  if (clauses.length === 0) return () => true;
  if (clauses.length === 1) return clauses[0] as RunPredicate;
  if (clauses.length === 2) {
    const [a, b] = clauses as [RunPredicate, RunPredicate];
    return (run) => a(run) && b(run);
  }
  return (run) => {
    for (const clause of clauses) if (!clause(run)) return false;
    return true;
  };
}

function compileClause(clause: FilterClause, input: string): RunPredicate {
  const comparator = clause.comparator.toUpperCase();
  const key = translateKeyAlias(clause.key);
  const allow = (valid: string[]): void => {
    if (!valid.includes(comparator)) {
      throw new SearchSyntaxError(`Invalid comparator '${comparator}' not one of '${pySet(valid)}'`, input, clause.at.comparator);
    }
  };
  switch (clause.type) {
    case 'metric': {
      allow(METRIC_COMPARATORS);
      const test = numberTest(comparator, Number(clause.value));
      // Each lookup is its own function literal, so V8's property cache at `record[key]` sees one
      // kind of object (metrics, params or tags) and stays fast; a shared helper made it 5× slower.
      const shadowed = key in Object.prototype;
      return (run) => {
        const found = shadowed ? (Object.hasOwn(run.metrics, key) ? run.metrics[key] : undefined) : run.metrics[key];
        if (found === undefined) return false;
        const value = found.latest.value;
        return test(typeof value === 'number' ? value : metricNumber(value));
      };
    }
    case 'parameter':
    case 'tag': {
      allow(PARAM_COMPARATORS);
      const shadowed = key in Object.prototype;
      const value =
        clause.type === 'parameter'
          ? (run: Run) => (shadowed && !Object.hasOwn(run.params, key) ? undefined : run.params[key])
          : (run: Run) => (shadowed && !Object.hasOwn(run.tags, key) ? undefined : run.tags[key]);
      if (comparator === 'IS NULL') return (run) => value(run) === undefined;
      if (comparator === 'IS NOT NULL') return (run) => value(run) !== undefined;
      const test = stringTest(comparator, clause, input);
      return (run) => {
        const found = value(run);
        return found !== undefined && test(found);
      };
    }
    case 'attribute': {
      if (NUMERIC_ATTRIBUTES.has(key)) {
        allow(METRIC_COMPARATORS);
        const test = numberTest(comparator, Number(clause.value));
        const time = key === 'start_time' ? (run: Run) => run.startTime : (run: Run) => run.endTime;
        return (run) => {
          const found = time(run);
          return found !== undefined && test(found);
        };
      }
      allow(ATTRIBUTE_COMPARATORS);
      const test = stringTest(comparator, clause, input);
      const attribute = STRING_ATTRIBUTES[key] as (run: Run) => string | undefined;
      return (run) => {
        const found = attribute(run);
        return found !== undefined && test(found);
      };
    }
    case 'dataset': {
      allow(ATTRIBUTE_COMPARATORS);
      const test = stringTest(comparator, clause, input);
      const field = DATASET_FIELDS[key] as (input: RunInput) => string | undefined;
      return (run) => {
        for (const runInput of run.inputs) {
          const found = field(runInput);
          if (found !== undefined && test(found)) return true;
        }
        return false;
      };
    }
  }
}

/** RunInfo attributes on a Snapshot run. An empty name is MLflow's absent `run_name`. */
const STRING_ATTRIBUTES: Record<string, (run: Run) => string | undefined> = {
  run_id: (run) => run.id,
  run_name: (run) => (run.name === '' ? undefined : run.name),
  status: (run) => run.status,
  user_id: (run) => run.user,
  artifact_uri: (run) => run.artifactUri,
};

/** Dataset fields; context only exists when the input carries an `mlflow.data.context` tag. */
const DATASET_FIELDS: Record<string, (input: RunInput) => string | undefined> = {
  name: (input) => input.name,
  digest: (input) => input.digest,
  context: (input) => input.context,
};

function numberTest(comparator: string, value: number): (n: number) => boolean {
  switch (comparator) {
    case '=': return (n) => n === value;
    case '!=': return (n) => n !== value;
    case '<': return (n) => n < value;
    case '<=': return (n) => n <= value;
    case '>': return (n) => n > value;
    default: return (n) => n >= value;
  }
}

/** Python semantics: a string never equals a list (`run_id = ('a')`), and never differs from it less. */
function stringTest(comparator: string, clause: FilterClause, input: string): (s: string) => boolean {
  const { value } = clause;
  if (comparator === 'IN' || comparator === 'NOT IN') {
    const members = new Set(Array.isArray(value) ? value : []);
    return comparator === 'IN' ? (s) => members.has(s) : (s) => !members.has(s);
  }
  if (typeof value !== 'string') {
    if (comparator === '=') return () => false;
    if (comparator === '!=') return () => true;
    // MLflow fails here with a Python TypeError; a list is not a LIKE pattern.
    throw new SearchSyntaxError(`Expected a quoted string value for ${comparator}, got a list`, input, clause.at.value);
  }
  if (comparator === '=') return (s) => s === value;
  if (comparator === '!=') return (s) => s !== value;
  return likeMatcher(value, comparator === 'ILIKE');
}
