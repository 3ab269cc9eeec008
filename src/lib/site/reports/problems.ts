/**
 * What can be wrong with a report, and the one error a build stops with.
 *
 * Policy: every defect of a report is fatal, because a report that quietly lost a table or a
 * number would tell its readers something untrue. Problems are collected over every report of
 * the build (front matter, embed syntax, references), then thrown together as one ReportError:
 * one line per problem, `FILE:LINE: what is wrong`, in file and line order, exit code 3 (unusable
 * input), printed by the CLI without a stack.
 */
import { EXIT, RunfolioError } from '../../errors.ts';
import { compareStrings } from '../../order.ts';

export interface ReportProblem {
  /** The report file as the user names it (e.g. `content/reports/sweep.md`). */
  file: string;
  /** 1-based line in the file; absent when the problem is the file as a whole. */
  line?: number;
  message: string;
}

export class ReportError extends RunfolioError {
  readonly problems: readonly ReportProblem[];
  constructor(problems: readonly ReportProblem[]) {
    const sorted = [...problems].sort(compareProblems);
    const lines = sorted.map(formatProblem);
    super(lines.length === 1 ? (lines[0] as string) : `${lines.length} problems in reports:\n${lines.join('\n')}`, EXIT.input);
    this.problems = sorted;
  }
}

export function formatProblem(problem: ReportProblem): string {
  return `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}

function compareProblems(a: ReportProblem, b: ReportProblem): number {
  return compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.message, b.message);
}

/**
 * A problem found while resolving one embed, thrown by the resolvers and caught per embed; `line`
 * (absolute in the file) points at the key at fault when it is known, else the embed's own line.
 */
export class EmbedProblem extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'EmbedProblem';
    this.line = line;
  }
}
