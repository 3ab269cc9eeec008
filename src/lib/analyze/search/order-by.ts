/**
 * `order_by` clauses (`metrics.acc DESC`, `attributes.start_time`, `` params.`max depth` ASC ``)
 * and the ordering MLflow's file store gives (mlflow/utils/search_utils.py
 * `_parse_order_by_string`, `parse_order_by_for_search_runs`, `_get_value_for_sort`, `sort`):
 * - a clause is one identifier, optionally followed by ASC or DESC (any case); ascending by default;
 * - runs start ordered by start_time descending, then run id ascending; each clause then refines
 *   that order (MLflow applies stable sorts from the last clause to the first), so ties keep it;
 * - for every clause, runs that have a value come first, then runs whose value is NaN, then runs
 *   without the key — in ascending and in descending order alike;
 * - metrics compare as numbers (±Infinity included), params, tags and string attributes as
 *   strings, start_time and end_time as numbers (`created` is start_time);
 * - datasets cannot be ordered by ("Invalid order_by entity type").
 * Strings compare by UTF-16 code unit (order.ts); Python compares code points, which differs only
 * between astral characters and U+E000–U+FFFF.
 */
import { memoize } from './memo.ts';
import { metricNumber } from '../../metric-value.ts';
import type { Run } from '../../model.ts';
import { compareStrings } from '../../order.ts';
import { SearchSyntaxError, pyRepr } from './errors.ts';
import { ORDER_BY_ATTRIBUTES, parseIdentifier, translateKeyAlias, type EntityType } from './identifier.ts';
import { lex } from './lexer.ts';
import { groupIdentifiers, groupParentheses, isKeyword, isToken, type Node } from './parse-filter.ts';
import { shlexSplit, type ShlexWord } from './shlex.ts';

export interface OrderByClause {
  type: EntityType;
  key: string;
  ascending: boolean;
}

export type RunComparator = (a: Run, b: Run) => number;

/** `parse_order_by_for_search_runs` for one clause. */
export function parseOrderBy(clause: string): OrderByClause {
  const invalid = (position: number): never => {
    throw new SearchSyntaxError(`Invalid order_by clause ${pyRepr(clause)}. Could not be parsed.`, clause, position);
  };
  // sqlparse must group the whole clause into one identifier: a first identifier, then only
  // further names (aliases) and ASC/DESC, which it absorbs; no whitespace before or after.
  const nodes = groupIdentifiers(groupParentheses(lex(clause)));
  if (nodes[0]?.kind !== 'ident') invalid(0);
  for (const node of nodes) {
    if (!(node.kind === 'ident' || isToken(node, 'ws') || isKeyword(node, 'ASC') || isKeyword(node, 'DESC'))) invalid(node.start);
  }
  const last = nodes[nodes.length - 1] as Node;
  if (isToken(last, 'ws')) invalid(last.start);

  // Then shlex: one word is the key as written; two are key and direction; more is an error.
  const words = shlexSplit(clause.replaceAll('`', '"')) ?? invalid(0);
  if (words.length > 2) invalid((words[2] as ShlexWord).start);
  let text = clause;
  let ascending = true;
  const [key, direction] = words;
  if (key !== undefined && direction !== undefined) {
    const order = direction.word.toLowerCase();
    if (order !== 'asc' && order !== 'desc') {
      throw new SearchSyntaxError(`Invalid ordering key in order_by clause ${pyRepr(clause)}.`, clause, direction.start);
    }
    ascending = order === 'asc';
    text = key.word;
  }
  const identifier = parseIdentifier(text.trim(), ORDER_BY_ATTRIBUTES, clause, 0);
  if (identifier.type === 'dataset') throw new SearchSyntaxError("Invalid order_by entity type 'dataset'", clause, 0);
  return { ...identifier, ascending };
}

/** How one clause reads a run: a number (NaN allowed), a string, or undefined when absent. */
type SortValue = (run: Run) => number | string | undefined;

function sortValue({ type, key }: OrderByClause): SortValue {
  // One function literal per record kind keeps V8's property cache at `record[key]` monomorphic
  // (see filter.ts); `shadowed` guards keys like `constructor` that objects inherit.
  const shadowed = key in Object.prototype;
  if (type === 'metric') {
    return (run) => {
      const metric = shadowed && !Object.hasOwn(run.metrics, key) ? undefined : run.metrics[key];
      return metric === undefined ? undefined : metricNumber(metric.latest.value);
    };
  }
  if (type === 'parameter') return (run) => (shadowed && !Object.hasOwn(run.params, key) ? undefined : run.params[key]);
  if (type === 'tag') return (run) => (shadowed && !Object.hasOwn(run.tags, key) ? undefined : run.tags[key]);
  switch (translateKeyAlias(key)) {
    case 'start_time': return (run) => run.startTime;
    case 'end_time': return (run) => run.endTime;
    case 'run_id': return (run) => run.id;
    case 'run_name': return (run) => (run.name === '' ? undefined : run.name);
    case 'status': return (run) => run.status;
    case 'user_id': return (run) => run.user;
    default: return (run) => run.artifactUri;
  }
}

