/**
 * Every URL the runs table uses, from the site's route table (src/lib/site/routes.ts) through
 * `withBase`, so the island works under a sub-path (`/my-repo/`) like the pages around it.
 */
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles, routes } from '../../lib/site/routes.ts';

export function chunkUrl(base: string, experimentId: string, chunk: number): string {
  return withBase(dataFiles.runsTable(experimentId, chunk), base);
}

export function runUrl(base: string, runId: string): string {
  return withBase(routes.run(runId), base);
}

/** The compare page for `ids` (`?runs=a,b`), in the order given. */
export function compareUrl(base: string, ids: readonly string[]): string {
  return withBase(routes.compare(ids), base);
}
