/**
 * A comparison as GitHub Markdown, for a pull-request comment and the job summary:
 *
 * 1. the hidden marker `<!-- runfolio:compare -->` (a workflow finds its sticky comment by it);
 * 2. the verdict: gates failed / passed with warnings / passed, and how many metrics changed how;
 * 3. each held condition with both values;
 * 4. per candidate: the metrics table (baseline, candidate, change, relative change, and whether
 *    that is better or worse in the metric's direction), offending rows first (a failed gate,
 *    a warning, worse, missing, better), most telling first within each; then the changed params;
 * 5. folded in `<details>`: bookkeeping and system metrics that changed (timing, counters, `pid`,
 *    `lr`, `system/…`: not better or worse, and not counted in the verdict, unless a condition
 *    held on one), metrics only one run logged, unchanged metrics;
 * 6. a link to the comparison page when `--site` is given.
 *
 * At most 60,000 characters by construction (GitHub refuses comments over 65,536): budget.ts
 * places the parts in priority order, and when they do not all fit they are left out in this
 * order, each saying what it left out: the unchanged metrics, the changed bookkeeping metrics,
 * the metrics only one run logged, the changed params, the held conditions after the first 20 of each kind (they are rows of the
 * table too), the changed metric rows, the metric rows with a held condition, the first held
 * conditions (from the last up). The marker, the verdict, the table's head and the link are
 * always kept. Untrusted text goes through md-escape.ts.
 */
import { formatCount, formatMetric, runName, shortId } from '../site/format.ts';
import { metricValue } from '../metric-value.ts';
import { fitBlocks, type Block } from './budget.ts';
import { heldGates, type CandidateComparison, type ChosenRun, type Comparison } from './comparison.ts';
import type { GateResult } from './evaluate.ts';
import { gateDetail } from './gate-text.ts';
import { escapeMarkdown as md } from './md-escape.ts';
import type { MetricRow } from './metrics.ts';

export const MARKER = '<!-- runfolio:compare -->';
export const MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** The comparison page's URL (`--site`). */
  link?: string;
  limit?: number;
}

/** Room is given in this order; what is left out goes in the reverse order (see the header). */
const P = { verdict: 0, failed: 1, warned: 2, offending: 3, changed: 4, moreFailed: 5, moreWarned: 6, params: 7, only: 8, bookkeeping: 9, unchanged: 10 } as const;
/** Held conditions listed before the metrics table; the rest come after it in priority (they are rows of the table too). */
const FIRST_CONDITIONS = 20;

export function comparisonMarkdown(comparison: Comparison, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const link = options.link ? `\n[Comparison page, charts and run pages](${encodeURI(options.link)})\n` : '';
  const blocks: Block[] = [
    fixed(P.verdict, `${MARKER}\n${verdict(comparison)}\n`),
    ...conditionBlocks(comparison),
    ...comparison.candidates.flatMap((c) => candidateBlocks(comparison, c)),
  ];
  const { text } = fitBlocks(blocks, limit - link.length);
  return `${text}${link}`;
}

function fixed(priority: number, text: string): Block {
  return { priority, head: text, lines: [], tail: '', note: () => '' };
}

const leftNote = (what: string) => (left: number, whole: boolean) =>
  `\n_${formatCount(left)} ${whole ? '' : 'more '}${what} left out to keep this comment under ${formatCount(MARKDOWN_LIMIT)} characters; the comparison page (\`runfolio compare --out\`) has everything._\n`;

