/**
 * `runfolio build` in a child process from inside a test file. Vitest's workers carry Vite's
 * environment (`BASE_URL=/`, `MODE`, `DEV`, `PROD`, `SSR`), and Astro's build reads it, so a
 * child that inherited it would ignore `--base`: those variables are removed first.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures.ts';

const VITE_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

export function buildSite(args: string[], cwd = ROOT): { status: number; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, CI: 'true', NODE_ENV: '', SOURCE_DATE_EPOCH: '' };
  for (const name of VITE_ENV) delete env[name];
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/runfolio.ts'), 'build', ...args], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status ?? -1, stderr: result.stderr };
}
