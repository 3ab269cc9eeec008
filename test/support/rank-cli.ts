/** Helpers of the `runfolio rank` end-to-end tests (regular suite and conformance suite). */
import { expect } from 'vitest';
import { runCli } from './cli.ts';
import type { RawRun } from './raw-mlruns.ts';

export interface JsonRun { id: string; name: string; experimentId: string; rank: number | null; group?: string | null; metrics: Record<string, number | string>; params: Record<string, string> }

export function rankJson(args: string[]): JsonRun[] {
  const result = runCli(['rank', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { runs: JsonRun[] }).runs;
}

/** Best first for `metric`; NaN, then runs without it, last; ties newest first, then by id. */
export function expectedOrder(runs: RawRun[], metric: string, ascending: boolean): RawRun[] {
  const value = (r: RawRun) => r.metrics.get(metric);
  const kind = (r: RawRun) => (value(r) === undefined ? 2 : Number.isNaN(value(r)) ? 1 : 0);
  return [...runs].sort((a, b) => {
    if (kind(a) !== kind(b)) return kind(a) - kind(b);
    if (kind(a) === 0 && value(a) !== value(b)) return ((value(a) as number) < (value(b) as number) ? -1 : 1) * (ascending ? 1 : -1);
    if (a.startTime !== b.startTime) return (b.startTime ?? -Infinity) - (a.startTime ?? -Infinity);
    return a.id < b.id ? -1 : 1;
  });
}

export function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^runfolio: rank: /);
  expect(lines[0]).toMatch(pattern);
}
