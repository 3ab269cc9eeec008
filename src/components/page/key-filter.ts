/**
 * The run page's filter over its key tables (parameters, metrics, tags, system tags) and metric
 * charts: a progressive enhancement. The page renders every row and keeps the box `hidden`; this
 * script shows the box and hides the rows (and charts) that do not match. Without JavaScript the
 * reader gets every row and no box that cannot work.
 *
 * A row matches when each word of the query occurs in its text (key or value), ignoring case; a
 * chart when each word occurs in its metric key. The query lives in the address as `keys`
 * (url-state.ts), so a filtered view can be shared. Plain DOM, no framework: run pages are many.
 */
import { readParam, replaceParams } from './url-state.ts';

/** The words of a query, lower-cased; none for a blank query (everything matches). */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesWords(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.every((w) => lower.includes(w));
}

interface FilteredTable {
  /** What its rows are, for the status line (`parameters`). */
  label: string;
  rows: { row: HTMLElement; text: string }[];
  empty: HTMLElement;
  details: HTMLDetailsElement | null;
}

export function mountKeyFilter(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('[data-key-filter]');
  const input = box?.querySelector<HTMLInputElement>('input');
  const status = box?.querySelector<HTMLElement>('[role="status"]');
  if (!box || !input || !status) return;
  const tables = [...root.querySelectorAll<HTMLElement>('[data-filter-rows]')].map((table): FilteredTable => {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.hidden = true;
    table.after(empty);
    return {
      label: table.dataset.filterRows ?? 'rows',
      // Cells joined with a space: `fliplr` `0.5` must not read as `fliplr0.5`.
      rows: [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => ({ row, text: [...row.cells].map((c) => c.textContent ?? '').join(' ') })),
      empty,
      details: table.closest('details'),
    };
  });
  const charts = root.querySelector<HTMLElement>('[data-run-charts]');
  const filterCharts = (words: readonly string[]) => {
    for (const chart of charts?.querySelectorAll<HTMLElement>('[data-metric]') ?? []) chart.hidden = !matchesWords(chart.dataset.metric ?? '', words);
  };
  const apply = () => {
    const words = queryWords(input.value);
    const counts: string[] = [];
    for (const table of tables) {
      let shown = 0;
      for (const { row, text } of table.rows) {
        row.hidden = !matchesWords(text, words);
        if (!row.hidden) shown += 1;
      }
      table.empty.hidden = shown > 0 || words.length === 0;
      table.empty.textContent = `No ${table.label} match “${input.value.trim()}”.`;
      if (table.details && words.length > 0 && shown > 0) table.details.open = true;
      if (words.length > 0) counts.push(`${shown} of ${table.rows.length} ${table.label}`);
    }
    filterCharts(words);
    status.textContent = words.length === 0 ? '' : `Showing ${counts.join(', ')}.`;
  };
  // The charts island mounts after this script runs, and re-renders: filter its charts as they appear.
  if (charts) new MutationObserver(() => filterCharts(queryWords(input.value))).observe(charts, { childList: true, subtree: true });
  input.value = readParam(location.search, 'keys') ?? '';
  input.addEventListener('input', () => {
    apply();
    replaceParams({ keys: input.value.trim() || undefined });
  });
  box.hidden = false;
  if (queryWords(input.value).length > 0) apply();
}
