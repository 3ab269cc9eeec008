/**
 * The site search's results: experiments and runs matched by name or id prefix (match.ts), then
 * runs matched by one of their params or tags (term-index.ts), best first, an experiment before
 * a run that matches as well, at most `limit` in all. A run found by name is not listed again for
 * a param. Every result carries the link it opens, under the site's base path.
 */
import { runName } from '../../lib/site/format.ts';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import type { RunIndexEntry } from '../../lib/site/run-data.ts';
import { compareHits, findIgnoreCase, matchItem, normalizeQuery, searchItems, type Hit, type Match } from './match.ts';
import { searchTerms, type TermHit, type TermIndex } from './term-index.ts';

export interface ExperimentEntry {
  id: string;
  name: string;
}

/** Below every name and id match (match.ts ranks 0–5). */
const TERM_RANK = 6;

export interface SiteResult extends Omit<Match, 'field'> {
  kind: 'experiment' | 'run';
  /** What matched; `term`: a param or tag, with the match at `start` in `key=value`. */
  field: Match['field'] | 'term';
  id: string;
  /** What the result shows as its title: the name, or a run's short id when it has no name. */
  title: string;
  /** The experiment a run belongs to. */
  experimentName?: string;
  /** The param or tag that matched. */
  term?: TermHit;
  href: string;
}

export interface SiteResults {
  results: SiteResult[];
  /** How many experiments and runs matched in all. */
  total: number;
}

export function siteResults(experiments: readonly ExperimentEntry[], runs: readonly RunIndexEntry[], query: string, base: string, limit = 20, terms?: TermIndex): SiteResults {
  const foundExperiments = searchItems(experiments, query, { limit });
  const foundRuns = searchItems(runs, query, { limit });
  const byTerm = termHits(runs, query, terms);
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
  const q = normalizeQuery(query);
  for (const { run, term } of byTerm.slice(0, Math.max(0, limit - results.length))) {
    const text = `${term.key}=${term.value}`;
    const first = q.split(/\s+/)[0] ?? '';
    results.push({ rank: TERM_RANK, field: 'term', start: Math.max(0, findIgnoreCase(text, first)), length: first.length, id: run.id, kind: 'run', title: runName(run), experimentName: run.experimentName, term, href: withBase(routes.run(run.id), base) });
  }
  return { results, total: foundExperiments.total + foundRuns.total + byTerm.length };
}

/** Runs found by a param or tag and not by their name or id, by name then id. */
function termHits(runs: readonly RunIndexEntry[], query: string, terms: TermIndex | undefined): { run: RunIndexEntry; term: TermHit }[] {
  // An index from another build than the runs index would point at the wrong runs.
  if (!terms || terms.runs !== runs.length) return [];
  const q = normalizeQuery(query);
  const found: { run: RunIndexEntry; term: TermHit }[] = [];
  for (const [position, term] of searchTerms(terms, q)) {
    const run = runs[position];
    if (run && !matchItem(run, q)) found.push({ run, term });
  }
  const hit = (run: RunIndexEntry): Hit<RunIndexEntry> => ({ item: run, rank: TERM_RANK, field: 'name', start: 0, length: 0 });
  return found.sort((a, b) => compareHits(hit(a.run), hit(b.run)));
}
