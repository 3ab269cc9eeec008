/**
 * `runfolio verify` on a real archive (`runfolio build --archive`, built once by the global
 * setup; copied here, never changed in place): as built it passes; one changed byte, a missing
 * or an extra file fails it naming the file; a site that is no archive is unreadable input.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/tmp.ts';

const sites = inject('sites');

function copyOfArchive(): string {
  const copy = join(tempDir(), 'archive');
  cpSync(sites.archive!.out, copy, { recursive: true });
  return copy;
}

describe('runfolio verify DIR', () => {
  it('passes an archive as built', () => {
    const result = runCli(['verify', copyOfArchive()]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/: OK, [\d,]+ files match MANIFEST\.sha256\n$/);
  });

  it('fails naming the file when one byte of a page changed', () => {
    const archive = copyOfArchive();
    const page = join(archive, 'index.html');
    const bytes = readFileSync(page);
    const at = bytes.indexOf('<h1>') + 4;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(page, bytes);
    const result = runCli(['verify', archive]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('changed: index.html\n');
    expect(result.stderr).toMatch(/^runfolio: verify: .*: 1 file differ/);
  });

  it('names a missing file and a file the manifest does not list', () => {
    const archive = copyOfArchive();
    rmSync(join(archive, 'data/snapshot.json'));
    writeFileSync(join(archive, '.hidden'), 'x');
    const result = runCli(['verify', archive]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('not in the manifest: .hidden\nmissing: data/snapshot.json\n');
  });

  it('exits 3 for a folder that is no archive, or a manifest it cannot read', () => {
    const site = runCli(['verify', sites.demo!.out]);
    expect(site.status).toBe(3);
    expect(site.stderr).toMatch(/not an archive: no MANIFEST\.sha256/);
    const archive = copyOfArchive();
    writeFileSync(join(archive, 'MANIFEST.sha256'), 'abc  index.html\n');
    const broken = runCli(['verify', archive]);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/MANIFEST\.sha256: line 1: expected "<sha256>  <path>"/);
    writeFileSync(join(archive, 'MANIFEST.sha256'), `${'0'.repeat(64)}  ../outside\n`);
    expect(runCli(['verify', archive]).stderr).toMatch(/"\.\.\/outside" is not a plain path inside the archive/);
  });
});

describe('an archive', () => {
  it("carries every run's full metric history as CSV, linked from the run page", () => {
    const out = sites.archive!.out;
    const snapshot = JSON.parse(readFileSync(join(out, 'data/snapshot.json'), 'utf8')) as { runs: { id: string; lifecycleStage: string; metrics: Record<string, { history: unknown[] }> }[] };
    const published = snapshot.runs.filter((r) => r.lifecycleStage === 'active' && Object.keys(r.metrics).length > 0);
    expect(published.length).toBeGreaterThan(3);
    for (const run of published) {
      const csv = join(out, `data/runs/${run.id}.history.csv`);
      expect(existsSync(csv), run.id).toBe(true);
      const points = Object.values(run.metrics).reduce((n, m) => n + m.history.length, 0);
      expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(points + 1);
      expect(readFileSync(join(out, `runs/${run.id}/index.html`), 'utf8')).toContain(`href="../../data/runs/${run.id}.history.csv"`);
    }
  });
});
