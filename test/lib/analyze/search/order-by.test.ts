import { describe, expect, it } from 'vitest';
import { SearchSyntaxError, compileOrderBy, parseOrderBy, searchRuns } from '../../../../src/lib/analyze/search/index.ts';
import type { MetricValue, Run } from '../../../../src/lib/model.ts';
import { ids, makeRun } from './runs.ts';

/** Both sorting paths must agree: the comparator and searchRuns' precomputed-column sort. */
function ordered(runs: readonly Run[], orderBy: string[]): string[] {
  const viaSearch = ids(searchRuns(runs, { orderBy }));
  expect(ids([...runs].sort(compileOrderBy(orderBy)))).toEqual(viaSearch);
  return viaSearch;
}

describe('parseOrderBy(clause)', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_space_order_by_search_runs`.
  it.each([
    ['metrics.`Mean Square Error`', true],
    ['metrics.`Mean Square Error` ASC', true],
    ['metrics.`Mean Square Error` DESC', false],
  ])('reads %j as metric "Mean Square Error", ascending %s', (clause, ascending) => {
    expect(parseOrderBy(clause)).toEqual({ type: 'metric', key: 'Mean Square Error', ascending });
  });

  // Ported from `test_invalid_order_by_search_runs`.
  it.each([
    ['m.acc', 'Invalid entity type'],
    ['acc', 'Invalid attribute key'],
    ['attri.x', 'Invalid entity type'],
    ['`metrics.A', 'Invalid order_by clause'],
    ['`metrics.A`', 'Invalid entity type'],
    ['attribute.start', 'Invalid attribute key'],
    ['attribute.experiment_id', 'Invalid attribute key'],
    ['metrics.A != 1', 'Invalid order_by clause'],
    ['params.my_param ', 'Invalid order_by clause'],
    ['attribute.run_id ACS', 'Invalid ordering key'],
    ['attribute.run_id decs', 'Invalid ordering key'],
  ])('rejects %j with "%s"', (clause, message) => {
    expect(() => parseOrderBy(clause)).toThrow(SearchSyntaxError);
    expect(() => parseOrderBy(clause)).toThrow(message);
  });

  it.each([
    ['attribute.run_id ACS', 'ACS'],
    ['params.my_param ', ' '],
    ['metrics.A != 1', '!='],
  ])('points at the offending part of %j', (clause, token) => {
    try {
      parseOrderBy(clause);
      expect.unreachable();
    } catch (error) {
      expect((error as SearchSyntaxError).position).toBe(clause.indexOf(token));
    }
  });
});

describe('searchRuns(runs, { orderBy }) on metrics, params, tags and status', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_correct_sorting`.
  const runs = [
    makeRun({ id: '9', status: 'FAILED', startTime: 0, endTime: 1, metrics: { key1: 121 }, params: { my_param: 'A' } }),
    makeRun({ id: '8', status: 'FINISHED', startTime: 1, endTime: 1, metrics: { key1: 123 }, params: { my_param: 'A' }, tags: { tag1: 'C' } }),
    makeRun({ id: '7', status: 'FAILED', startTime: 1, endTime: 1, metrics: { key1: 125 }, params: { my_param: 'B' }, tags: { tag1: 'D' } }),
  ];
  const cases: [string[], number[]][] = [
    [[], [2, 1, 0]],
    [['tags.noSuchTag'], [2, 1, 0]],
    [['attributes.status'], [2, 0, 1]],
    [['attributes.start_time'], [0, 2, 1]],
    [['metrics.key1 asc'], [0, 1, 2]],
    [['metrics."key1"  desc'], [2, 1, 0]],
    [['params.my_param'], [1, 0, 2]],
    [['params.my_param aSc', 'attributes.status  ASC'], [0, 1, 2]],
    [['params.my_param', 'attributes.status DESC'], [1, 0, 2]],
    [['params.my_param DESC', 'attributes.status   DESC'], [2, 1, 0]],
    [['params.`my_param` DESC', 'attributes.status DESC'], [2, 1, 0]],
    [['tags.tag1'], [1, 2, 0]],
    [['tags.tag1    DESC'], [2, 1, 0]],
  ];
  it.each(cases)('orders by %j as runs %j', (orderBy, expected) => {
    expect(ordered(runs, orderBy)).toEqual(expected.map((i) => (runs[i] as Run).id));
  });
});

describe('searchRuns(runs, { orderBy }) with NaN, ±Infinity and missing metrics', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_order_by_metric_with_nans_infs_nones`.
  const values: [string, MetricValue | undefined][] = [
    ['nan', 'NaN'], ['inf', 'Infinity'], ['-inf', '-Infinity'], ['-1000', -1000], ['0', 0], ['1000', 1000], ['None', undefined],
  ];
  const runs = values.map(([id, x]) => makeRun({ id, metrics: x === undefined ? {} : { x } }));
  it('sorts ascending with NaN, then missing, last', () => {
    expect(ordered(runs, ['metrics.x asc'])).toEqual(['-inf', '-1000', '0', '1000', 'inf', 'nan', 'None']);
  });
  it('sorts descending with NaN, then missing, last', () => {
    expect(ordered(runs, ['metrics.x desc'])).toEqual(['inf', '1000', '0', '-1000', '-inf', 'nan', 'None']);
  });
});

