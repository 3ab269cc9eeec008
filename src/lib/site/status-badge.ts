/**
 * The run status badge, one for the whole site: Astro pages render it through Status.astro, the
 * islands (runs table, compare) spell the same classes from here. The status is written out, so
 * the colour only repeats it; its style lives once in site.css (`.status`, `.status-<status>`).
 * Browser-safe: no Node imports.
 */
import type { RunStatus } from '../model.ts';

export interface StatusBadge {
  /** Classes for the badge element: `status status-finished`. */
  className: string;
  /** What the badge says: the status in lower case, as MLflow's UI spells it. */
  label: string;
}

export function statusBadge(status: RunStatus): StatusBadge {
  const label = status.toLowerCase();
  return { className: `status status-${label}`, label };
}
