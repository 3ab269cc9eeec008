/**
 * How much of a store's artifacts a site may copy (`--artifacts-budget FILE[,RUN[,SITE]]`): a file
 * larger than FILE is listed, not copied; a run copies files (smallest first) while they fit in
 * RUN, and the site while they fit in SITE. `0` copies nothing. Sizes take B, KB, MB, GB (powers of
 * 1,024, as the pages print them); a bare number is bytes.
 */
import { UsageError } from '../errors.ts';
import { MAX_FILE_BYTES } from './budgets.ts';
import { formatBytes } from './format.ts';

export interface ArtifactsBudget {
  /** Largest file copied. */
  file: number;
  /** Bytes copied per run. */
  run: number;
  /** Bytes copied for the whole site. */
  site: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ARTIFACTS_BUDGET: ArtifactsBudget = { file: 2 * MB, run: 10 * MB, site: 200 * MB };

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: MB, m: MB, gb: 1024 * MB, g: 1024 * MB };

export function parseArtifactsBudget(text: string): ArtifactsBudget {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => p === '')) throw usage(text);
  const [file, run, site] = parts.map((part) => {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(part);
    const unit = m ? UNITS[(m[2] as string).toLowerCase()] : undefined;
    if (!m || unit === undefined) throw usage(text);
    return Math.round(Number(m[1]) * unit);
  }) as [number, number | undefined, number | undefined];
  if (file > MAX_FILE_BYTES) throw new UsageError(`build: --artifacts-budget: a file may have at most ${formatBytes(MAX_FILE_BYTES)} (the limit for any published file), got ${parts[0]}`);
  const budget = { file, run: run ?? Math.max(file, DEFAULT_ARTIFACTS_BUDGET.run), site: site ?? Math.max(run ?? file, DEFAULT_ARTIFACTS_BUDGET.site) };
  return file === 0 ? { file: 0, run: 0, site: 0 } : budget;
}

export function describeBudget(budget: ArtifactsBudget): string {
  return budget.file === 0 ? 'off' : `${formatBytes(budget.file)} per file, ${formatBytes(budget.run)} per run, ${formatBytes(budget.site)} per site`;
}

function usage(text: string): UsageError {
  return new UsageError(`build: --artifacts-budget takes FILE[,RUN[,SITE]] sizes such as 2MB,10MB,200MB (or 0 to copy nothing), got ${JSON.stringify(text)}`);
}