function verdict(comparison: Comparison): string {
  const failed = heldGates(comparison, 'fail').length;
  const warned = heldGates(comparison, 'warn').length;
  const rows = comparison.candidates.flatMap((c) => c.metrics.rows.filter((r) => !r.bookkeeping));
  const count = (v: MetricRow['verdict']) => rows.filter((r) => r.verdict === v).length;
  const bookkeeping = comparison.candidates.reduce((n, c) => n + c.metrics.rows.filter((r) => r.bookkeeping).length, 0);
  const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  const title =
    failed > 0
      ? `### ❌ Runfolio compare: ${plural(failed, 'failed condition')}${warned > 0 ? `, ${plural(warned, 'warning')}` : ''}`
      : warned > 0
        ? `### ⚠️ Runfolio compare: passed with ${plural(warned, 'warning')}`
        : `### ✅ Runfolio compare: ${comparison.conditions > 0 ? `all ${plural(comparison.conditions, 'condition')} passed` : 'no conditions set'}`;
  const changes = `${plural(rows.length, 'metric')} compared: ${formatCount(count('better'))} better, ${formatCount(count('worse'))} worse, ${formatCount(count('same'))} unchanged${count('missing') > 0 ? `, ${formatCount(count('missing'))} missing on one side` : ''}${bookkeeping > 0 ? `; ${plural(bookkeeping, 'bookkeeping metric')} (timing, counters, system) apart` : ''}.`;
  const candidates = comparison.candidates.map((c) => runLabel(c.candidate)).join(', ');
  return `${title}\n\n${candidates} against the baseline ${runLabel(comparison.baseline)}: ${changes}\n`;
}

function runLabel(chosen: ChosenRun): string {
  // An id or a prefix of it says nothing the short id does not.
  const ref = chosen.run.id.startsWith(chosen.ref) ? '' : `${md(chosen.ref, 120)} → `;
  const best = chosen.bestBy ? `, best by ${md(chosen.bestBy, 80)}` : '';
  return `**${md(runName(chosen.run), 120)}** (${ref}${md(shortId(chosen.run.id))}, ${md(chosen.experimentName, 80)}${best})`;
}

function conditionBlocks(comparison: Comparison): Block[] {
  const several = comparison.candidates.length > 1;
  const block = (level: 'fail' | 'warn', first: number, rest: number, title: string, what: string): Block[] => {
    const lines = heldGates(comparison, level).map(({ candidate, result }) => conditionLine(result, several ? candidate : undefined));
    if (lines.length === 0) return [];
    return [
      { priority: first, head: `\n**${title}**\n\n`, lines: lines.slice(0, FIRST_CONDITIONS), tail: '', note: leftNote(what) },
      { priority: rest, head: '', lines: lines.slice(FIRST_CONDITIONS), tail: '', note: leftNote(what) },
    ];
  };
  return [
    ...block('fail', P.failed, P.moreFailed, 'Failed conditions (--fail-on)', 'failed conditions'),
    ...block('warn', P.warned, P.moreWarned, 'Warnings (--warn-on)', 'warnings'),
  ];
}

function conditionLine(result: GateResult, candidate: ChosenRun | undefined): string {
  const mark = result.level === 'fail' ? '❌' : '⚠️';
  return `- ${mark} ${md(result.gate.text, 300)}: ${md(gateDetail(result), 400)}${candidate ? ` (${md(runName(candidate.run), 80)})` : ''}`;
}

const RANK: Record<string, number> = { fail: 0, warn: 1, worse: 2, missing: 3, better: 4, same: 5 };

