/**
 * Redaction in every output: secrets planted in a copy of a real store (packt-hpt) must appear in
 * nothing any command writes or prints — build (site and archive), export, rank, inspect and
 * compare (Markdown and site) — and appear again with --no-redact, so the search can fail.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { tempDir, writeTree } from '../support/tmp.ts';

const RUN = 'a3112407148b4966b929bc9f8784a3d3';
const OTHER = 'f7d034672fce496d891b6f054749ea99';

/** What is planted, and the text that must never come out. */
const SECRETS = {
  apiKey: 'sk-proj-Zq81vbTTe0aXyzw2LmnoPQRS',
  password: 'hunter2-pw-9f3a',
  githubToken: `ghp_${'R3dact'.repeat(6)}`,
  email: 'maya.k@corp.example.com',
  host: 'gpu-box-07.corp.internal',
  home: '/home/mayak',
  homeUser: 'mayak',
  windowsUser: 'Louis%20Owen',
  sasSig: 'sv0Q7x%2FsigNATURE',
};

let store: string;
let work: string;

beforeAll(() => {
  work = tempDir();
  store = join(work, 'mlruns');
  cpSync(join(FIXTURES, 'real/packt-hpt/mlruns'), store, { recursive: true });
  const run = `6/${RUN}`;
  writeTree(store, {
    [`${run}/params/openai_api_key`]: SECRETS.apiKey,
    [`${run}/params/db_uri`]: `postgresql://ml:${SECRETS.password}@db.internal:5432/features`,
    [`${run}/params/train_data`]: `${SECRETS.home}/data/train.parquet`,
    [`${run}/params/blob`]: `https://acct.blob.core.windows.net/d/x.csv?sv=2022-11-02&sig=${SECRETS.sasSig}`,
    [`${run}/tags/wandb.meta.host`]: SECRETS.host,
    [`${run}/tags/wandb.meta.email`]: SECRETS.email,
    [`${run}/tags/wandb.meta.root`]: `${SECRETS.home}/ml-vision`,
    [`${run}/tags/mlflow.note.content`]: `Trained by ${SECRETS.email} with token ${SECRETS.githubToken} from ${SECRETS.home}/ml-vision/train.py`,
    [`${run}/tags/mlflow.source.name`]: `${SECRETS.home}/ml-vision/train.py`,
  });
  // The fixture's own artifact URIs already hold a home folder: file:///mnt/c/Users/Louis%20Owen/…
  expect(readFileSync(join(store, run, 'meta.yaml'), 'utf8')).toContain(SECRETS.windowsUser);
});

/** Every command that writes data, each writing into `out` (all but one of the site builds when `quick`); returns what they printed. */
function runEverything(out: string, extra: string[] = [], quick = false): CliResult[] {
  const s = ['--store', store, ...extra];
  return [
    runCli(['build', ...s, '--out', join(out, 'site')]),
    ...(quick ? [] : [runCli(['build', ...s, '--archive', '--out', join(out, 'archive')])]),
    runCli(['export', ...s, '--out', join(out, 'export.json')]),
    runCli(['export', ...s]),
    runCli(['rank', ...s, '--json']),
    runCli(['rank', ...s, '--metric', 'metric1']),
    runCli(['inspect', ...s, '--json']),
    runCli(['inspect', ...s]),
    runCli(['compare', ...s, RUN, OTHER, '--markdown', join(out, 'compare.md'), ...(quick ? [] : ['--out', join(out, 'compare-site')])]),
    runCli(['compare', ...s, RUN, OTHER]),
  ];
}

function everything(out: string, results: CliResult[]): { name: string; text: string }[] {
  const files = fg.sync('**/*', { cwd: out, dot: true }).map((f) => ({ name: f, text: readFileSync(join(out, f), 'latin1') }));
  return [...files, ...results.flatMap((r, i) => [{ name: `command ${i} stdout`, text: r.stdout }, { name: `command ${i} stderr`, text: r.stderr }])];
}

describe('redaction by default', () => {
  // The commands run in hooks (three site builds: half a minute alone, more on a loaded machine).
  let redacted: CliResult[];
  let plain: CliResult[];
  beforeAll(() => {
    redacted = runEverything(join(work, 'redacted'));
    plain = runEverything(join(work, 'plain'), ['--no-redact'], true);
  });

  it('keeps every planted secret, e-mail, host and home folder out of every file written and everything printed', () => {
    const out = join(work, 'redacted');
    const results = redacted;
    for (const [i, r] of results.entries()) expect(r.status, `command ${i}: ${r.stderr}`).toBe(0);
    const outputs = everything(out, results);
    expect(outputs.length).toBeGreaterThan(50);
    const leaks = outputs.flatMap(({ name, text }) => Object.entries(SECRETS).filter(([, secret]) => text.includes(secret)).map(([what]) => `${what} in ${name}`));
    expect(leaks).toEqual([]);
    // The rest of what was planted is still published: masked values, shortened paths.
    const exported = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as { runs: { id: string; params: Record<string, string>; tags: Record<string, string> }[] };
    const run = exported.runs.find((r) => r.id === RUN);
    expect(run?.params).toMatchObject({ openai_api_key: '[redacted]', db_uri: 'postgresql://[redacted]@db.internal:5432/features', train_data: '~/data/train.parquet' });
    expect(run?.tags).toMatchObject({ 'wandb.meta.host': '[redacted]', 'wandb.meta.email': '[redacted]', 'wandb.meta.root': '~/ml-vision', 'mlflow.source.name': '~/ml-vision/train.py' });
  });

  it('publishes them as they are with --no-redact (so the search above can fail)', () => {
    const all = everything(join(work, 'plain'), plain).map((o) => o.text).join('\n');
    for (const [what, secret] of Object.entries(SECRETS)) expect(all.includes(secret), what).toBe(true);
  });

  it('masks more with --redact PATTERN, and keeps one rule with --no-redact --redact RULE', () => {
    const extra = runCli(['export', '--store', store, '--redact', 'param*']);
    const params = (JSON.parse(extra.stdout) as { runs: { id: string; params: Record<string, string> }[] }).runs.find((r) => r.id === RUN)?.params;
    expect(params?.param1).toBe('[redacted]');
    const onlyPaths = runCli(['export', '--store', store, '--no-redact', '--redact', 'paths']);
    expect(onlyPaths.stdout).toContain(SECRETS.apiKey);
    expect(onlyPaths.stdout).not.toContain(SECRETS.home);
  });
});
