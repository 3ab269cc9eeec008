import { describe, expect, it } from 'vitest';
import {
  columnEntry,
  entryColumn,
  isShown,
  layoutEntries,
  layoutFromEntries,
  MAX_WIDTH,
  MIN_WIDTH,
  normalLayout,
  resizeColumn,
  sameLayout,
  toggleColumn,
} from '../../../src/components/table/column-layout.ts';
import { layout } from './records.ts';

const HOSTILE = ['val/loss', 'a.b c', '__proto__', 'x~12', '100%', 'a,b', 'ü~%7E', ''];
const available = { metrics: ['acc', 'loss', ...HOSTILE.filter((k) => k !== '')], params: ['lr', 'lr~', 'model'] };

describe('normalLayout(layout, available, primary)', () => {
  it('drops unknown keys and repeats, puts the primary metric first and the attributes in their order', () => {
    const normal = normalLayout({ metrics: ['loss', 'gone', 'acc', 'loss'], params: ['model', 'nope'], attributes: ['user', 'status'] }, available, 'acc');
    expect(normal).toEqual({ metrics: ['acc', 'loss'], params: ['model'], attributes: ['status', 'user'], widths: new Map() });
  });

  it('clamps widths', () => {
    const normal = normalLayout({ ...layout(), widths: new Map([['metric:acc', 1], ['param:lr', 99], ['run:name', 12.3]]) }, available);
    expect([...normal.widths]).toEqual([['metric:acc', MIN_WIDTH], ['param:lr', MAX_WIDTH], ['run:name', 12.25]]);
  });
});

describe('toggleColumn(layout, id, on), isShown(layout, id) and resizeColumn(layout, id, width)', () => {
  const start = layout({ metrics: ['acc'], params: ['lr'], attributes: ['status', 'user'] });

  it('shows a metric or param last in its group and hides it again', () => {
    const shown = toggleColumn(toggleColumn(start, 'metric:loss', true), 'param:model', true);
    expect([shown.metrics, shown.params]).toEqual([['acc', 'loss'], ['lr', 'model']]);
    expect(toggleColumn(shown, 'metric:acc', false).metrics).toEqual(['loss']);
    expect(toggleColumn(start, 'metric:acc', true)).toEqual(start);
  });

  it('keeps attributes in their fixed order whatever the order they are shown in', () => {
    expect(toggleColumn(start, 'run:start', true).attributes).toEqual(['status', 'start', 'user']);
    expect(toggleColumn(start, 'run:status', false).attributes).toEqual(['user']);
  });

  it('never hides Name, and ignores ids it does not know', () => {
    expect(toggleColumn(start, 'run:name', false)).toBe(start);
    expect(toggleColumn(start, 'bogus:x', true)).toBe(start);
    expect(isShown(start, 'run:name')).toBe(true);
    expect(isShown(start, 'run:user')).toBe(true);
    expect(isShown(start, 'run:commit')).toBe(false);
    expect(isShown(start, 'param:lr')).toBe(true);
  });

  it('sets a width, clamped, without touching the others', () => {
    const wide = resizeColumn(resizeColumn(start, 'metric:acc', 12.6), 'param:lr', -3);
    expect([...wide.widths]).toEqual([['metric:acc', 12.5], ['param:lr', MIN_WIDTH]]);
    expect(sameLayout(wide, start)).toBe(false);
    expect(sameLayout(resizeColumn(start, 'metric:acc', 9), resizeColumn(start, 'metric:acc', 9))).toBe(true);
  });
});

describe('columnEntry(id) and entryColumn(entry)', () => {
  it('spells columns as in MLflow search (metrics., params., attributes.)', () => {
    expect(['metric:val/loss', 'param:lr', 'run:status', 'run:name'].map(columnEntry)).toEqual(['metrics.val/loss', 'params.lr', 'attributes.status', 'attributes.name']);
    expect(entryColumn('metrics.a.b c')).toBe('metric:a.b c');
  });

  it('refuses unknown groups, unknown attributes and empty keys', () => {
    for (const entry of ['tags.x', 'attributes.bogus', 'metrics.', 'acc', '']) expect(entryColumn(entry)).toBeUndefined();
  });
});

describe('layoutEntries(layout) and layoutFromEntries(entries, available, primary)', () => {
  it('round-trips a layout with any keys and widths', () => {
    const original = layout({ metrics: HOSTILE.filter((k) => k !== ''), params: ['lr~', 'model'], attributes: ['duration', 'commit'], widths: [['metric:x~12', 11.5], ['run:name', 20], ['param:lr~', 4]] });
    const entries = layoutEntries(original);
    expect(entries[0]).toBe('attributes.name~20');
    expect(entries).toContain('metrics.x%7E12~11.5');
    const back = layoutFromEntries(entries, available);
    expect(sameLayout(back, original)).toBe(true);
    expect(back.metrics).toEqual(original.metrics);
  });

  it('reads hand-written entries tolerantly: unknown keys, repeats and bad widths dropped', () => {
    const back = layoutFromEntries(['metrics.loss~abc', 'metrics.gone', 'params.lr~', 'metrics.loss~9', 'attributes.user', 'tags.x', 'metrics.100%', 'metrics.acc~'], available, 'acc');
    expect(back.metrics).toEqual(['acc', 'loss', '100%']);
    expect(back.params).toEqual(['lr']);
    expect(back.attributes).toEqual(['user']);
    expect([...back.widths]).toEqual([['metric:loss', 9]]);
  });

  it('drops the width of a column that is not shown', () => {
    expect([...layoutFromEntries(['metrics.gone~12', 'metrics.acc'], available).widths]).toEqual([]);
  });

  it('gives an empty layout for no entries (only Name shown)', () => {
    expect(layoutFromEntries([], available)).toEqual({ metrics: [], params: [], attributes: [], widths: new Map() });
  });
});
