/**
 * The runs table rendered with react-dom/server: a real <table> with its header and only the
 * rows of the current window, for a 10,000-run experiment, in a few milliseconds.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { keyIndex, tableColumns } from '../../../src/components/table/columns.ts';
import RunsTable from '../../../src/components/table/RunsTable.tsx';
import { tableRows } from '../../../src/components/table/state.ts';
import { TableGrid, type TableGridProps } from '../../../src/components/table/TableGrid.tsx';
import { buildTree } from '../../../src/components/table/tree.ts';
import { rowWindow, ROW_HEIGHT } from '../../../src/components/table/windowing.ts';
import { layout, syntheticRecords } from './records.ts';

const { records, metrics, params } = syntheticRecords(10_000);

function gridProps(scrollTop: number): TableGridProps {
  const tree = buildTree(records);
  const columns = tableColumns(layout({ metrics: ['val/loss'], params: ['max depth'] }), keyIndex({ metrics, params }));
  const view = tableRows({ records, tree, matched: undefined, order: { kind: 'column', column: columns[0]!, ascending: true }, expanded: new Set() });
  return {
    base: '/my-repo/',
    caption: 'Runs',
    columns,
    records,
    tree,
    rows: view.rows,
    flat: view.flat,
    window: rowWindow({ scrollTop, viewport: 640, count: view.rows.length }),
    sort: { column: 'run:name', direction: 'asc' },
    expanded: new Set(),
    selected: new Set(),
    allShown: 'none',
    onSort: () => {},
    onExpand: () => {},
    onSelect: () => {},
    onSelectShown: () => {},
  };
}

describe('TableGrid with 10,000 runs (react-dom/server)', () => {
  it('renders a table with the header and only the window of rows', () => {
    const props = gridProps(5000 * ROW_HEIGHT);
    const $ = cheerio.load(renderToString(createElement(TableGrid, props)));
    expect($('table').length).toBe(1);
    const headers = $('thead th[scope="col"]').map((_, th) => $(th).text()).get();
    expect(headers.slice(1)).toEqual(['Name▲', 'val/loss↕', 'max depth↕', 'Status↕', 'Start (UTC)↕', 'Duration↕', 'User↕', 'Source↕', 'Git commit↕']);
    // Grouped headers tell a metric from a param of the same name.
    expect($('thead th[scope="colgroup"]').map((_, th) => [[$(th).text(), $(th).attr('colspan')]]).get()).toEqual([
      ['Metrics', '1'],
      ['Params', '1'],
      ['Attributes', '6'],
    ]);
    expect($('thead th[data-column="param:max depth"] button').attr('title')).toBe('params.max depth');
    expect($('th[aria-sort]').length).toBe(1);
    expect($('th[aria-sort]').attr('aria-sort')).toBe('ascending');

    const rows = $('tbody tr:not([aria-hidden])');
    expect(rows.length).toBe(props.window.last - props.window.first);
    expect(rows.length).toBeLessThan(60);
    // Names sort by code unit: fox-0, fox-1, fox-10, fox-100, … so position 5000 is not run 5000.
    const names = records.map((r) => r.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(rows.first().find('a').text()).toBe(names[props.window.first]);
    expect(rows.first().attr('aria-rowindex')).toBe(String(props.window.first + 3));
    expect($('table').attr('aria-rowcount')).toBe('10002');
    // The spacers stand in for every row that is not rendered.
    const spacers = $('tbody tr[aria-hidden="true"]').map((_, tr) => $(tr).attr('style')).get();
    expect(spacers).toEqual([`height:${props.window.first * ROW_HEIGHT}px`, `height:${(10_000 - props.window.last) * ROW_HEIGHT}px`]);
    expect(rows.first().find('a').attr('href')).toMatch(/^\/my-repo\/runs\/run\d{5}\/$/);
  });

  it('escapes run names and param values (text children only)', () => {
    const hostile = [{ ...records[0]!, name: '<img src=x onerror=alert(1)>', p: ['<script>x</script>', null] }];
    const tree = buildTree(hostile);
    const props = { ...gridProps(0), records: hostile, tree, rows: [0], window: rowWindow({ scrollTop: 0, viewport: 640, count: 1 }) };
    props.columns = tableColumns(layout({ params: ['model'] }), keyIndex({ metrics, params }));
    const html = renderToString(createElement(TableGrid, props));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(cheerio.load(html)('tbody a').text()).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('RunsTable on the server (before any data)', () => {
  const props = {
    base: '/',
    experimentId: '0',
    chunks: 10,
    total: 10_000,
    columns: { metrics, params },
    defaultColumns: { metrics: ['acc'], params: [] },
  };

  it('shows the page\'s own table, passed as children, until chunk 0 arrives', () => {
    const html = renderToString(createElement(RunsTable, props, createElement('table', { id: 'static' })));
    const $ = cheerio.load(html);
    expect($('#static').length).toBe(1);
    expect($('p[aria-live]').first().text()).toContain('Loading runs');
  });

  it('renders an empty table with its headers when there is no fallback', () => {
    const $ = cheerio.load(renderToString(createElement(RunsTable, props)));
    expect($('table thead th[scope="col"]').length).toBe(1 + 1 + 1 + 6);
    expect($('table tbody tr:not([aria-hidden])').length).toBe(0);
  });
});
