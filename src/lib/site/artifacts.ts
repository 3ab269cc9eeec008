/**
 * Copies a store's small artifacts into the site and describes every artifact for its run page
 * (Node only). The caller gives the store paths (`--store`), the budget and a write function, so
 * the build decides where files go; the store is only read (artifact-files.ts).
 *
 * Budget (artifacts-budget.ts), deterministic: runs in the given order (the Snapshot's), each
 * run's files smallest first (then by path); a file is copied when it fits the per-file budget,
 * what is left of its run's budget and what is left of the site's. Every other artifact is still
 * listed, with its size and why it was not copied. Copies go to `dataFiles.artifact(run, stored)`
 * (artifact-kinds.ts `storedPath`: HTML, SVG and unknown types as `.bin` downloads).
 */
import type { Run } from '../model.ts';
import { compareStrings } from '../order.ts';
import { artifactFolders, readArtifact } from './artifact-files.ts';
import { artifactKind, baseName, PREVIEW, storedPath } from './artifact-kinds.ts';
import { previewOf, readContent } from './artifact-preview.ts';
import type { ArtifactsBudget } from './artifacts-budget.ts';
import { formatBytes } from './format.ts';
import { dataFiles } from './routes.ts';
import type { ArtifactView } from './views/types.ts';
import type { WriteFile } from './write-files.ts';

export interface PublishOptions {
  /** The `--store` paths the Snapshot was read from. */
  stores: readonly string[];
  budget: ArtifactsBudget;
  write: WriteFile;
  /** Masks secrets in text (redact.ts `maskText` with the build's redactions). */
  mask: (text: string) => string;
}

export interface PublishedArtifacts {
  /** Run id → its artifacts, by path. */
  byRun: Map<string, ArtifactView[]>;
  files: number;
  bytes: number;
}

export async function publishArtifacts(runs: readonly Run[], options: PublishOptions): Promise<PublishedArtifacts> {
  const folders = await artifactFolders(options.stores);
  const { budget } = options;
  const published: PublishedArtifacts = { byRun: new Map(), files: 0, bytes: 0 };
  for (const run of runs) {
    if (run.artifacts.length === 0) continue;
    const folder = folders.get(run.id);
    let runBytes = 0;
    const views = new Map<string, ArtifactView>();
    for (const artifact of [...run.artifacts].sort((a, b) => a.size - b.size || compareStrings(a.path, b.path))) {
      const listed: ArtifactView = { path: artifact.path, size: artifact.size, kind: artifactKind(artifact.path) };
      const skipped =
        folder === undefined ? 'the store holds no artifact files for this run (only a file store’s mlruns/ folder does)'
        : budget.file === 0 ? 'copying artifacts is off (--artifacts-budget 0)'
        : artifact.size > budget.file ? `larger than the ${formatBytes(budget.file)} a copied file may have (--artifacts-budget)`
        : runBytes + artifact.size > budget.run ? `the run’s ${formatBytes(budget.run)} artifact budget is used up (--artifacts-budget)`
        : published.bytes + artifact.size > budget.site ? `the site’s ${formatBytes(budget.site)} artifact budget is used up (--artifacts-budget)`
        : undefined;
      views.set(artifact.path, skipped ? { ...listed, skipped } : copy(run.id, folder as string, listed, options));
      const copied = views.get(artifact.path)?.file !== undefined;
      if (copied) {
        runBytes += artifact.size;
        published.bytes += artifact.size;
        published.files += 1;
      }
    }
    published.byRun.set(run.id, limitPreviews([...views.values()].sort((a, b) => compareStrings(a.path, b.path))));
  }
  return published;
}

function copy(runId: string, folder: string, listed: ArtifactView, options: PublishOptions): ArtifactView {
  const read = readArtifact(folder, listed.path, listed.size);
  if (!read.ok) return { ...listed, skipped: `not copied: ${read.reason}` };
  const content = readContent(listed.path, listed.kind, read.bytes, options.mask);
  const stored = storedPath(listed.path);
  const file = dataFiles.artifact(runId, stored);
  options.write(file, content.bytes);
  const preview = previewOf(listed.path, content);
  return {
    ...listed,
    kind: content.kind,
    file,
    ...(stored !== listed.path ? { download: baseName(listed.path) } : {}),
    ...(preview ? { preview } : {}),
  };
}

/** At most PREVIEW.perRun previews per run page, the first by path; the rest are listed with their links. */
function limitPreviews(views: ArtifactView[]): ArtifactView[] {
  let shown = 0;
  return views.map((view) => {
    if (!view.preview) return view;
    shown += 1;
    if (shown <= PREVIEW.perRun) return view;
    const { preview: _dropped, ...rest } = view;
    return rest;
  });
}

