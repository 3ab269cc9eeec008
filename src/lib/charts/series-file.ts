/**
 * The data files charts fetch (`dist/data/…json`): one or more runs' metric histories, columnar
 * and delta-encoded so a file stays small, and lossless for the points it holds.
 *
 * ```json
 * { "format": "runfolio.series/1",
 *   "runs": [{ "id": "ab12…", "name": "bright-fox", "start": 1700000000000, "style": 3 }],
 *   "metrics": [{ "key": "train/loss", "counts": [3], "totals": [3],
 *                 "step": [0, 1, 1], "time": [1700000000123, 950, 1010], "value": [0.9, "NaN", 0.7] }] }
 * ```
 * - `metrics` is sorted by key; `counts[i]` points of run i follow each other in `runs` order,
 *   in history order (step, timestamp); `totals[i]` is how many points the run logged before
 *   downsampling.
 * - `step` and `time` hold the first value of each run's segment, then differences to the
 *   previous point (steps mostly grow by 1, times by a few ms, so most entries are short).
 * - `value` spells non-finite values as the Snapshot does ('NaN', 'Infinity', '-Infinity').
 * - `style` is the run's style index (site/run-styles.ts): the colour and dash every chart of the
 *   site draws it with.
 * Decoding checks the shape and throws one line naming the file, the field and what was found:
 * the file comes over the network, so it is parsed at this edge and trusted afterwards.
 */
import type { MetricValue, Point, Run } from '../model.ts';
import { compareStrings } from '../order.ts';
import { downsample } from './downsample.ts';

export const SERIES_FORMAT = 'runfolio.series/1';

export interface SeriesFileRun {
  id: string;
  name: string;
  /** Run start, epoch ms. */
  start?: number;
  /** Style index: the run's colour and dash in every chart. */
  style?: number;
}

export interface SeriesFileMetric {
  key: string;
  counts: number[];
  totals: number[];
  step: number[];
  time: number[];
  value: MetricValue[];
}

export interface SeriesFile {
  format: typeof SERIES_FORMAT;
  runs: SeriesFileRun[];
  metrics: SeriesFileMetric[];
}

/** One run's (possibly thinned) history of one metric, decoded. */
export interface DecodedSeries {
  runId: string;
  /** Points logged before downsampling. */
  total: number;
  points: Point[];
}

export interface DecodedSeriesFile {
  runs: SeriesFileRun[];
  /** Metric key → the series of every run that logged it, in `runs` order. */
  metrics: Map<string, DecodedSeries[]>;
}

export interface EncodeOptions {
  /** Keep at most this many finite points (and as many non-finite ones) per run and metric. */
  budget?: number;
  /** Only these metric keys (default: every key some run logged). */
  metrics?: readonly string[];
}

/** What encoding needs of a run (a Snapshot `Run` will do), and its style index when it has one. */
export type EncodableRun = Pick<Run, 'id' | 'name' | 'startTime' | 'metrics'> & { style?: number };

/** Runs' histories as a data file; a run without a metric gets count 0 for it. */
export function encodeSeriesFile(runs: readonly EncodableRun[], options: EncodeOptions = {}): SeriesFile {
  const keys = options.metrics ?? [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))];
  const metrics = [...new Set(keys)].sort(compareStrings).map((key) => {
    const column: SeriesFileMetric = { key, counts: [], totals: [], step: [], time: [], value: [] };
    for (const run of runs) {
      const history = Object.hasOwn(run.metrics, key) ? run.metrics[key]!.history : [];
      const points = options.budget === undefined ? history : thinned(history, options.budget);
      column.counts.push(points.length);
      column.totals.push(history.length);
      points.forEach((p, i) => {
        column.step.push(i === 0 ? p.step : p.step - points[i - 1]!.step);
        column.time.push(i === 0 ? p.timestamp : p.timestamp - points[i - 1]!.timestamp);
        column.value.push(p.value);
      });
    }
    return column;
  });
  const fileRuns = runs.map((r) => ({ id: r.id, name: r.name, ...(r.startTime !== undefined ? { start: r.startTime } : {}), ...(r.style !== undefined ? { style: r.style } : {}) }));
  return { format: SERIES_FORMAT, runs: fileRuns, metrics };
}