describe('searchRuns(runs, { orderBy }) on several keys', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_order_by_metric_tag_param`:
  // run "x/y" has metrics x and y (none when x is None), tag and param `metric` = y.
  const pairs: [string | null, string][] = [[null, '1'], ['nan', '2'], ['inf', '3'], ['-inf', '4'], ['-1000', '5'], ['0', '6'], ['0', '7'], ['1000', '8']];
  const asMetric = (text: string): MetricValue => (text === 'nan' ? 'NaN' : text === 'inf' ? 'Infinity' : text === '-inf' ? '-Infinity' : Number(text));
  const runs = pairs.map(([x, y], i) =>
    makeRun({
      id: `run${i}`,
      name: `${x ?? 'None'}/${y}`,
      startTime: 123,
      tags: { metric: y },
      params: { metric: y },
      metrics: x === null ? {} : { x: asMetric(x), y: asMetric(y) },
    }),
  );
  const names = (orderBy: string[]) => {
    const byId = new Map(runs.map((run) => [run.id, run.name]));
    return ordered(runs, orderBy).map((id) => byId.get(id));
  };
  it.each([
    [['metrics.x asc', 'metrics.y asc'], ['-inf/4', '-1000/5', '0/6', '0/7', '1000/8', 'inf/3', 'nan/2', 'None/1']],
    [['metrics.x asc', 'tag.metric asc'], ['-inf/4', '-1000/5', '0/6', '0/7', '1000/8', 'inf/3', 'nan/2', 'None/1']],
    [['metrics.x asc', 'metrics.y desc'], ['-inf/4', '-1000/5', '0/7', '0/6', '1000/8', 'inf/3', 'nan/2', 'None/1']],
    [['metrics.x asc', 'tag.metric desc'], ['-inf/4', '-1000/5', '0/7', '0/6', '1000/8', 'inf/3', 'nan/2', 'None/1']],
    [['metrics.x desc', 'metrics.y asc'], ['inf/3', '1000/8', '0/6', '0/7', '-1000/5', '-inf/4', 'nan/2', 'None/1']],
    [['metrics.x desc', 'param.metric desc'], ['inf/3', '1000/8', '0/7', '0/6', '-1000/5', '-inf/4', 'nan/2', 'None/1']],
  ])('orders by %j as %j', (orderBy, expected) => {
    expect(names(orderBy)).toEqual(expected);
  });
});

describe('searchRuns(runs, { orderBy }) on end_time and start_time', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_order_by_attributes`:
  // start times 123…128, end times 234, None, 456, -123, 789, 123; each run named after its end.
  const ends = [234, undefined, 456, -123, 789, 123];
  const runs = ends.map((end, i) => makeRun({ id: `run${i}`, name: String(end ?? 'None'), startTime: 123 + i, endTime: end }));
  const names = (orderBy: string[]) => ordered(runs, orderBy).map((id) => runs.find((run) => run.id === id)?.name);
  it.each([
    [['attribute.end_time asc'], ['-123', '123', '234', '456', '789', 'None']],
    [['attribute.end_time desc'], ['789', '456', '234', '123', '-123', 'None']],
    [['attribute.start_time asc', 'attribute.end_time desc'], ['234', 'None', '456', '-123', '789', '123']],
  ])('orders by %j as %j', (orderBy, expected) => {
    expect(names(orderBy)).toEqual(expected);
  });
});

describe('searchRuns(runs, { orderBy }) default order', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_with_max_results`:
  // runs started at 0…9 come back newest first.
  it('puts the latest start time first', () => {
    const runs = Array.from({ length: 10 }, (_, r) => makeRun({ id: `run-${String.fromCharCode(97 + ((r * 7) % 10))}`, startTime: r }));
    expect(ordered(runs, [])).toEqual(ids(runs).reverse());
  });

  // Ported from `test_search_with_deterministic_max_results`: equal start times order by run id.
  it('breaks start-time ties by run id', () => {
    const runIds = ['f3', '0a', 'c1', '9b', '5e', 'a0', '77', '1d', 'e2', '48'];
    const runs = runIds.map((id) => makeRun({ id, startTime: 1000 }));
    expect(ordered(runs, [])).toEqual([...runIds].sort());
  });

  // Ported from `test_search_runs_start_time_alias`: `created` orders as start_time.
  it.each([
    [['attributes.start_time DESC'], ['r2', 'r1']],
    [['attributes.created ASC'], ['r1', 'r2']],
    [['attributes.Created DESC'], ['r2', 'r1']],
  ])('orders by %j as %j', (orderBy, expected) => {
    const runs = [makeRun({ id: 'r1', startTime: 1, name: 'name' }), makeRun({ id: 'r2', startTime: 2, name: 'name' })];
    expect(ids(searchRuns(runs, { filter: "attributes.run_name = 'name'", orderBy }))).toEqual(expected);
  });
});
