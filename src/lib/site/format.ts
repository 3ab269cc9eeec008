/** Display formats shared by the pages. Fixed locale and UTC, so output does not depend on the machine. */
import type { MetricValue } from '../model.ts';

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2024-02-13 14:05 UTC` from epoch ms. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `1h 02m`, `3m 05s`, `4.2s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.round(s % 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** A metric value for tables: up to 6 significant digits, exponent for very large/small, NaN/∞ spelled out. */
export function formatMetric(value: MetricValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === 'NaN' ? 'NaN' : value === 'Infinity' ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(4).replace(/\.?0+e/, 'e');
  return Number(value.toPrecision(6)).toString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[unit]}`;
}

/** The first 8 characters of a run id, as MLflow's UI shows it. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

/** A run's display name: its name, else its short id. */
export function runName(run: { id: string; name: string }): string {
  return run.name || shortId(run.id);
}
