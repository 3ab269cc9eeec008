/**
 * One metric file of a file store: a line per logged point, `timestamp value [step]`, fields
 * separated by one space (file_store.py `_get_metric_from_line`). MLflow 3 adds a 4th field on
 * logged-model metric files (the run id) and 5-field lines for dataset-scoped metrics; both keep
 * the step in field 3. Values parse as Python's float() does, so `nan`, `inf` and `-inf` are valid.
 */
import { metricValue, type Point } from '../../model.ts';

export interface MetricFileResult {
  points: Point[];
  /** 1-based numbers and text of lines that are not points. */
  badLines: { line: number; text: string }[];
}

const INTEGER = /^[+-]?\d+(?:_\d+)*$/;
const FLOAT = /^[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*|\d+(?:_\d+)*\.)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const SPECIAL = /^([+-]?)(nan|inf|infinity)$/i;

/** Python's `int(s)` for the integers MLflow writes; undefined where Python would raise. */
export function parsePythonInt(text: string): number | undefined {
  const s = text.trim();
  if (!INTEGER.test(s)) return undefined;
  const n = Number(s.replaceAll('_', ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Python's `float(s)`; undefined where Python would raise. */
export function parsePythonFloat(text: string): number | undefined {
  const s = text.trim();
  const special = SPECIAL.exec(s);
  if (special) {
    if ((special[2] ?? '').toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT.test(s)) return undefined;
  return Number(s.replaceAll('_', ''));
}

export function parseMetricFile(text: string): MetricFileResult {
  const points: Point[] = [];
  const badLines: MetricFileResult['badLines'] = [];
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo += 1;
    const line = text.slice(start, end);
    start = end + 1;
    const point = parseLine(line);
    if (point) points.push(point);
    else if (line.trim() !== '' || end < text.length) badLines.push({ line: lineNo, text: line.slice(0, 80) });
  }
  return { points, badLines };
}

function parseLine(line: string): Point | undefined {
  const parts = line.trim().split(' ');
  if (parts.length < 2 || parts.length > 5) return undefined;
  const timestamp = parsePythonInt(parts[0] as string);
  const value = parsePythonFloat(parts[1] as string);
  const step = parts.length >= 3 ? parsePythonInt(parts[2] as string) : 0;
  if (timestamp === undefined || value === undefined || step === undefined) return undefined;
  return { step, timestamp, value: metricValue(value) };
}
