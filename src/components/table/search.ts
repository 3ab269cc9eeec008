/**
 * The runs table's two search boxes, on MLflow's own grammar (src/lib/analyze/search):
 * - Filter: a `filter_string` (`metrics.acc > 0.9 AND params.model = 'rf'`), trimmed; empty
 *   matches every run and leaves the table in tree order.
 * - Order by: `order_by` clauses separated by commas (`metrics.acc DESC, params.lr`); a comma
 *   inside quotes or backticks belongs to the key. Runs order as MLflow's `search_runs` orders
 *   them, ties included (start time descending, then run id), not as the tree.
 * Compiling never throws: a bad input gives its error (MLflow's words, the offset and a caret
 * excerpt), and the island keeps using the last input that compiled.
 *
 * The search functions take Snapshot runs; RunCache makes one per record, once, when a filter or
 * order first needs it, so typing does not rebuild 10,000 objects per keystroke.
 */
import { compileFilter, parseOrderBy, SearchSyntaxError, type RunPredicate } from '../../lib/analyze/search/index.ts';
import { sortRuns } from '../../lib/analyze/search/order-by.ts';
import { describeError } from '../../lib/errors.ts';
import type { Run } from '../../lib/model.ts';
import { recordToRun, type RunsTableRecord } from '../../lib/site/table-data.ts';

export interface SearchProblem {
  /** One line: MLflow's wording and the offset. */
  message: string;
  /** The input line and a caret under the offending token; empty when there is no position. */
  excerpt: string;
}

export type Compiled<T> = { ok: true; value: T } | { ok: false; error: SearchProblem };

function problem(error: unknown): SearchProblem {
  if (error instanceof SearchSyntaxError) return { message: error.message, excerpt: error.excerpt };
  return { message: describeError(error), excerpt: '' };
}

/** A filter box's text → a predicate over runs, or undefined when it is empty. */
export function compileTableFilter(text: string): Compiled<RunPredicate | undefined> {
  const filter = text.trim();
  if (filter === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: compileFilter(filter) };
  } catch (error) {
    return { ok: false, error: problem(error) };
  }
}

export interface OrderClause {
  text: string;
  /** Offset of the clause in the box's text, so errors point into what the reader typed. */
  start: number;
}

/** Splits at commas outside '…', "…" and `…`; each clause is trimmed. */
export function splitOrderBy(text: string): OrderClause[] {
  const clauses: OrderClause[] = [];
  let quote = '';
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    clauses.push({ text: raw.trim(), start: from + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === ',') {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return clauses;
}

/** An order-by box's text → MLflow `order_by` clauses, or undefined when it is empty. */
export function compileTableOrder(text: string): Compiled<string[] | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const clauses = splitOrderBy(text);
  for (const clause of clauses) {
    try {
      parseOrderBy(clause.text);
    } catch (error) {
      if (!(error instanceof SearchSyntaxError)) return { ok: false, error: problem(error) };
      // Re-anchor the clause's error in the whole box, so the offset and caret match what is shown.
      const reason = error.message.replace(/ \(at offset \d+\)$/, '');
      return { ok: false, error: problem(new SearchSyntaxError(reason, text, clause.start + error.position)) };
    }
  }
  return { ok: true, value: clauses.map((c) => c.text) };
}

/** One Snapshot run per record, made on first use; records only ever append, so indices stay valid. */
export class RunCache {
  private readonly runs: (Run | undefined)[] = [];
  private readonly experimentId: string;

  constructor(experimentId: string) {
    this.experimentId = experimentId;
  }

  get(records: readonly RunsTableRecord[], keys: { metrics: string[]; params: string[] }, index: number): Run {
    let run = this.runs[index];
    if (run === undefined) {
      run = recordToRun(records[index] as RunsTableRecord, keys.metrics, keys.params, this.experimentId);
      this.runs[index] = run;
    }
    return run;
  }
}

/** Indices of the records whose run matches, in record order. */
export function filterIndices(count: number, runOf: (index: number) => Run, matches: RunPredicate): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (matches(runOf(i))) out.push(i);
  return out;
}

/** `indices` in the order MLflow's `search_runs` gives for `clauses`. */
export function orderIndices(indices: readonly number[], runOf: (index: number) => Run, clauses: readonly string[]): number[] {
  const runs = indices.map(runOf);
  const position = new Map(runs.map((run, p) => [run, indices[p] as number]));
  return sortRuns(runs, clauses).map((run) => position.get(run) as number);
}
