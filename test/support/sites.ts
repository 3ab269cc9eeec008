/**
 * The sites the site tests look at, each built once per test run by the global setup, through the
 * CLI's `main()` in this process (the build core runs Astro in a child process of its own), two
 * at a time. Tests get their folders through vitest's `inject('sites')`; each site records the
 * stores it was built from.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { writeDemoStore } from '../../src/generate/demo/index.ts';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';
import { writeSqlite } from '../../scripts/lib/write-sqlite.ts';
import { demoStore as demoSpec } from '../../src/generate/demo/index.ts';
import { hostileSpec } from './hostile-store.ts';
import { FIXTURES, ROOT } from './fixtures.ts';

export interface SiteBuild {
  name: string;
  /** Output folder. */
  out: string;
  /** Base path the site was built for. */
  base: string;
  /** The stores it was built from. */
  stores: string[];
  args: string[];
}

export type Sites = Record<string, SiteBuild>;

/** A site built from `stores` into `work/name` with `args`, under `base`. */
export function siteBuild(work: string, name: string, base: string, stores: string[], args: string[] = []): SiteBuild {
  const out = join(work, name);
  return { name, out, base, stores, args: [...stores.flatMap((s) => ['--store', s]), ...args, '--out', out, ...(base === '/' ? [] : ['--base', base])] };
}

/** What to build, in `work` (a temp folder): the demo store and a hostile one are generated there. */
export function siteDefinitions(work: string): Sites {
  const demo = join(work, 'stores', 'demo', 'mlruns');
  writeDemoStore(demo);
  const hostile = join(work, 'stores', 'hostile', 'mlruns');
  mkdirSync(join(work, 'stores', 'hostile'), { recursive: true });
  writeMlruns(hostileSpec(), hostile);
  const sqlite = join(work, 'stores', 'sqlite', 'mlflow.db');
  writeSqlite(demoSpec().spec, sqlite);
  const demoArgs = ['--content', join(ROOT, 'content'), '--title', 'Runfolio demo'];
  const compare = ['--compare', 'cifar10-resnet/resnet18-baseline,models:/cifar10-classifier@champion'];
  const real = (name: string) => join(FIXTURES, 'real', name, 'mlruns');
  const sites = [
    siteBuild(work, 'demo', '/', [demo], [...demoArgs, ...compare]),
    siteBuild(work, 'demoAgain', '/', [demo], [...demoArgs, ...compare]),
    siteBuild(work, 'demoBase', '/runfolio-demo/', [demo], [...demoArgs, '--site', 'https://example.github.io']),
    siteBuild(work, 'archive', '/', [demo], [...demoArgs, '--archive', ...compare]),
    siteBuild(work, 'hostile', '/', [hostile], ['--redact', 'paths', '--title', '<script>alert("title")</script>']),
    siteBuild(work, 'augury', '/', [real('augury')]),
    siteBuild(work, 'yolo', '/sub/', [real('yolo-slash')]),
    siteBuild(work, 'merged', '/', [real('packt-hpt'), real('yolo-slash'), demo]),
    siteBuild(work, 'sqlite', '/', [`sqlite:///${sqlite}`, real('augury')]),
  ];
  return Object.fromEntries(sites.map((site) => [site.name, site]));
}

/** Builds every site, `parallel` at a time; throws naming each site that failed, with its output. */
export async function buildSites(sites: Sites, parallel = 2): Promise<void> {
  const queue = Object.values(sites);
  const failures: string[] = [];
  const worker = async (): Promise<void> => {
    for (let site = queue.shift(); site; site = queue.shift()) {
      const result = await runBuild(site.args);
      if (result.code !== 0) failures.push(`${site.name}: exit ${result.code}\n${result.stderr}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  if (failures.length > 0) throw new Error(`site builds failed:\n${failures.join('\n')}`);
}

async function runBuild(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (text) => void (stderr += text), interactive: false, env: { CI: 'true' }, cwd: ROOT };
  const code = await main(['build', ...args], io);
  return { code, stderr };
}
