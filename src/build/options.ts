/** What a build is asked to do, and the effects it may have on the world (injected: tests pass their own). */
import type { Snapshot } from '../lib/model.ts';
import type { Redactions } from '../lib/redact.ts';
import type { ArtifactsBudget } from '../lib/site/artifacts-budget.ts';
import type { CompareVerdict } from '../lib/site/views/types.ts';

export interface BuildOptions {
  /** Store paths (`mlruns/`, `mlflow.db`, `sqlite:///…`, JSON exports); merged. */
  stores: string[];
  /** Folder with reports/*.md. */
  content?: string;
  /** Include reports whose front matter says `draft: true` (default: leave them out). */
  drafts?: boolean;
  /** The site's folder: replaced, in one step, once everything else succeeded. */
  outDir: string;
  /** The folder the command was run from: --out may not be it or one of its parents. */
  cwd: string;
  title: string;
  base?: string;
  site?: string;
  metric?: string;
  compare: string[][];
  redactions: Redactions;
  /** Publish this Snapshot (already read: the runs `runfolio compare` chose) instead of reading `stores`; it is redacted all the same. */
  snapshot?: Snapshot;
  /** `runfolio compare --out`: the home page shows the first comparison and this verdict. */
  compareHome?: CompareVerdict;
  /** `runfolio compare --out`: resolve the reports against this whole Snapshot, and publish those whose every run is published. */
  reportsAgainst?: Snapshot;
  archive: boolean;
  /** `--artifacts-budget`; default DEFAULT_ARTIFACTS_BUDGET. */
  artifactsBudget?: ArtifactsBudget;
  /** SOURCE_DATE_EPOCH, epoch ms: the only date a build may print. */
  generated?: number;
  /** Astro's own log lines and stack traces. */
  verbose: boolean;
}

/** One thing worth telling the user while a build runs. */
export type BuildEvent =
  | { kind: 'progress'; label: string; done: number; total: number }
  | { kind: 'progress-end' }
  | { kind: 'phase'; name: string; ms: number; rssMb: number }
  /** The Astro process ended; its peak memory (it runs beside the build's own process). */
  | { kind: 'render'; peakRssMb: number }
  | { kind: 'log'; text: string };

/**
 * The build's boundary with the world. Everything else a build does happens in a temporary folder
 * of its own under `tmpdir`, removed when it ends, however it ends.
 */
export interface BuildEffects {
  /** Where the build makes its temporary folder (Astro's root, caches, staged site). */
  tmpdir: string;
  /** The clock, for the phase times of --verbose; never enters the output. */
  now: () => number;
  /** Progress and phase times (the CLI draws them on a terminal). */
  report: (event: BuildEvent) => void;
  /** Stops the build: the temporary folder is removed and --out is left as it was. */
  signal?: AbortSignal;
  /** The one write outside the temporary folder: the finished site replaces --out. */
  publish: (staged: string, outDir: string) => void;
}
