/**
 * Downloads of what the runs table shows: the shown rows in their order (state.ts `exportRows`),
 * with the shown columns, plus the run id first (a row without it cannot be traced back).
 * - CSV: RFC 4180 (comma, CRLF line ends, a field holding `"`, `,`, CR or LF is quoted with `"`
 *   doubled). Text cells that start with `=`, `+`, `-`, `@` (or tab/CR) get a leading `'`, so a
 *   spreadsheet does not run a run name or param as a formula (OWASP "CSV injection"). Numeric
 *   columns hold numbers we format ourselves and are written as they are: full precision
 *   (shortest round-trip form), NaN/Infinity/-Infinity spelled out as the Snapshot spells them.
 * - JSON: an array of objects keyed by the same column names; metric values as the Snapshot
 *   spells them (numbers, or 'NaN'/'Infinity'/'-Infinity').
 */
import { setOwn } from '../../lib/order.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import type { Column } from './columns.ts';

type Cell = string | number | null;

const ID_COLUMN = { exportName: 'run_id', kind: 'text', exportValue: (r: RunsTableRecord): Cell => r.id } as const;

type ExportColumn = Pick<Column, 'exportName' | 'kind'> & { exportValue: (record: RunsTableRecord) => Cell };

function exportColumns(columns: readonly Column[]): ExportColumn[] {
  return [ID_COLUMN, ...columns];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field from untrusted text: formula guard first, then RFC 4180 quoting. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvField(value: Cell, numeric: boolean): string {
  if (value === null) return '';
  // Our own numbers (and NaN/±Infinity) are data, not text a reader typed: no guard, no quotes.
  if (numeric && (typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity')) return String(value);
  return csvCell(String(value));
}

export function toCsv(columns: readonly Column[], records: readonly RunsTableRecord[], rows: readonly number[]): string {
  const all = exportColumns(columns);
  const lines = [all.map((c) => csvCell(c.exportName)).join(',')];
  for (const i of rows) {
    const record = records[i] as RunsTableRecord;
    lines.push(all.map((c) => csvField(c.exportValue(record), c.kind === 'number')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(columns: readonly Column[], records: readonly RunsTableRecord[], rows: readonly number[]): string {
  const all = exportColumns(columns);
  const lines = rows.map((i) => {
    const record = records[i] as RunsTableRecord;
    const row: Record<string, Cell> = {};
    // Keys are metric and param names: setOwn keeps a key spelled `__proto__` an own property.
    for (const c of all) setOwn(row, c.exportName, c.exportValue(record));
    return JSON.stringify(row);
  });
  // One run per line: readable, diffable, and still one JSON array.
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}

/** `runs-<experiment>.csv`, with characters file systems refuse replaced. */
export function downloadName(experimentId: string, extension: 'csv' | 'json'): string {
  const safe = experimentId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'experiment';
  return `runs-${safe}.${extension}`;
}
