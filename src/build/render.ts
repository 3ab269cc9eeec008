/**
 * Renders the pages: runs the Astro child process (astro-child.ts) over the prepared views and
 * waits for it. Abort kills it (SIGTERM, then SIGKILL after a grace period), so Ctrl-C stops a
 * build within seconds. Astro's log lines are passed on only with --verbose; on failure its
 * message becomes the build's error.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunfolioError } from '../lib/errors.ts';
import type { BuildEffects } from './options.ts';
import { siblingModule } from '../lib/sibling-module.ts';
import type { RenderJob, RenderMessage } from './render-job.ts';

const KILL_GRACE_MS = 2000;
/** Variables vitest and other hosts set that Vite would read as Astro's own. */
const HOST_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_OPTIONS'];

export async function renderSite(job: RenderJob, effects: BuildEffects): Promise<void> {
  const jobFile = join(job.root, 'render-job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of HOST_VARIABLES) delete env[name];
  const child = fork(fileURLToPath(siblingModule('astro-child', import.meta.url)), [jobFile], {
    cwd: job.root,
    env,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (job.verbose) effects.report({ kind: 'log', text });
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let answer: RenderMessage | undefined;
  child.on('message', (message: RenderMessage) => (answer = message));

  const signal = effects.signal;
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode) => resolve(exitCode));
    });
    signal?.throwIfAborted();
    if (answer?.kind === 'done' && code === 0) {
      effects.report({ kind: 'render', peakRssMb: answer.peakRssMb });
      return;
    }
    const message = answer?.kind === 'error' ? answer.message : lastLines(output) || `the Astro process exited with code ${code}`;
    throw new RunfolioError(`rendering the pages failed: ${message}`, 1, answer?.kind === 'error' && answer.stack ? { cause: Object.assign(new Error(answer.message), { stack: answer.stack }) } : {});
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' ').trim();
}
