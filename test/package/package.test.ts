/**
 * Runfolio as users get it: the package packed with `npm pack`, installed into an empty project
 * with `npm install <tarball>` (no overrides of theirs), and run through its bin. Each command
 * runs with its own empty TMPDIR, so "nothing left behind" can be checked exactly: afterwards the
 * installed package is as npm wrote it, the project holds only what the command was asked to
 * write, and the temporary folder is empty.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../scripts/lib/synthetic.ts';
import { NODE_ONLY_SOURCES } from '../../src/build/workspace.ts';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import { FIXTURES, ROOT } from '../support/fixtures.ts';
import { hashTree, tempDir } from '../support/tmp.ts';
import { treeState } from '../support/tree-state.ts';

const work = tempDir('runfolio-package-');
const project = join(work, 'project');
const bin = join(project, 'node_modules', 'runfolio', 'dist', 'bin', 'runfolio.js');
let tarball: string;
/** The file-store reader moves to worker threads from this many runs (src/lib/read/mlruns/runs.ts). */
const WORKER_RUNS = 3000;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

/** Runs the installed bin with Node `node` (default: the Node running the tests) and a fresh TMPDIR. */
function runfolio(args: string[], options: { node?: string } = {}) {
  const tmp = join(work, `tmp-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tmp);
  const result = spawnSync(options.node ?? process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, CI: 'true', NODE_ENV: '' }, timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, leftInTmp: readdirSync(tmp) };
}

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
  cpSync(join(FIXTURES, 'real', 'packt-hpt', 'mlruns'), join(project, 'mlruns'), { recursive: true });
  npm(['install', '--prefer-offline', '--no-save', tarball], project);
}, 600_000);

describe('npm pack', () => {
  it('ships what runs and nothing else: compiled JavaScript, the Astro sources, public/ and the demo reports', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((p) => p.replace(/^package\//, ''));
    const tops = [...new Set(listing.map((p) => (p.startsWith('src/') ? p.split('/').slice(0, 2).join('/') : p.split('/')[0])))].sort();
    expect(tops).toEqual(['LICENSE', 'README.md', 'astro.config.mjs', 'content', 'dist', 'package.json', 'public', 'src/components', 'src/layouts', 'src/lib', 'src/pages', 'src/styles']);
    expect(listing).toContain('dist/bin/runfolio.js');
    expect(listing.filter((p) => p.startsWith('dist/') && !p.endsWith('.js'))).toEqual([]);
    expect(listing.filter((p) => p.startsWith('content/') && !p.startsWith('content/reports/'))).toEqual([]);
    expect(listing.some((p) => /(^|\/)(test|\.ci|scripts|node_modules)\//.test(p))).toBe(false);
    // The Node-only parts of src/lib run from dist/: their sources stay out.
    for (const folder of NODE_ONLY_SOURCES) expect(listing.filter((p) => p.startsWith(`${folder}/`)), folder).toEqual([]);
    expect(listing).toContain('src/lib/site/format.ts');
  });

  it('installs into an empty project without overrides, on the registry this project builds against', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'runfolio', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(installed.bin.runfolio).toBe('dist/bin/runfolio.js');
    expect(JSON.parse(readFileSync(join(project, 'node_modules', '@uwdata', 'flechette', 'package.json'), 'utf8')).version).toBe('2.6.0');
    expect(existsSync(join(project, 'node_modules', '.bin', 'runfolio'))).toBe(true);
  });
});

describe('the installed bin', () => {
  it('builds a site from a store, writing nothing but --out, the package folder untouched', () => {
    const packageBefore = hashTree(join(project, 'node_modules', 'runfolio'));
    const modulesBefore = treeState(join(project, 'node_modules'));
    const result = runfolio(['build', '--store', 'mlruns', '--out', 'site']);
    expect(result.status).toBe(0);
    const pages = Number(/^built .*site: (\d+) run pages?/m.exec(result.stderr)?.[1]);
    expect(pages).toBeGreaterThan(0);
    expect(existsSync(join(project, 'site', 'index.html'))).toBe(true);
    expect(readdirSync(join(project, 'site', 'runs'))).toHaveLength(pages);
    expect(readdirSync(project).sort()).toEqual(['mlruns', 'node_modules', 'package.json', 'site']);
    expect(result.leftInTmp).toEqual([]);
    expect(hashTree(join(project, 'node_modules', 'runfolio'))).toBe(packageBefore);
    expect(treeState(join(project, 'node_modules'))).toEqual(modulesBefore);
  });

  it('inspects a store', () => {
    const result = runfolio(['inspect', '--store', 'mlruns', '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { runs: { total: number } }).runs.total).toBe(19);
    expect(result.leftInTmp).toEqual([]);
  });

  it('reads a store of 3,000 runs or more on worker threads, which the compiled package starts from its own files', () => {
    const big = join(work, 'big', 'mlruns');
    writeMlruns(syntheticSpec({ runs: WORKER_RUNS, params: 1, metrics: 1, steps: 2 }), big);
    const result = runfolio(['inspect', '--store', big, '--json']);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { runs: { total: number } }).runs.total).toBe(WORKER_RUNS);
  });

  it('builds the demo site in one command from the seeded generator', () => {
    const result = runfolio(['demo', '--out', 'demo-site']);
    expect(result.status).toBe(0);
    expect(readdirSync(join(project, 'demo-site', 'reports')).length).toBeGreaterThan(0);
    expect(readdirSync(join(project, 'demo-site', 'experiments')).length).toBeGreaterThan(1);
    expect(result.leftInTmp).toEqual([]);
  });

  it('stops on Ctrl-C with exit 130, the previous --out exactly as it was, nothing left behind', async () => {
    const out = join(project, 'site');
    const before = hashTree(out);
    const tmp = join(work, 'tmp-interrupted');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [bin, 'build', '--store', 'mlruns', '--out', 'site', '--title', 'Changed'], { cwd: project, env: { ...process.env, TMPDIR: tmp, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Interrupt once Astro renders: the build's temporary folder has its site folder by then.
    const rendering = () => readdirSync(tmp).some((name) => name.startsWith('runfolio-build-') && existsSync(join(tmp, name, 'cache')));
    await expect.poll(rendering, { timeout: 60_000, interval: 20 }).toBe(true);
    const sent = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(130);
    expect(performance.now() - sent).toBeLessThan(5000);
    expect(stderr).toMatch(/interrupted/);
    expect(hashTree(out)).toBe(before);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(project).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('prints one line naming the Node it needs and the one it found on an older Node, and exits 1', () => {
    const old = olderNode();
    const result = runfolio(['--help'], { node: old.path });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`runfolio: needs Node.js 22.13 or a later 22.x, 24.x, or 26 and newer; this is Node.js ${old.version}\n`);
  });
});

/** The system's Node when it is older than 22.13 (Debian's 20 here), else Node 20 from the npm registry. */
function olderNode(): { path: string; version: string } {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(path)) continue;
    const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    const [major, minor] = version.split('.').map(Number) as [number, number];
    if (major < 22 || (major === 22 && minor < 13)) return { path, version };
  }
  const prefix = join(work, 'old-node');
  npm(['install', '--prefer-offline', '--no-save', '--prefix', prefix, 'node@20'], work);
  const path = join(prefix, 'node_modules', '.bin', 'node');
  return { path, version: execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() };
}
