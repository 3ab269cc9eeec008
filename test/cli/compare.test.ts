/** `runfolio compare` as CI runs it: RUN forms over labelled stores, the Markdown, gates and exit codes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { IDS, writeCompareStores } from '../support/compare-stores.ts';
import { tempDir } from '../support/tmp.ts';

let dir: string;
let stores: { main: string; pr: string };
const labelled = () => ['--store', `main=${stores.main}`, '--store', `pr=${stores.pr}`];

beforeAll(() => {
  dir = tempDir();
  stores = writeCompareStores(dir);
});

function oneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^runfolio: compare: |^runfolio: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('runfolio compare', () => {
  it('compares the PR run with the champion of another store and exits 0 when every condition passes', () => {
    const result = runCli(['compare', ...labelled(), 'main:models:/churn@champion', 'pr:churn/pr-run', '--fail-on', 'metrics.val_auc < baseline - 0.01']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!-- runfolio:compare -->\n### ✅ Runfolio compare: all 1 condition passed\n/);
    expect(result.stdout).toContain('**pr-run** (pr:churn/pr-run → cccccccc, churn) against the baseline **champion** (main:models:/churn@\u200bchampion → aaaaaaaa, churn)');
    expect(result.stderr).toBe('compare: all conditions passed\n');
  });

  it('exits 1 when a --fail-on condition holds, listing each with both values; warnings alone exit 0', () => {
    const failing = runCli(['compare', ...labelled(), '--baseline', 'main:best:churn?metric=val_loss', 'pr:cccc', '--fail-on', 'metrics.val_loss > baseline * 1.02', '--fail-on', 'metrics.val_auc < 0.9', '--warn-on', 'metrics.*loss > baseline']);
    expect(failing.status).toBe(1);
    expect(failing.stderr.split('\n')).toEqual([
      'failed: metrics.val_loss > baseline * 1.02: val_loss: candidate 0.41 > 0.3876 (baseline 0.38 × 1.02)',
      'failed: metrics.val_auc < 0.9: val_auc: candidate 0.88 < 0.9',
      'warning: metrics.*loss > baseline: val_loss: candidate 0.41 > 0.38 (baseline 0.38)',
      'compare: 2 failed conditions, 1 warning',
      '',
    ]);
    expect(failing.stdout).toContain('best by val\\_loss (lowest)');
    const warned = runCli(['compare', ...labelled(), 'main:best:churn', 'pr:cccc', '--warn-on', 'metrics.val_loss > baseline']);
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('### ⚠️ Runfolio compare: passed with 1 warning');
  });

  it('fails on a metric the candidate lacks unless IF PRESENT', () => {
    const missing = runCli(['compare', ...labelled(), 'main:churn/champion', 'pr:churn/pr-run', '--fail-on', 'metrics.f1 < 0.5']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('failed: metrics.f1 < 0.5: f1: the candidate has no such metric (add IF PRESENT to allow that)');
    expect(runCli(['compare', ...labelled(), 'main:churn/champion', 'pr:churn/pr-run', '--fail-on', 'metrics.f1 < 0.5 IF PRESENT']).status).toBe(0);
  });

  it('writes the Markdown to --markdown FILE, byte-identical from run to run', () => {
    const file = join(dir, 'out', 'compare.md');
    const args = ['compare', ...labelled(), 'main:models:/churn@champion', 'pr:churn/pr-run', '--markdown', file, '--site', 'https://me.github.io', '--base', '/repo/pr-7/'];
    expect(runCli(args).status).toBe(0);
    const first = readFileSync(file, 'utf8');
    expect(first).toMatch(/\[Comparison page, charts and run pages\]\(https:\/\/me\.github\.io\/repo\/pr-7\/\)\n$/);
    expect(runCli(args).stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it.each([
    [['main:churn/champion'], /give the runs to compare: a baseline and at least one candidate/],
    [['main:churn/champion', `main:${IDS.champion}`], /"main:churn\/champion" and "main:a{31}1" are the same run/],
    [['main:churn/champion', 'pr:churn/pr-run', '--fail-on', 'metrics.val_loss >> 1'], /--fail-on "metrics\.val_loss >> 1": expected a comparator .* \(at offset 17\)/],
    [['main:churn/champion', 'pr:churn/pr-run', '--warn-on', 'params.lr = 1'], /--warn-on "params\.lr = 1": expected metrics\.KEY at the start of the condition, found "params" \(at offset 0\)/],
    [['main:best:nope', 'pr:churn/pr-run'], /best:nope: no experiment named or numbered "nope"/],
    [['churn/tuned', 'nope/x'], /no run matches "nope\/x" in any store \(main, pr\)/],
    [['main:churn/champion', 'pr:churn/pr-run', '--base', '/x/'], /--base is the path of the site under --site, which is missing/],
  ])('exits 2 with one line for bad usage: %j', (args, message) => {
    const result = runCli(['compare', ...labelled(), ...args]);
    expect(result.status).toBe(2);
    oneLine(result.stderr, message);
  });

  it('exits 2 on a label given twice, and 3 on a store it cannot read', () => {
    const twice = runCli(['compare', '--store', `main=${stores.main}`, '--store', `main=${stores.pr}`, 'a', 'b']);
    expect(twice.status).toBe(2);
    oneLine(twice.stderr, /the store label "main" is given twice/);
    const unreadable = runCli(['compare', '--store', join(dir, 'nowhere'), 'a', 'b']);
    expect(unreadable.status).toBe(3);
    oneLine(unreadable.stderr, /nowhere: no such file or folder/);
  });

  it('writes nothing when the arguments are wrong', () => {
    const out = join(dir, 'never');
    runCli(['compare', ...labelled(), 'main:churn/champion', 'pr:churn/pr-run', '--fail-on', 'metrics.x <', '--out', out, '--markdown', join(out, 'x.md')]);
    expect(existsSync(out)).toBe(false);
  });

  it('resolves a run of one store without a label when no other store has it', () => {
    const result = runCli(['compare', ...labelled(), IDS.champion, IDS.candidate, '--metric', 'val_*']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 metrics compared: 1 better, 1 worse, 0 unchanged.');
  });
});