/** Thinned finite points and non-finite ones merged back into history order. */
function thinned(history: readonly Point[], budget: number): Point[] {
  const { points, markers } = downsample(history, budget);
  if (markers.length === 0) return points;
  const bad: Point[] = markers.map((m) => ({
    step: m.step,
    timestamp: m.timestamp,
    value: m.kind === 'nan' ? 'NaN' : m.kind === 'inf' ? 'Infinity' : '-Infinity',
  }));
  const out: Point[] = [];
  let i = 0;
  let j = 0;
  while (i < points.length || j < bad.length) {
    const takeGood = j >= bad.length || (i < points.length && !before(bad[j]!, points[i]!));
    out.push(takeGood ? points[i++]! : bad[j++]!);
  }
  return out;
}

function before(a: Point, b: Point): boolean {
  return a.step < b.step || (a.step === b.step && a.timestamp < b.timestamp);
}

/** A fetched data file checked and expanded; `source` names it in errors (its URL or path). */
export function decodeSeriesFile(json: unknown, source: string): DecodedSeriesFile {
  const fail = (field: string, expected: string, found: unknown): never => {
    throw new Error(`${source}: ${field} must be ${expected}, got ${describe(found)}`);
  };
  if (!isObject(json)) return fail('the file', 'a JSON object', json);
  if (json.format !== SERIES_FORMAT) fail('format', `"${SERIES_FORMAT}"`, json.format);
  if (!Array.isArray(json.runs)) fail('runs', 'an array', json.runs);
  if (!Array.isArray(json.metrics)) fail('metrics', 'an array', json.metrics);
  const runs = (json.runs as unknown[]).map((run, i): SeriesFileRun => {
    if (!isObject(run) || typeof run.id !== 'string' || typeof run.name !== 'string') {
      return fail(`runs[${i}]`, 'an object with string id and name', run);
    }
    if (run.start !== undefined && !Number.isInteger(run.start)) fail(`runs[${i}].start`, 'epoch ms', run.start);
    if (run.style !== undefined && !(Number.isSafeInteger(run.style) && (run.style as number) >= 0)) fail(`runs[${i}].style`, 'an integer ≥ 0', run.style);
    return { id: run.id, name: run.name, ...(run.start !== undefined ? { start: run.start as number } : {}), ...(run.style !== undefined ? { style: run.style as number } : {}) };
  });
  const metrics = new Map<string, DecodedSeries[]>();
  (json.metrics as unknown[]).forEach((metric, m) => {
    const at = `metrics[${m}]`;
    if (!isObject(metric) || typeof metric.key !== 'string') return fail(at, 'an object with a string key', metric);
    const counts = intArray(metric.counts, `${at}.counts`, fail);
    const totals = intArray(metric.totals, `${at}.totals`, fail);
    const steps = intArray(metric.step, `${at}.step`, fail);
    const times = intArray(metric.time, `${at}.time`, fail);
    const values = metric.value;
    if (!Array.isArray(values)) return fail(`${at}.value`, 'an array', values);
    if (counts.length !== runs.length || totals.length !== runs.length) {
      throw new Error(`${source}: ${at}.counts and totals must have one entry per run (${runs.length}), got ${counts.length} and ${totals.length}`);
    }
    const size = counts.reduce((a, b) => a + b, 0);
    if (steps.length !== size || times.length !== size || values.length !== size) {
      throw new Error(`${source}: ${at}.step, time and value must be ${size} entries each (the sum of counts), got ${steps.length}, ${times.length} and ${values.length}`);
    }
    const series: DecodedSeries[] = [];
    let k = 0;
    counts.forEach((count, r) => {
      const points: Point[] = [];
      for (let i = 0; i < count; i++, k++) {
        const value = values[k];
        if (typeof value !== 'number' && value !== 'NaN' && value !== 'Infinity' && value !== '-Infinity') {
          fail(`${at}.value[${k}]`, 'a number or "NaN", "Infinity", "-Infinity"', value);
        }
        const prev = points[i - 1];
        points.push({
          step: prev ? prev.step + steps[k]! : steps[k]!,
          timestamp: prev ? prev.timestamp + times[k]! : times[k]!,
          value: value as MetricValue,
        });
      }
      if (count > 0) series.push({ runId: runs[r]!.id, total: totals[r]!, points });
    });
    metrics.set(metric.key, series);
  });
  return { runs, metrics };
}

function intArray(value: unknown, field: string, fail: (field: string, expected: string, found: unknown) => never): number[] {
  if (!Array.isArray(value)) return fail(field, 'an array of integers', value);
  const bad = value.findIndex((n) => !Number.isSafeInteger(n));
  if (bad >= 0) fail(`${field}[${bad}]`, 'an integer', value[bad]);
  return value as number[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
