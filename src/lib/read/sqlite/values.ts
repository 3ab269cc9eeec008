/**
 * Cells of an MLflow database as JavaScript sees them, and the conversions every table needs.
 * SQLite is dynamically typed: a column declared BIGINT may hold text, NULL where MLflow never
 * writes NULL, or an integer too large for a JavaScript number. These helpers say what a cell is
 * without throwing, so each reader can skip the one bad record with a warning.
 */

/** A cell as the scanner hands it over (integers beyond 2^53 arrive as their decimal text). */
export type Cell = string | number | null | Uint8Array;

/** Text, or a number spelled as text; undefined for NULL and blobs. */
export function asText(cell: Cell): string | undefined {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return undefined;
}

/** A safe integer (epoch ms, step, version), or undefined. */
export function asInt(cell: Cell): number | undefined {
  return typeof cell === 'number' && Number.isSafeInteger(cell) ? cell : undefined;
}

/** An id column: MLflow stores experiment ids as INTEGER and reports them as strings. */
export function asId(cell: Cell): string | undefined {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : undefined;
  return typeof cell === 'string' && cell !== '' ? cell : undefined;
}

/** A cell as a warning quotes it: `NULL`, `"text"`, `1.5`, `a blob of 4 bytes`. */
export function showCell(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') {
    const quoted = JSON.stringify(cell);
    return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
  }
  return `a blob of ${cell.byteLength} bytes`;
}

/** An optional integer column: absent when NULL; a wrong value is reported through `bad`. */
export function optionalInt(cell: Cell, column: string, bad: (message: string) => void): number | undefined {
  if (cell === null) return undefined;
  const n = asInt(cell);
  if (n === undefined) bad(`${column} must be an integer, got ${showCell(cell)}; ignored`);
  return n;
}

/** An optional text column: absent when NULL or empty, as MLflow's entities treat them. */
export function optionalText(cell: Cell): string | undefined {
  const text = asText(cell);
  return text === '' ? undefined : text;
}
