/**
 * One metric file of a file store: a line per logged point, `timestamp value [step]`, fields
 * separated by one space (file_store.py `_get_metric_from_line`). MLflow 3 adds a 4th field on
 * logged-model metric files (the run id) and 5-field lines for dataset-scoped metrics; both keep
 * the step in field 3. Values parse as Python's float() does, so `nan`, `inf` and `-inf` are valid.
 */
import type { MetricColumns } from '../metric-points.ts';

export interface MetricFileResult {
  /** The points, in file order. */
  columns: MetricColumns;
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
  let capacity = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) capacity += 1;
  const steps = new Float64Array(capacity);
  const timestamps = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  const badLines: MetricFileResult['badLines'] = [];
  let n = 0;
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo += 1;
    if (parseLine(text, start, end, scratch)) {
      steps[n] = scratch.step;
      timestamps[n] = scratch.timestamp;
      values[n] = scratch.value;
      n += 1;
    } else {
      const line = text.slice(start, end);
      if (line.trim() !== '' || end < text.length) badLines.push({ line: lineNo, text: line.slice(0, 80) });
    }
    start = end + 1;
  }
  return { columns: { steps: steps.subarray(0, n), timestamps: timestamps.subarray(0, n), values: values.subarray(0, n) }, badLines };
}

interface ParsedPoint {
  step: number;
  timestamp: number;
  value: number;
}
/** Reused for every line: the parser allocates nothing per point. */
const scratch: ParsedPoint = { step: 0, timestamp: 0, value: 0 };

/** One line, `text[start, end)`, into `out`; the common `ts value step` line is parsed without splitting. */
function parseLine(text: string, start: number, end: number, out: ParsedPoint): boolean {
  if (end > start && text.charCodeAt(end - 1) === 13 /* \r */) end -= 1;
  const first = text.indexOf(' ', start);
  const second = first === -1 || first >= end ? -1 : text.indexOf(' ', first + 1);
  if (second !== -1 && second < end) {
    const third = text.indexOf(' ', second + 1);
    if (third === -1 || third >= end) {
      const timestamp = fastInt(text, start, first);
      const value = fastFloat(text.slice(first + 1, second));
      const step = fastInt(text, second + 1, end);
      if (timestamp !== undefined && value !== undefined && step !== undefined) {
        out.step = step;
        out.timestamp = timestamp;
        out.value = value;
        return true;
      }
    }
  }
  return slowLine(text.slice(start, end), out);
}

/** Lines of 2, 4 or 5 fields, surrounding blanks, underscores: split and parse by the Python rules. */
function slowLine(line: string, out: ParsedPoint): boolean {
  const parts = line.trim().split(' ');
  if (parts.length < 2 || parts.length > 5) return false;
  const timestamp = parsePythonInt(parts[0] as string);
  const value = parsePythonFloat(parts[1] as string);
  const step = parts.length >= 3 ? parsePythonInt(parts[2] as string) : 0;
  if (timestamp === undefined || value === undefined || step === undefined) return false;
  out.step = step;
  out.timestamp = timestamp;
  out.value = value;
  return true;
}

// Fast paths for the numbers MLflow writes (plain digits; Python's repr of floats), falling back
// to the full Python rules for anything else. Millions of lines go through here.

/** Plain decimal digits (optionally negative) in `text[start, end)`; undefined otherwise (the caller falls back). */
function fastInt(text: string, start: number, end: number): number | undefined {
  const negative = text.charCodeAt(start) === 45; /* - */
  let i = negative ? start + 1 : start;
  if (i >= end) return undefined;
  let n = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  if (!Number.isSafeInteger(n)) return undefined;
  return negative ? -n : n;
}

function fastFloat(s: string): number | undefined {
  // Where JavaScript's Number() returns a number, Python's float() returns the same one, except
  // for hex/octal/binary literals and blank strings (0 in JavaScript, errors in Python).
  const n = Number(s);
  if (Number.isNaN(n) || s.length === 0 || s.charCodeAt(0) <= 32 || (s.charCodeAt(0) === 48 && s.length > 1 && ((s.charCodeAt(1) | 32) === 120 || (s.charCodeAt(1) | 32) === 111 || (s.charCodeAt(1) | 32) === 98))) {
    return parsePythonFloat(s);
  }
  return n;
}
