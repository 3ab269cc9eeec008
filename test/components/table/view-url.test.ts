import { describe, expect, it } from 'vitest';
import { withParams } from '../../../src/components/page/url-state.ts';
import { layoutFromEntries } from '../../../src/components/table/column-layout.ts';
import { readTableView, tableViewParams, type TableViewParams } from '../../../src/components/table/view-url.ts';
import { layout } from './records.ts';

const view = (parts: Partial<TableViewParams> = {}): TableViewParams => ({
  filter: '',
  order: '',
  sort: undefined,
  layout: layout(),
  defaultLayout: true,
  open: [],
  group: undefined,
  ...parts,
});

describe('tableViewParams(view) and readTableView(search)', () => {
  it('leaves a default view out of the address entirely', () => {
    expect(withParams('?runs=x', tableViewParams(view()))).toBe('?runs=x');
  });

  it('round-trips filter, order, sort, columns, expanded parents and grouping, keeping other islands\' parameters', () => {
    const columns = layout({ metrics: ['val/loss', 'a,b'], params: ['lr'], attributes: ['status'], widths: [['metric:a,b', 14]] });
    const search = withParams('?charts=loss&x=step', tableViewParams(view({
      filter: "params.optimizer = 'adam' AND metrics.`val loss` < 0.5",
      sort: { column: 'metric:a,b', direction: 'desc' },
      layout: columns,
      defaultLayout: false,
      open: ['p2', 'p1,x'],
      group: 'tags.team name',
    })));
    expect(search).toContain('charts=loss&x=step');
    const read = readTableView(search);
    expect(read).toEqual({
      filter: "params.optimizer = 'adam' AND metrics.`val loss` < 0.5",
      sort: { column: 'metric:a,b', direction: 'desc' },
      columns: ['metrics.val/loss', 'metrics.a,b~14', 'params.lr', 'attributes.status'],
      open: ['p1,x', 'p2'],
      group: 'tags.team name',
    });
    expect(layoutFromEntries(read.columns!, { metrics: ['a,b', 'val/loss'], params: ['lr'] })).toEqual(columns);
  });

  it('writes an ORDER BY as typed, and an empty column layout as cols=,', () => {
    const search = withParams('', tableViewParams(view({ order: 'metrics.acc DESC, params.lr', layout: layout({ attributes: [] }), defaultLayout: false })));
    expect(search).toBe('?order=metrics.acc+DESC,+params.lr&cols=,');
    expect(readTableView(search)).toEqual({ order: 'metrics.acc DESC, params.lr', columns: [] });
  });

  it('reads the sort ascending without a sign and drops one that names no column', () => {
    expect(readTableView('?sort=attributes.name').sort).toEqual({ column: 'run:name', direction: 'asc' });
    expect(readTableView('?sort=-attributes.start').sort).toEqual({ column: 'run:start', direction: 'desc' });
    expect(readTableView('?sort=bogus.x').sort).toBeUndefined();
  });

  it('drops a group key of another kind and empty ids', () => {
    expect(readTableView('?group=metrics.acc&open=,a,,a')).toEqual({ open: ['a'] });
  });
});
