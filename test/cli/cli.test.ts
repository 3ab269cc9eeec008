/** The command line as a user meets it: help, exit codes, one-line errors, JSON output. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { tempDir } from '../support/tmp.ts';

const PACKT = join(FIXTURES, 'real/packt-hpt/mlruns');

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^runfolio: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('runfolio --help', () => {
  it('lists the commands and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['build', 'inspect', 'export']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(['build', 'inspect', 'export'])('describes every option of %s', (command) => {
    const result = runCli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: runfolio ${command}`));
    expect(result.stdout).toMatch(/--store PATH\.\.\./);
    expect(result.stdout).toMatch(/--help/);
  });
});

describe('runfolio exit codes', () => {
  it('exits 2 with one line for an unknown command, option or a missing --store', () => {
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expectOneLineError(unknown.stderr, /unknown command "frobnicate"/);
    const option = runCli(['inspect', '--store', PACKT, '--colour']);
    expect(option.status).toBe(2);
    expectOneLineError(option.stderr, /Unknown option '--colour'/);
    const missing = runCli(['export']);
    expect(missing.status).toBe(2);
    expectOneLineError(missing.stderr, /--store is required/);
  });

  it('exits 3 with one line naming the path for a store it cannot read', () => {
    const dir = tempDir();
    const notStore = join(dir, 'notes.txt');
    writeFileSync(notStore, 'hello');
    const result = runCli(['inspect', '--store', notStore]);
    expect(result.status).toBe(3);
    expectOneLineError(result.stderr, /notes\.txt: not a store Runfolio can read: expected an mlruns\/ folder/);
    const fakeDb = join(dir, 'mlflow.db');
    writeFileSync(fakeDb, 'not a database at all');
    const db = runCli(['inspect', '--store', fakeDb]);
    expect(db.status).toBe(3);
    expectOneLineError(db.stderr, /mlflow\.db: not an SQLite database/);
    const missing = runCli(['inspect', '--store', join(dir, 'nope')]);
    expect(missing.status).toBe(3);
    expectOneLineError(missing.stderr, /nope: no such file or folder/);
  });
});

describe('runfolio inspect', () => {
  it('summarizes experiments, runs by status, models and warnings', () => {
    const result = runCli(['inspect', '--store', PACKT]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Experiments {2}7 \(2 active, 5 deleted\)$/m);
    expect(result.stdout).toMatch(/^Runs {9}19 \(1 RUNNING, 18 FINISHED\); 1 deleted, 6 nested$/m);
    expect(result.stdout).toMatch(/\.trash\/5\/\.ipynb_checkpoints: folder without meta\.yaml; run skipped/);
    expect(result.stderr).toBe('');
  });

  it('prints the same facts as JSON with --json', () => {
    const result = runCli(['inspect', '--store', PACKT, '--json']);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.runs.byStatus).toEqual({ RUNNING: 1, SCHEDULED: 0, FINISHED: 18, FAILED: 0, KILLED: 0 });
    expect(summary.experiments).toHaveLength(7);
    expect(summary.warnings.length).toBe(6);
  });
});

describe('runfolio export', () => {
  it('writes the snapshot to --out, and the file reads back to the same bytes', () => {
    const dir = tempDir();
    const first = join(dir, 'a.json');
    expect(runCli(['export', '--store', PACKT, '--out', first]).status).toBe(0);
    const again = runCli(['export', '--store', first]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(readFileSync(first, 'utf8'));
    expect(JSON.parse(again.stdout).format).toBe('runfolio.snapshot/1');
  });
});
