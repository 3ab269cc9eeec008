/**
 * The home page search's results: experiments (from the page, known at once) and runs (from
 * the runs index, once fetched) matched by name or id prefix (match.ts), best first, an
 * experiment before a run that matches as well, at most `limit` in all. Every result carries
 * the link it opens, under the site's base path.
 */
import { runName } from '../../lib/site/format.ts';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import { compareHits, searchItems, type Match } from './match.ts';

export interface ExperimentEntry {
  id: string;
  name: string;
}

export interface SiteResult extends Match {
  kind: 'experiment' | 'run';
  id: string;
  /** What the result shows as its title: the name, or a run's short id when it has no name. */
  title: string;
  /** The experiment a run belongs to. */
  experimentName?: string;
  href: string;
}

export interface SiteResults {
  results: SiteResult[];
  /** How many experiments and runs matched in all. */
  total: number;
}

export function siteResults(experiments: readonly ExperimentEntry[], runs: readonly RunIndexEntry[], query: string, base: string, limit = 20): SiteResults {
  const foundExperiments = searchItems(experiments, query, { limit });
  const foundRuns = searchItems(runs, query, { limit });
  const tagged = [
    ...foundExperiments.hits.map((hit) => ({ hit, kind: 'experiment' as const })),
    ...foundRuns.hits.map((hit) => ({ hit, kind: 'run' as const })),
  ];
  tagged.sort((a, b) => a.hit.rank - b.hit.rank || (a.kind === b.kind ? compareHits(a.hit, b.hit) : a.kind === 'experiment' ? -1 : 1));
  const results = tagged.slice(0, limit).map(({ hit, kind }): SiteResult => {
    const { item, rank, field, start, length } = hit;
    const common = { rank, field, start, length, id: item.id };
    if (kind === 'experiment') return { ...common, kind, title: item.name || item.id, href: withBase(routes.experiment(item.id), base) };
    const run = item as RunIndexEntry;
    return { ...common, kind, title: runName(run), experimentName: run.experimentName, href: withBase(routes.run(run.id), base) };
  });
  return { results, total: foundExperiments.total + foundRuns.total };
}
