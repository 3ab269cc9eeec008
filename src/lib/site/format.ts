/** Display formats shared by the pages. Fixed locale and UTC, so output does not depend on the machine. */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2024-02-13 14:05 UTC` from epoch ms. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The first 8 characters of a run id, as MLflow's UI shows it. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
