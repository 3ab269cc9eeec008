import { describe, expect, it } from 'vitest';
import { SearchSyntaxError } from '../../../src/lib/analyze/search/index.ts';
import { selectRuns } from '../../../src/lib/analyze/select.ts';
import { makeTables } from './snapshot.ts';

const tables = makeTables(
  [
    { id: 'a', experimentId: '1', startTime: 5, metrics: { acc: 0.9 }, params: { model: 'cnn' } },
    { id: 'b', experimentId: '1', startTime: 4, metrics: { acc: 0.5 }, params: { model: 'mlp' }, parentId: 'a' },
    { id: 'gone', experimentId: '1', startTime: 3, lifecycleStage: 'deleted', metrics: { acc: 0.99 } },
    { id: 'c', experimentId: '2', startTime: 2, metrics: { acc: 0.7 }, parentId: 'a' },
    { id: 'trashed', experimentId: '3', startTime: 1, metrics: { acc: 0.1 } },
  ],
  [{ id: '1' }, { id: '2' }, { id: '3', lifecycleStage: 'deleted' }],
);

const ids = (selection: Parameters<typeof selectRuns>[1]) => selectRuns(tables, selection).array('id');

describe('selectRuns(tables, selection)', () => {
  it('leaves out deleted runs and the runs of deleted experiments by default', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
  });

  it('keeps them with includeDeleted', () => {
    expect(ids({ includeDeleted: true })).toEqual(['a', 'b', 'gone', 'c', 'trashed']);
  });

  it("keeps the active runs of a deleted experiment that is asked for by id", () => {
    expect(ids({ experimentIds: ['3'] })).toEqual(['trashed']);
    expect(ids({ experimentIds: ['1'] })).toEqual(['a', 'b']);
  });

  it("applies MLflow's filter string to the runs", () => {
    expect(ids({ filter: "metrics.acc > 0.6 AND params.model = 'cnn'" })).toEqual(['a']);
    expect(ids({ filter: 'metrics.acc >= 0.5' })).toEqual(['a', 'b', 'c']);
  });

  it('throws a SearchSyntaxError for a filter that does not parse', () => {
    expect(() => selectRuns(tables, { filter: 'metrics.acc >> 1' })).toThrow(SearchSyntaxError);
  });

  it('selects the children of a parent, or given run ids', () => {
    expect(ids({ parentId: 'a' })).toEqual(['b', 'c']);
    expect(ids({ runIds: ['c', 'a', 'gone'] })).toEqual(['a', 'c']);
  });
});
