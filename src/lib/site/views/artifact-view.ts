/**
 * Artifacts in the views: what a run page lists before the build copies anything (every
 * artifact, "not copied"), and how the copied ones reach the run pages and the static comparisons
 * (same-named artifacts side by side).
 */
import type { Run } from '../../model.ts';
import { artifactKind, sharedArtifacts } from '../artifact-kinds.ts';
import type { ArtifactView, SiteViews } from './types.ts';

/** Every artifact of a run, none copied: what a site built without the artifact step lists. */
export function listedArtifacts(run: Pick<Run, 'artifacts'>): ArtifactView[] {
  return run.artifacts.map((a) => ({ path: a.path, size: a.size, kind: artifactKind(a.path), skipped: 'not copied into this site' }));
}

/** Puts published artifacts (run id → views, artifacts.ts) into the run pages' and the static comparisons' views. */
export function attachArtifacts(views: SiteViews, published: ReadonlyMap<string, ArtifactView[]>): void {
  for (const run of views.runs) {
    const artifacts = published.get(run.id);
    if (artifacts) run.artifacts = artifacts;
  }
  const byRun = new Map(views.runs.map((r) => [r.id, r.artifacts]));
  for (const compare of views.compares) compare.artifacts = sharedArtifacts(compare.runs.map((r) => byRun.get(r.id) ?? []));
}
