/**
 * The chart panels' choices and their place in the page address (the panels own `charts`, `x`,
 * `log`, `smooth`, `outliers` and `band`: url-state.ts), so a view survives a reload and can be
 * shared. Only choices that differ from the defaults are written:
 * - `charts`: the metric keys charted, in order, comma-separated (a `,` or `%` inside a key is
 *   written `%2C` / `%25`); keys the experiment does not have are dropped when read.
 * - `x`: `time` or `rel` (default `step`).
 * - `log`: `1` log, `0` linear (default: automatic per chart, log when the values span decades).
 * - `smooth`: the EMA weight, 0 … 0.99 (default 0).
 * - `outliers`: `1` ignores outliers (y range from the 5th to the 95th percentile), `0` shows the
 *   full range (default: spikes cut, the 1st to the 99th percentile when the rest would be
 *   flattened; charts/outliers.ts).
 * - `band`: `minmax` for groups' min…max bands (default ± std).
 * Reading is tolerant: a value it cannot use falls back to the default. Pure, browser-safe.
 */
import { BANDS, type Band } from '../../lib/charts/groups.ts';
import { X_AXES, type XAxis } from '../../lib/charts/line-spec.ts';
import { MAX_SMOOTHING } from '../../lib/charts/series.ts';

export type LogChoice = 'auto' | 'linear' | 'log';
/** The y range: without spikes (default), without outliers, or everything. */
export type RangeChoice = 'spikes' | 'outliers' | 'full';

export interface PanelChoices {
  charts: string[];
  x: XAxis;
  log: LogChoice;
  /** EMA weight, 0 … 0.99. */
  smooth: number;
  range: RangeChoice;
  band: Band;
}

export function defaultChoices(defaults: readonly string[]): PanelChoices {
  return { charts: [...defaults], x: 'step', log: 'auto', smooth: 0, range: 'spikes', band: 'std' };
}

/** The choices a query string asks for, `metrics` being the keys the experiment has. */
export function readChoices(search: string, metrics: readonly string[], defaults: readonly string[]): PanelChoices {
  const params = new URLSearchParams(search);
  const choices = defaultChoices(defaults);
  const charts = params.get('charts');
  if (charts !== null) {
    const known = new Set(metrics);
    choices.charts = [...new Set(charts.split(',').map(unescapeKey))].filter((key) => known.has(key));
  }
  const x = params.get('x');
  if (x !== null && (X_AXES as readonly string[]).includes(x)) choices.x = x as XAxis;
  const log = params.get('log');
  if (log === '1' || log === '0') choices.log = log === '1' ? 'log' : 'linear';
  const smooth = Number(params.get('smooth') ?? '0');
  if (Number.isFinite(smooth)) choices.smooth = Math.min(MAX_SMOOTHING, Math.max(0, smooth));
  const outliers = params.get('outliers');
  if (outliers === '1' || outliers === '0') choices.range = outliers === '1' ? 'outliers' : 'full';
  const band = params.get('band');
  if (band !== null && (BANDS as readonly string[]).includes(band)) choices.band = band as Band;
  return choices;
}

/** The parameter updates (url-state.ts `replaceParams`) that write `choices`: undefined removes a default. */
export function choiceParams(choices: PanelChoices, defaults: readonly string[]): Record<string, string | undefined> {
  const sameCharts = choices.charts.length === defaults.length && choices.charts.every((key, i) => key === defaults[i]);
  return {
    // An empty list is a choice too ("no charts"), kept apart from the default by a lone comma.
    charts: sameCharts ? undefined : choices.charts.length === 0 ? ',' : choices.charts.map(escapeKey).join(','),
    x: choices.x === 'step' ? undefined : choices.x,
    log: choices.log === 'auto' ? undefined : choices.log === 'log' ? '1' : '0',
    smooth: choices.smooth === 0 ? undefined : String(choices.smooth),
    outliers: choices.range === 'spikes' ? undefined : choices.range === 'outliers' ? '1' : '0',
    band: choices.band === 'std' ? undefined : choices.band,
  };
}

function escapeKey(key: string): string {
  return key.replaceAll('%', '%25').replaceAll(',', '%2C');
}

function unescapeKey(text: string): string {
  return text.replaceAll('%2C', ',').replaceAll('%2c', ',').replaceAll('%25', '%');
}
