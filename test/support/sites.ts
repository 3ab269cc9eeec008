/**
 * The sites the site tests look at, each built once per test run by the global setup, in a child
 * process with the real `runfolio build` (Astro's build keeps global state; DESIGN.md), two at a
 * time. Tests get their folders through vitest's `inject('sites')`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeMlruns } from '../../scripts/lib/write-mlruns.ts';
import { hostileSpec } from './hostile-store.ts';
import { FIXTURES, ROOT } from './cli.ts';

export interface SiteBuild {
  name: string;
  /** Output folder. */
  out: string;
  /** Base path the site was built for. */
  base: string;
  args: string[];
}

export type Sites = Record<string, SiteBuild>;

/** What to build, in `work` (a temp folder). */
export function siteDefinitions(work: string): Sites {
  const hostileStore = join(work, 'stores', 'hostile', 'mlruns');
  mkdirSync(join(work, 'stores', 'hostile'), { recursive: true });
  writeMlruns(hostileSpec(), hostileStore);
  const demo = ['--store', join(ROOT, 'content/mlruns'), '--content', join(ROOT, 'content'), '--title', 'Runfolio demo'];
  const def = (name: string, base: string, args: string[]): SiteBuild => ({ name, out: join(work, name), base, args: [...args, '--out', join(work, name), ...(base === '/' ? [] : ['--base', base])] });
  return {
    demo: def('demo', '/', [...demo, '--compare', 'cifar10-resnet/resnet18-baseline,models:/cifar10-classifier@champion']),
    demoAgain: def('demoAgain', '/', [...demo, '--compare', 'cifar10-resnet/resnet18-baseline,models:/cifar10-classifier@champion']),
    demoBase: def('demoBase', '/runfolio-demo/', [...demo, '--site', 'https://example.github.io']),
    archive: def('archive', '/', [...demo, '--archive', '--compare', 'cifar10-resnet/resnet18-baseline,models:/cifar10-classifier@champion']),
    hostile: def('hostile', '/', ['--store', hostileStore, '--redact', 'paths', '--title', '<script>alert("title")</script>']),
    hydro: def('hydro', '/', ['--store', join(FIXTURES, 'real/hydro-ml/mlruns')]),
    yolo: def('yolo', '/sub/', ['--store', join(FIXTURES, 'real/yolo-slash/mlruns')]),
    registry: def('registry', '/', ['--store', join(FIXTURES, 'real/pe-mi-ops/mlruns'), '--store', join(FIXTURES, 'real/ca-housing/mlruns'), '--store', join(FIXTURES, 'real/timeseries/mlruns')]),
    sqlite: def('sqlite', '/', ['--store', join(FIXTURES, 'real-db/nyc-taxi-xgb/mlflow.db'), '--store', `sqlite:///${join(FIXTURES, 'real-db/zoomcamp-hyperopt/mlflow.db')}`]),
  };
}

export async function buildSites(sites: Sites, parallel = 2): Promise<void> {
  const queue = Object.values(sites);
  const failures: string[] = [];
  const worker = async (): Promise<void> => {
    for (let site = queue.shift(); site; site = queue.shift()) {
      const result = await run(site.args);
      if (result.code !== 0) failures.push(`${site.name}: exit ${result.code}\n${result.stderr}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  if (failures.length > 0) throw new Error(`site builds failed:\n${failures.join('\n')}`);
}

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/runfolio.ts'), 'build', ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', NODE_ENV: '', SOURCE_DATE_EPOCH: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stderr }));
  });
}
