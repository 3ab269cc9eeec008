/** What the parent hands the Astro child process (as JSON) and what the child answers. */
import type { SiteConfig } from '../lib/site/config.ts';

export interface RenderJob {
  /** Astro's root: the build's temporary folder. */
  root: string;
  outDir: string;
  cacheDir: string;
  dataDir: string;
  config: SiteConfig;
  base?: string;
  site?: string;
  archive: boolean;
  verbose: boolean;
}

/** The child's answer; `peakRssMb` is its own peak memory (the parent's does not include it). */
export type RenderMessage = { kind: 'done'; peakRssMb: number } | { kind: 'error'; message: string; stack?: string };