/** Present values first (in the clause's direction), then NaN, then absent. */
function compareSortValues(a: number | string | undefined, b: number | string | undefined, ascending: boolean): number {
  const rankA = a === undefined ? 2 : a !== a ? 1 : 0;
  const rankB = b === undefined ? 2 : b !== b ? 1 : 0;
  if (rankA !== rankB || rankA !== 0) return rankA - rankB;
  const order = (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  return ascending ? order : -order;
}

/** MLflow's natural order: start_time descending (a run without one last), then run id. */
function compareDefault(a: Run, b: Run): number {
  return compareSortValues(a.startTime, b.startTime, false) || compareStrings(a.id, b.id);
}

/** The clauses parsed once (and reused, see memo.ts), each with its value reader. */
function compileSortKeys(clauses: readonly string[]): { read: SortValue; ascending: boolean }[] {
  return clauses.map(compileSortKey);
}

const compileSortKey = memoize((clause: string) => {
  const parsed = parseOrderBy(clause);
  return { read: sortValue(parsed), ascending: parsed.ascending };
});

/** A comparator for Array.prototype.sort (which is stable) giving MLflow's order for `clauses`. */
export function compileOrderBy(clauses: readonly string[]): RunComparator {
  const keys = compileSortKeys(clauses);
  return (a, b) => {
    for (const { read, ascending } of keys) {
      const order = compareSortValues(read(a), read(b), ascending);
      if (order !== 0) return order;
    }
    return compareDefault(a, b);
  };
}

/**
 * Sorts a copy of `runs` in the order compileOrderBy gives. Each key is read once per run into a
 * typed column (rank 0 present, 1 NaN, 2 absent; the value), and the comparator compares
 * columns by index: no closure reading a run per comparison, which on 10,000 runs cost more than
 * the rest. Start time is always the last key before the run id.
 */
export function sortRuns(runs: readonly Run[], clauses: readonly string[]): Run[] {
  const keys = compileSortKeys(clauses).map(({ read, ascending }) => column(runs.map(read), ascending));
  keys.push(column(runs.map((run) => run.startTime), false));
  const ids = runs.map((run) => run.id);
  const [first, second] = keys as [SortColumn, SortColumn | undefined];
  const byId = (i: number, j: number) => compareStrings(ids[i] as string, ids[j] as string);
  // One clause (or none) then start time is the usual case; naming the columns lets V8 inline
  // compareAt, about twice as fast as walking the list.
  const compare =
    keys.length === 1
      ? (i: number, j: number) => compareAt(first, i, j) || byId(i, j)
      : keys.length === 2
        ? (i: number, j: number) => compareAt(first, i, j) || compareAt(second as SortColumn, i, j) || byId(i, j)
        : (i: number, j: number) => {
            for (const key of keys) {
              const order = compareAt(key, i, j);
              if (order !== 0) return order;
            }
            return byId(i, j);
          };
  return runs.map((_, i) => i).sort(compare).map((i) => runs[i] as Run);
}

interface SortColumn {
  rank: Uint8Array;
  numbers: Float64Array | undefined;
  strings: string[] | undefined;
  sign: number;
}

/** compareSortValues for runs i and j of one column. */
function compareAt(key: SortColumn, i: number, j: number): number {
  const ri = key.rank[i] as number;
  const rj = key.rank[j] as number;
  if (ri !== rj) return ri - rj;
  if (ri !== 0) return 0;
  const a = key.numbers ? (key.numbers[i] as number) : ((key.strings as string[])[i] as string);
  const b = key.numbers ? (key.numbers[j] as number) : ((key.strings as string[])[j] as string);
  return a === b ? 0 : a < b ? -key.sign : key.sign;
}

/** One sort key over every run: ranks, and the values as numbers or as strings (plain loops: TypedArray.from with a map function is several times slower). */
function column(values: (number | string | undefined)[], ascending: boolean): SortColumn {
  const n = values.length;
  const rank = new Uint8Array(n);
  let textual = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    rank[i] = v === undefined ? 2 : v !== v ? 1 : 0;
    if (typeof v === 'string') textual = true;
  }
  let numbers: Float64Array | undefined;
  let strings: string[] | undefined;
  if (textual) {
    strings = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      strings[i] = typeof v === 'string' ? v : '';
    }
  } else {
    numbers = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      numbers[i] = typeof v === 'number' ? v : 0;
    }
  }
  return { rank, numbers, strings, sign: ascending ? 1 : -1 };
}