function candidateBlocks(comparison: Comparison, c: CandidateComparison): Block[] {
  const blocks: Block[] = [];
  if (comparison.candidates.length > 1) blocks.push(fixed(P.verdict, `\n#### ${md(runName(c.candidate.run), 120)} (${md(shortId(c.candidate.run.id))})\n`));
  const status = statusOf(c);
  const rows = [...c.metrics.rows].sort((a, b) => (RANK[status(a)] as number) - (RANK[status(b)] as number));
  const held = (r: MetricRow) => ['fail', 'warn'].includes(status(r));
  const shown = rows.filter((r) => r.verdict !== 'same' && (!r.bookkeeping || held(r)));
  const offending = shown.filter(held);
  const changed = shown.filter((r) => !offending.includes(r));
  const incidental = rows.filter((r) => r.verdict !== 'same' && r.bookkeeping && !held(r));
  const head = '\n<sub>↓ lower is better, ↑ higher is better; latest values.</sub>\n\n| | Metric | Baseline | Candidate | Change | Relative |\n|---|---|---:|---:|---:|---:|\n';
  if (shown.length === 0) blocks.push(fixed(P.verdict, `\n${c.metrics.rows.length === 0 ? 'No metric in common to compare.' : incidental.length > 0 ? 'No compared metric changed (only bookkeeping ones, folded below).' : 'No compared metric changed.'}\n`));
  else {
    // The table's head is kept with the verdict, so rows never stand without it.
    blocks.push(fixed(P.verdict, head));
    blocks.push({ priority: P.offending, head: '', lines: offending.map((r) => metricLine(r, status(r))), tail: '', note: leftNote('metrics with a held condition') });
    blocks.push({ priority: P.changed, head: '', lines: changed.map((r) => metricLine(r, status(r))), tail: '', note: leftNote('changed metrics') });
  }
  if (c.params.length > 0) {
    const lines = c.params.map((p) => `| ${md(p.key)} | ${p.baseline === null ? '—' : md(p.baseline)} | ${p.candidate === null ? '—' : md(p.candidate)} |`);
    blocks.push({ priority: P.params, head: `\n**Changed params** (${formatCount(c.params.length)})\n\n| Param | Baseline | Candidate |\n|---|---|---|\n`, lines, tail: '', note: leftNote('changed params') });
  }
  const moved = incidental.map((r) => `| ${md(r.key)} | ${value(r.baseline)} | ${value(r.candidate)} | ${r.absolute === null ? '—' : signed(r.absolute)} |`);
  if (moved.length > 0) blocks.push(folded(P.bookkeeping, `Bookkeeping and system metrics that changed (${formatCount(moved.length)})`, '| Metric | Baseline | Candidate | Change |\n|---|---:|---:|---:|\n', moved, 'changed bookkeeping metrics'));
  const only = [...c.metrics.onlyBaseline.map((k) => `| ${md(k)} | baseline |`), ...c.metrics.onlyCandidate.map((k) => `| ${md(k)} | candidate |`)];
  if (only.length > 0) blocks.push(folded(P.only, `Metrics only one run logged (${formatCount(only.length)})`, '| Metric | Only in |\n|---|---|\n', only, 'metrics only one run logged'));
  const same = rows.filter((r) => r.verdict === 'same').map((r) => `| ${md(r.key)} | ${value(r.candidate)} |`);
  if (same.length > 0) blocks.push(folded(P.unchanged, `Unchanged metrics (${formatCount(same.length)})`, '| Metric | Value |\n|---|---:|\n', same, 'unchanged metrics'));
  return blocks;
}

function folded(priority: number, summary: string, tableHead: string, lines: string[], what: string): Block {
  return { priority, head: `\n<details><summary>${summary}</summary>\n\n${tableHead}`, lines, tail: '\n</details>\n', note: leftNote(what) };
}

/** A row's place in the table: a held gate first, then its verdict. */
function statusOf(c: CandidateComparison): (row: MetricRow) => string {
  const held = new Map<string, string>();
  for (const g of c.gates) if (g.holds && (g.level === 'fail' || !held.has(g.key))) held.set(g.key, g.level);
  return (row) => held.get(row.key) ?? row.verdict;
}

const MARKS: Record<string, string> = { fail: '❌ fail', warn: '⚠️ warn', worse: '🔴 worse', better: '🟢 better', missing: '❔ missing', same: '⚪ same' };

function metricLine(row: MetricRow, status: string): string {
  const arrow = row.direction === 'asc' ? ' ↓' : ' ↑';
  const change = row.absolute === null ? '—' : signed(row.absolute);
  const relative = row.relative === null ? '—' : `${signed(row.relative * 100)}%`;
  return `| ${MARKS[status]} | ${md(row.key)}${arrow} | ${value(row.baseline)} | ${value(row.candidate)} | ${change} | ${relative} |`;
}

function value(n: number | null): string {
  return n === null ? '—' : formatMetric(metricValue(n));
}

function signed(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatMetric(metricValue(Math.abs(n)))}`;
}
