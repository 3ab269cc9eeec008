/**
 * The first rows of a CSV (or TSV) artifact as a table preview: RFC 4180 quoting (quoted fields
 * may hold the delimiter, doubled quotes and line breaks), `\n` or `\r\n` line ends, ragged rows
 * kept as they are. Reads only as far as the rows it keeps. Browser-safe: the build and the
 * compare island share it.
 */
import { PREVIEW } from './artifact-kinds.ts';

export interface CsvPreview {
  header: string[];
  rows: string[][];
  /** More rows follow the ones kept. */
  moreRows: boolean;
  /** Columns in the widest kept row, before any were cut. */
  columns: number;
}

export function csvPreview(text: string, delimiter: ',' | '\t' = ',', limits: { rows: number; columns: number; cell: number } = PREVIEW): CsvPreview {
  const records: string[][] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length && records.length <= limits.rows + 1) {
    const [record, next] = readRecord(text, at, delimiter);
    at = next;
    if (!(record.length === 1 && record[0] === '')) records.push(record);
  }
  const moreRows = records.length > limits.rows + 1;
  const kept = records.slice(0, limits.rows + 1);
  const columns = Math.max(0, ...kept.map((r) => r.length));
  const cut = (row: string[]) => row.slice(0, limits.columns).map((cell) => (cell.length > limits.cell ? `${cell.slice(0, limits.cell - 1)}…` : cell));
  const [header = [], ...rows] = kept.map(cut);
  return { header, rows, moreRows, columns };
}

/** One record from `at`; returns it and where the next one starts. */
function readRecord(text: string, at: number, delimiter: string): [string[], number] {
  const fields: string[] = [];
  let i = at;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
      const end = nextBreak(text, i, delimiter);
      field += text.slice(i, end);
      i = end;
    } else {
      const end = nextBreak(text, i, delimiter);
      field = text.slice(i, end);
      i = end;
    }
    fields.push(field);
    if (text[i] === delimiter) {
      i += 1;
      continue;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    return [fields, i];
  }
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
  }
  return text.length;
}
