/**
 * Aligned plain-text tables for the terminal: a header row, then one row per record, columns
 * separated by two spaces, numbers right-aligned. Widths count UTF-16 code units, which is
 * exact for the ASCII that run ids, metric values and most names are made of.
 */

export interface TextColumn {
  header: string;
  /** Right-align (numbers, ranks). */
  right?: boolean;
}

export function formatTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] as number;
        return column.right ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].map((l) => `${l}\n`).join('');
}
