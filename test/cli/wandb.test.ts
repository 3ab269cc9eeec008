/** W&B run folders on the command line: inspect (text and JSON), export, and unreadable input. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { tempDir } from '../support/tmp.ts';

const KWT = join(FIXTURES, 'trackers/wandb/kwt-0.12-killed');
const CS336 = join(FIXTURES, 'trackers/wandb/cs336-0.21-core');
const PACKT = join(FIXTURES, 'real/packt-hpt/mlruns');

describe('runfolio inspect --store <W&B folder>', () => {
  it('counts what it read per store, and what it did not publish per kind', () => {
    const result = runCli(['inspect', '--store', KWT]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Runs {9}1 \(1 KILLED\); 0 deleted, 0 nested$/m);
    expect(result.stdout).toMatch(/^Read {9}wandb \(W&B\):\n(  .+\n)*  records: history +862\n/m);
    expect(result.stdout).toContain(
      [
        'Unpublished  values other than scalar metrics, counted (see --json for each run and tag):',
        '  W&B files records      1 value in 1 run',
        '  W&B header records     1 value in 1 run',
        '  W&B output records     222 values in 1 run',
        '  W&B telemetry records  1 value in 1 run',
        'Warnings     2',
      ].join('\n'),
    );
    expect(result.stdout).toMatch(/run-3ojed7lz\.wandb: log ends mid-record at offset 335628/);
  });

  it('prints the counts as JSON with --json', () => {
    const result = runCli(['inspect', '--store', CS336, '--store', PACKT, '--json']);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { read: unknown[]; unpublished: unknown[]; runs: { total: number } };
    expect(summary.runs.total).toBe(20);
    expect(summary.read).toEqual([
      {
        store: 'wandb',
        tracker: 'wandb',
        counts: {
          chunks: 6369, 'history rows': 2000, 'log bytes': 1220574, 'log files': 1, records: 6336, 'records: environment': 2, 'records: exit': 1, 'records: files': 1,
          'records: header': 1, 'records: history': 2000, 'records: output_raw': 19, 'records: run': 1, 'records: stats': 306, 'records: summary': 4001,
          'records: telemetry': 4, 'run folders': 1,
        },
      },
    ]);
    const path = 'wandb/run-20260119_214939-8atu6kfy';
    expect(summary.unpublished).toEqual([
      { path, tracker: 'wandb', kind: 'files records', key: '', count: 1 },
      { path, tracker: 'wandb', kind: 'header records', key: '', count: 1 },
      { path, tracker: 'wandb', kind: 'output_raw records', key: '', count: 19 },
      { path, tracker: 'wandb', kind: 'telemetry records', key: '', count: 4 },
    ]);
  });
});

describe('runfolio export --store <W&B folder>', () => {
  it('writes the runs with their provenance, and the export reads back to the same bytes', () => {
    const out = join(tempDir(), 'snapshot.json');
    expect(runCli(['export', '--store', KWT, '--out', out]).status).toBe(0);
    const again = runCli(['export', '--store', out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
    const snapshot = JSON.parse(again.stdout) as { runs: { id: string; provenance: unknown }[] };
    expect(snapshot.runs.map((r) => [r.id, r.provenance])).toEqual([['3ojed7lz', { tracker: 'wandb', path: 'wandb/run-20220429_201936-3ojed7lz/run-3ojed7lz.wandb' }]]);
  });
});

describe('runfolio with a W&B folder nothing can be read from', () => {
  it('exits 3 with one line naming the file and what is wrong', () => {
    const log = join(tempDir(), 'run-20240101_000000-abc');
    mkdirSync(log);
    writeFileSync(join(log, 'run-abc.wandb'), 'not a log at all');
    const result = runCli(['inspect', '--store', log]);
    expect(result.status).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([`runfolio: ${log}: no W&B run could be read (run-20240101_000000-abc/run-abc.wandb: not a W&B log (starts with "not ", expected ":W&B"))`]);
  });
});
