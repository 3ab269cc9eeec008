/** The effects of a build run for real: the system's temp folder, its clock, and publishing by replaceFolder. */
import { tmpdir } from 'node:os';
import type { BuildEffects, BuildEvent } from './options.ts';
import { replaceFolder } from './publish.ts';

export function nodeBuildEffects(report: (event: BuildEvent) => void, signal?: AbortSignal): BuildEffects {
  return { tmpdir: tmpdir(), now: () => performance.now(), report, ...(signal ? { signal } : {}), publish: replaceFolder };
}
