import { describe, expect, it } from 'vitest';
import { buildComparison, type ChosenRun } from '../../../src/lib/compare/comparison.ts';
import { parseGate } from '../../../src/lib/compare/gates.ts';
import { comparisonMarkdown, MARKDOWN_LIMIT, MARKER } from '../../../src/lib/compare/markdown.ts';
import type { Run } from '../../../src/lib/model.ts';
import { makeRun, type TestRun } from '../analyze/snapshot.ts';

const experiments = [{ id: '1', name: 'churn', lifecycleStage: 'active' as const, tags: {} }];

function chosen(spec: TestRun, ref = spec.id): ChosenRun {
  const run: Run = makeRun(spec);
  return { ref, store: 'mlruns', run, experimentName: 'churn' };
}

function markdown(base: TestRun, cand: TestRun, gates: { text: string; level: 'fail' | 'warn' }[] = [], options: { link?: string; limit?: number; metrics?: string[] } = {}) {
  const comparison = buildComparison(chosen(base, 'models:/churn@champion'), [chosen(cand)], {
    experiments,
    gates: gates.map(({ text, level }) => ({ gate: parseGate(text), level })),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return comparisonMarkdown(comparison, options);
}

const base: TestRun = { id: 'b0000000000000000000000000000001', name: 'champion', metrics: { val_loss: 0.4, accuracy: 0.9, auc: 0.8, epochs: 10, only_base: 1 }, params: { lr: '0.1', depth: '6' } };
const cand: TestRun = { id: 'c0000000000000000000000000000002', name: 'pr-run', metrics: { val_loss: 0.45, accuracy: 0.92, auc: 0.8, epochs: 10, only_cand: 3 }, params: { lr: '0.2', depth: '6', seed: '1' } };

describe('comparisonMarkdown(comparison)', () => {
  it('starts with the hidden marker and the verdict, counting how the metrics changed', () => {
    const text = markdown(base, cand, [{ text: 'metrics.val_loss > baseline * 1.02', level: 'fail' }]);
    const lines = text.split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe('### ❌ Runfolio compare: 1 failed condition');
    expect(text).toContain('3 metrics compared: 1 better, 1 worse, 1 unchanged; 1 bookkeeping metric (timing, counters, system) apart.');
    expect(text).toContain('**pr-run** (c0000000, churn) against the baseline **champion** (models:/churn@\u200bchampion → b0000000, churn)');
  });

  it('lists each held condition with both values, exact where the display rounds', () => {
    const text = markdown(base, { ...cand, metrics: { ...cand.metrics, val_loss: 0.41234567891 } }, [{ text: 'metrics.val_loss > baseline + 0.01', level: 'fail' }, { text: 'metrics.accuracy < 0.95', level: 'warn' }]);
    expect(text).toContain('**Failed conditions (--fail-on)**');
    expect(text).toContain('- ❌ metrics.val\\_loss &gt; baseline + 0.01: val\\_loss: candidate 0.412346 (exactly 0.41234567891) &gt; 0.41 (exactly 0.41000000000000003) (baseline 0.4 + 0.01)');
    expect(text).toContain('- ⚠️ metrics.accuracy &lt; 0.95: accuracy: candidate 0.92 &lt; 0.95');
    expect(text.indexOf('Failed conditions')).toBeLessThan(text.indexOf('| Metric |'));
  });

  it('says so when everything passed, or no condition was set', () => {
    expect(markdown(base, cand, [{ text: 'metrics.accuracy < 0.5', level: 'fail' }])).toContain('### ✅ Runfolio compare: all 1 condition passed');
    expect(markdown(base, cand)).toContain('### ✅ Runfolio compare: no conditions set');
    expect(markdown(base, cand, [{ text: 'metrics.accuracy > 0.5', level: 'warn' }])).toContain('### ⚠️ Runfolio compare: passed with 1 warning');
  });

  it('puts offending rows first, marks better and worse by the metric direction, and folds the unchanged ones', () => {
    const text = markdown(base, cand, [{ text: 'metrics.accuracy > 0.91', level: 'warn' }]);
    const table = text.split('\n').filter((l) => l.startsWith('| ') && / [↑↓] \|/.test(l));
    expect(table).toEqual([
      '| ⚠️ warn | accuracy ↑ | 0.9 | 0.92 | +0.02 | +2.22222% |',
      '| 🔴 worse | val\\_loss ↓ | 0.4 | 0.45 | +0.05 | +12.5% |',
    ]);
    expect(text).toMatch(/<details><summary>Unchanged metrics \(2\)<\/summary>\n\n\| Metric \| Value \|\n\|---\|---:\|\n\| auc \| 0.8 \|\n\| epochs \| 10 \|\n\n<\/details>/);
    expect(text).toMatch(/<details><summary>Metrics only one run logged \(2\)<\/summary>[\s\S]*\| only\\_base \| baseline \|\n\| only\\_cand \| candidate \|/);
  });

  it('folds changed bookkeeping and system metrics apart, uncounted, unless a condition held on one', () => {
    const busy = (pid: number, seconds: number, memory: number): TestRun => ({ ...base, metrics: { ...base.metrics, pid, time_total_s: seconds, 'system/memory': memory } });
    const text = markdown(busy(100, 60, 50), { ...busy(200, 90, 40), id: cand.id, name: cand.name }, [{ text: 'metrics.time_total_s > baseline * 1.2', level: 'warn' }]);
    const table = text.split('\n').filter((l) => l.startsWith('| ') && / [↑↓] \|/.test(l));
    expect(table).toEqual(['| ⚠️ warn | time\\_total\\_s ↓ | 60 | 90 | +30 | +50% |']);
    expect(text).toMatch(/<details><summary>Bookkeeping and system metrics that changed \(2\)<\/summary>\n\n\| Metric \| Baseline \| Candidate \| Change \|\n\|---\|---:\|---:\|---:\|\n\| pid \| 100 \| 200 \| \+100 \|\n\| system\/memory \| 50 \| 40 \| −10 \|\n\n<\/details>/);
    expect(text).toContain('4 metrics compared: 0 better, 0 worse, 4 unchanged; 4 bookkeeping metrics (timing, counters, system) apart.');
    // Named with --metric, they are results like any other.
    expect(markdown(busy(100, 60, 50), { ...busy(200, 90, 40), id: cand.id }, [], { metrics: ['pid'] })).toContain('| 🟢 better | pid ↑ | 100 | 200 | +100 | +100% |');
  });

  it('lists changed params, including those one run lacks', () => {
    const text = markdown(base, cand);
    expect(text).toContain('**Changed params** (2)\n\n| Param | Baseline | Candidate |\n|---|---|---|\n| lr | 0.1 | 0.2 |\n| seed | — | 1 |\n');
  });

  it('compares only the --metric keys and globs, a named one missing on a side included', () => {
    const text = markdown(base, cand, [], { metrics: ['val_*', 'only_cand'] });
    expect(text).toContain('2 metrics compared: 0 better, 1 worse, 0 unchanged, 1 missing on one side.');
    expect(text).toContain('| ❔ missing | only\\_cand ↑ | — | 3 | — | — |');
  });

  it('escapes names and values so they cannot break the table or inject HTML', () => {
    const text = markdown({ ...base, name: 'a|b<script>' , params: { 'k|`x`': '*bold*\nnext' } }, { ...cand, params: {} });
    expect(text).toContain('**a\\|b&lt;script&gt;**');
    expect(text).toContain('| k\\|\\`x\\` | \\*bold\\*↵next | — |');
    expect(text).not.toMatch(/<script>/);
  });

  it('links to the comparison page when --site is given, and keeps the link when cutting', () => {
    expect(markdown(base, cand, [], { link: 'https://me.github.io/repo/pr-7/' })).toMatch(/\n\[Comparison page, charts and run pages\]\(https:\/\/me\.github\.io\/repo\/pr-7\/\)\n$/);
  });

  it('stays under 60,000 characters for 5,000 shared metrics, saying what it left out', () => {
    const many = (offset: number): TestRun['metrics'] => Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`layer_${String(i).padStart(4, '0')}/weight_norm_${'x'.repeat(20)}`, i % 3 === 0 ? i + offset : i]));
    const text = markdown({ ...base, metrics: many(0) }, { ...cand, metrics: many(0.5) }, [{ text: 'metrics.layer_00* > baseline', level: 'fail' }], { link: 'https://example.org/x/' });
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text.length).toBeGreaterThan(MARKDOWN_LIMIT * 0.8);
    expect(text.startsWith(MARKER)).toBe(true);
    expect(text).toContain('### ❌ Runfolio compare: 34 failed conditions');
    expect(text).toMatch(/_[\d,]+ more changed metrics left out to keep this comment under 60,000 characters/);
    expect(text).toMatch(/_3,333 unchanged metrics left out/);
    expect(text).toMatch(/\[Comparison page, charts and run pages\]\(https:\/\/example\.org\/x\/\)\n$/);
  });

  it('names a run given by an id prefix once, and a reference that says more with what it chose', () => {
    const comparison = buildComparison(chosen(base, 'best:churn'), [chosen(cand, 'c000000')], { experiments });
    const text = comparisonMarkdown(comparison);
    expect(text).toContain('**pr-run** (c0000000, churn) against the baseline **champion** (best:churn → b0000000, churn)');
  });

  it('is the same text for the same comparison', () => {
    expect(markdown(base, cand)).toBe(markdown(base, cand));
  });
});
