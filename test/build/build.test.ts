/**
 * The build core called in-process with effects of the test's own: the temporary folder goes
 * where the test says, and every way a build can end (done, failed, interrupted) leaves that
 * folder empty and --out either replaced whole or exactly as it was.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildEffects, type BuildEvent, type BuildOptions } from '../../src/build/index.ts';
import { replaceFolder } from '../../src/build/publish.ts';
import { parseRedactions } from '../../src/lib/redact.ts';
import { demoStore } from '../support/demo-store.ts';
import { hashTree, tempDir } from '../support/tmp.ts';

function options(outDir: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return { stores: [demoStore()], outDir, cwd: tempDir(), title: 'Test', compare: [], redactions: parseRedactions([]), archive: false, verbose: false, ...extra };
}

function effects(tmpdir: string, overrides: Partial<BuildEffects> = {}): BuildEffects & { events: BuildEvent[]; published: string[] } {
  const events: BuildEvent[] = [];
  const published: string[] = [];
  return {
    tmpdir,
    now: () => 0,
    report: (event) => void events.push(event),
    publish: (staged, out) => {
      published.push(staged);
      replaceFolder(staged, out);
    },
    events,
    published,
    ...overrides,
  };
}

/** An earlier site in `out`, and its hash. */
function previousSite(out: string): string {
  mkdirSync(join(out, 'runs'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<p>the site as it was</p>');
  writeFileSync(join(out, 'runs', 'old.html'), 'old');
  return hashTree(out);
}

describe('build(options, effects)', () => {
  it('renders the site in a temporary folder of its own under effects.tmpdir, publishes it once, and removes the folder', async () => {
    const tmp = tempDir();
    const out = join(tempDir(), 'site');
    const fx = effects(tmp);
    const summary = await build(options(out), fx);
    expect(summary).toMatchObject({ runs: 11, experiments: 3 });
    expect(fx.published).toHaveLength(1);
    expect(fx.published[0]!.startsWith(join(tmp, 'runfolio-build-'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'data', 'runs-index.json'))).toBe(true);
    expect(fx.events.filter((e) => e.kind === 'phase').map((e) => (e as { name: string }).name)).toEqual(['read', 'analyse', 'artifacts', 'data', 'pages', 'budgets']);
  });

  it('replaces the previous --out wholesale: pages of runs that are gone go too', async () => {
    const out = join(tempDir(), 'site');
    previousSite(out);
    await build(options(out), effects(tempDir()));
    expect(existsSync(join(out, 'runs', 'old.html'))).toBe(false);
    expect(existsSync(join(out, 'runs'))).toBe(true);
  });

  it('leaves the previous --out exactly as it was when publishing fails', async () => {
    const tmp = tempDir();
    const out = join(tempDir(), 'site');
    const before = previousSite(out);
    const failing = effects(tmp, {
      publish: () => {
        throw new Error('disk full');
      },
    });
    await expect(build(options(out), failing)).rejects.toThrow('disk full');
    expect(hashTree(out)).toBe(before);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('stops when aborted while Astro renders, and leaves no trace', async () => {
    const tmp = tempDir();
    const out = join(tempDir(), 'site');
    const before = previousSite(out);
    const controller = new AbortController();
    const fx = effects(tmp, { signal: controller.signal });
    const running = build(options(out), fx);
    const rendering = () => readdirSync(tmp).some((name) => existsSync(join(tmp, name, 'render-job.json')));
    await expect.poll(rendering, { timeout: 30_000, interval: 10 }).toBe(true);
    const aborted = performance.now();
    controller.abort('SIGINT');
    await expect(running).rejects.toBe('SIGINT');
    expect(performance.now() - aborted).toBeLessThan(3000);
    expect(fx.published).toEqual([]);
    expect(hashTree(out)).toBe(before);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('stops between phases when aborted while reading, before anything is rendered', async () => {
    const tmp = tempDir();
    const controller = new AbortController();
    const fx = effects(tmp, {
      signal: controller.signal,
      report: (event) => void (event.kind === 'phase' && event.name === 'read' && controller.abort('SIGTERM')),
    });
    await expect(build(options(join(tempDir(), 'site')), fx)).rejects.toBe('SIGTERM');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses an --out that is the current folder before doing any work', async () => {
    const tmp = tempDir();
    const cwd = tempDir();
    await expect(build(options(cwd, { cwd }), effects(tmp))).rejects.toThrow(/current folder/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
