/**
 * `runfolio rank` end to end, through the real executable, on the real fixtures. Every expected
 * order is computed here from the raw files (test/support/raw-mlruns.ts), not from our output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricValue } from '../../src/lib/metric-value.ts';
import { runCli } from '../support/cli.ts';
import { DEMO_CHURN, DEMO_CIFAR, demoStore } from '../support/demo-store.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { readRawRuns, type RawRun } from '../support/raw-mlruns.ts';
import { expectedOrder, expectOneLineError, rankJson } from '../support/rank-cli.ts';
import { tempDir } from '../support/tmp.ts';
import { makeSnapshot } from '../lib/analyze/snapshot.ts';

const AUGURY = join(FIXTURES, 'real/augury/mlruns');
const PACKT = join(FIXTURES, 'real/packt-hpt/mlruns');
const DEMO = demoStore();
const CIFAR = DEMO_CIFAR;
const CHURN = DEMO_CHURN;

describe('runfolio rank --help', () => {
  it('describes every option and is listed among the commands', () => {
    const result = runCli(['rank', '--help']);
    expect(result.status).toBe(0);
    for (const option of ['--store PATH...', '--experiment NAME|ID...', '--filter EXPR', '--order-by EXPR...', '--metric KEY', '--direction asc|desc', '--group-by KEY', '--top K', '--json']) {
      expect(result.stdout).toContain(option);
    }
    expect(runCli(['--help']).stdout).toMatch(/^ {2}rank +Rank runs/m);
  });
});

describe('runfolio rank --json', () => {
  it('ranks an experiment given by name by val/loss, lowest first, with every latest metric and param of each run', () => {
    const runs = rankJson(['--store', DEMO, '--experiment', 'cifar10-resnet', '--metric', 'val/loss']);
    const raw = readRawRuns(DEMO).filter((r) => r.experimentId === CIFAR && !r.deleted);
    const expected = expectedOrder(raw, 'val/loss', true);
    expect(runs.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const ranked = expected.filter((r) => r.metrics.has('val/loss')).length;
    expect(ranked).toBeLessThan(raw.length); // this experiment has runs without val/loss
    expect(runs.map((r) => r.rank)).toEqual(expected.map((_, i) => (i < ranked ? i + 1 : null)));
    for (const run of runs) {
      const source = raw.find((r) => r.id === run.id) as RawRun;
      expect(run.metrics).toEqual(Object.fromEntries([...source.metrics].map(([key, value]) => [key, metricValue(value)])));
      expect(run.params).toEqual(Object.fromEntries(source.params));
      expect(run.experimentId).toBe(CIFAR);
      expect(Object.keys(run.metrics)).toEqual(Object.keys(run.metrics).sort());
    }
  });

  it('takes an experiment id as well as its name, and several experiments at once', () => {
    const byName = rankJson(['--store', DEMO, '--experiment', 'churn-prediction', '--metric', 'val_auc']);
    expect(rankJson(['--store', DEMO, '--experiment', CHURN, '--metric', 'val_auc'])).toEqual(byName);
    const both = rankJson(['--store', DEMO, '--experiment', CHURN, '--experiment', 'cifar10-resnet', '--metric', 'val_auc']);
    const raw = readRawRuns(DEMO).filter((r) => (r.experimentId === CHURN || r.experimentId === CIFAR) && !r.deleted);
    expect(both.map((r) => r.id)).toEqual(expectedOrder(raw, 'val_auc', false).map((r) => r.id));
  });

  it("keeps augury's top 6 by match_accuracy, highest first, ties newest first, the deleted run left out", () => {
    const runs = rankJson(['--store', AUGURY, '--metric', 'match_accuracy', '--top', '6']);
    const raw = readRawRuns(AUGURY).filter((r) => !r.deleted);
    expect(runs.map((r) => r.id)).toEqual(expectedOrder(raw, 'match_accuracy', false).slice(0, 6).map((r) => r.id));
    expect(runs.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const values = runs.map((r) => r.metrics.match_accuracy);
    expect(new Set(values).size).toBeLessThan(values.length); // real ties, broken by start time
  });

  it('follows --direction over the name', () => {
    const runs = rankJson(['--store', AUGURY, '--metric', 'match_accuracy', '--direction', 'asc', '--top', '3']);
    const raw = readRawRuns(AUGURY).filter((r) => !r.deleted);
    expect(runs.map((r) => r.id)).toEqual(expectedOrder(raw, 'match_accuracy', true).slice(0, 3).map((r) => r.id));
  });

  it('sorts by --order-by as MLflow does, instead of --metric, and applies --filter', () => {
    const runs = rankJson(['--store', DEMO, '--filter', 'metrics.`val/loss` < 1', '--order-by', 'metrics.`val/accuracy` DESC', '--metric', 'val/loss']);
    const raw = readRawRuns(DEMO).filter((r) => !r.deleted && (r.metrics.get('val/loss') ?? Infinity) < 1);
    expect(raw.length).toBeGreaterThan(2);
    expect(runs.map((r) => r.id)).toEqual(expectedOrder(raw, 'val/accuracy', false).map((r) => r.id));
    expect(runs.map((r) => r.rank)).toEqual(runs.map((_, i) => i + 1));
  });

  it("lists runs in MLflow's default order (newest first) without --metric or --order-by", () => {
    const runs = rankJson(['--store', PACKT, '--experiment', 'example1']);
    const raw = readRawRuns(PACKT).filter((r) => r.experimentId === '6');
    const newestFirst = [...raw].sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0));
    expect(runs.map((r) => r.id)).toEqual(newestFirst.map((r) => r.id));
  });

  it('gives the best run of each batch_size with --group-by, best group first', () => {
    const runs = rankJson(['--store', DEMO, '--metric', 'val/loss', '--group-by', 'params.batch_size']);
    const best = new Map<string, RawRun>();
    for (const run of expectedOrder(readRawRuns(DEMO).filter((r) => !r.deleted), 'val/loss', true)) {
      const size = run.params.get('batch_size') as string;
      if (run.metrics.has('val/loss') && !best.has(size)) best.set(size, run);
    }
    expect(best.size).toBeGreaterThan(1);
    expect(runs.map((r) => [r.group, r.id, r.rank])).toEqual([...best].map(([size, run], i) => [size, run.id, i + 1]));
  });

  it('spells NaN and Infinity as the Snapshot does, NaN after every number', () => {
    const store = join(tempDir(), 'store.json');
    const snapshot = makeSnapshot([
      { id: 'nan', startTime: 3, metrics: { loss: 'NaN' } },
      { id: 'inf', startTime: 2, metrics: { loss: 'Infinity' } },
      { id: 'one', startTime: 1, metrics: { loss: 1 } },
    ]);
    writeFileSync(store, JSON.stringify(snapshot));
    const runs = rankJson(['--store', store, '--metric', 'loss']);
    expect(runs.map((r) => [r.id, r.rank, r.metrics.loss])).toEqual([['one', 1, 1], ['inf', 2, 'Infinity'], ['nan', 3, 'NaN']]);
  });
});

describe('runfolio rank (table)', () => {
  it('prints id prefixes, names, ranks, the metric and the params that change, aligned', () => {
    const result = runCli(['rank', '--store', DEMO, '--experiment', CIFAR, '--metric', 'val/loss', '--top', '3']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0] as string;
    expect(header).toMatch(/^run +name +rank +val\/loss +/);
    expect(header).toMatch(/ batch_size /); // batch_size changes from run to run
    expect(header).not.toMatch(/ optimizer /); // the same in every run of this experiment
    const top = expectedOrder(readRawRuns(DEMO).filter((r) => r.experimentId === CIFAR && !r.deleted), 'val/loss', true).slice(0, 3);
    lines.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${top[i]?.id.slice(0, 8)}  `)).toBe(true);
      expect(line).toContain(top[i]?.name as string);
      // The rank column is right-aligned under its header.
      expect(line.slice(header.indexOf('rank'), header.indexOf('rank') + 4).trim()).toBe(String(i + 1));
    });
  });
});

describe('runfolio rank errors', () => {
  it('exits 2 naming the experiments there are when one is unknown', () => {
    const result = runCli(['rank', '--store', PACKT, '--experiment', 'nope']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /no experiment "nope" in the store; experiments: "Default" \(0\), .*"example1" \(6\)/);
  });

  it('exits 2 with the message and offset of a bad --filter or --order-by', () => {
    const filter = runCli(['rank', '--store', PACKT, '--filter', 'metrics.foo >> 1']);
    expect(filter.status).toBe(2);
    expectOneLineError(filter.stderr, /--filter: Invalid comparator '>>'.*\(at offset 12\)/);
    const orderBy = runCli(['rank', '--store', PACKT, '--order-by', 'metrics.foo UP']);
    expect(orderBy.status).toBe(2);
    expectOneLineError(orderBy.stderr, /--order-by: Invalid ordering key in order_by clause 'metrics.foo UP'. \(at offset 12\)/);
  });

  it('exits 2 for a bad --direction, --top or --group-by', () => {
    expectOneLineError(runCli(['rank', '--store', PACKT, '--metric', 'foo', '--direction', 'up']).stderr, /--direction must be asc or desc/);
    expectOneLineError(runCli(['rank', '--store', PACKT, '--top', '0']).stderr, /--top must be a positive integer, got "0"/);
    expectOneLineError(runCli(['rank', '--store', PACKT, '--metric', 'foo', '--group-by', 'lr']).stderr, /--group-by must be params.NAME/);
    const noMetric = runCli(['rank', '--store', PACKT, '--group-by', 'params.lr']);
    expect(noMetric.status).toBe(2);
    expectOneLineError(noMetric.stderr, /--group-by needs --metric or --order-by/);
  });
});
