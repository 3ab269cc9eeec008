import { describe, expect, it } from 'vitest';
import { SearchSyntaxError, compileFilter, searchRuns } from '../../../../src/lib/analyze/search/index.ts';
import type { Run } from '../../../../src/lib/model.ts';
import { ids, makeRun } from './runs.ts';

function filterRuns(runs: readonly Run[], filter: string): string[] {
  return ids(runs.filter(compileFilter(filter)));
}

describe('compileFilter(filter) with comparators MLflow rejects', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_bad_comparators`.
  const cases: [string, string[], string, string][] = [
    ['metrics', ['~', '~='], 'abc', '1.0'],
    ['params', ['>', '<', '>=', '<=', '~'], 'abc', "'my-param-value'"],
    ['tags', ['>', '<', '>=', '<=', '~'], 'abc', "'my-tag-value'"],
    ['attributes', ['>', '<', '>=', '<=', '~'], 'status', "'my-tag-value'"],
    ['attributes', ['LIKE', 'ILIKE'], 'start_time', '1234'],
    ['datasets', ['>', '<', '>=', '<=', '~'], 'name', "'my-dataset-name'"],
  ];
  const filters = cases.flatMap(([entity, comparators, key, value]) => comparators.map((c) => `${entity}.${key} ${c} ${value}`));
  it.each(filters)('rejects %j with "Invalid comparator"', (filter) => {
    expect(() => compileFilter(filter)).toThrow(SearchSyntaxError);
    expect(() => compileFilter(filter)).toThrow('Invalid comparator');
  });
});

describe('compileFilter(filter) on runs with metrics, params, tags and datasets', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_correct_filtering`.
  const runs = [
    makeRun({
      id: 'hi', status: 'FAILED', startTime: 0, endTime: 1, user: 'user-id',
      metrics: { key1: 121 }, params: { my_param: 'A' },
      inputs: [{ name: 'name1', digest: 'digest1', sourceType: 'my_source_type', source: 'source', context: 'train' }],
    }),
    makeRun({
      id: 'hi2', status: 'FINISHED', startTime: 0, endTime: 1, user: 'user-id',
      metrics: { key1: 123 }, params: { my_param: 'A' }, tags: { tag1: 'C' },
      inputs: [{ name: 'name1', digest: 'digest1', sourceType: 'my_source_type', source: 'source' }],
    }),
    makeRun({
      id: 'hi3', status: 'FAILED', startTime: 0, endTime: 1, user: 'user-id',
      metrics: { key1: 125 }, params: { my_param: 'B' }, tags: { tag1: 'D' },
      inputs: [{ name: 'name2', digest: 'digest2', sourceType: 'my_source_type', source: 'source' }],
    }),
  ];
  const cases: [string, number[]][] = [
    ['', [0, 1, 2]],
    ["attributes.status = 'FAILED'", [0, 2]],
    ['metrics.key1 = 123', [1]],
    ['metrics.key1 != 123', [0, 2]],
    ['metrics.key1 >= 123', [1, 2]],
    ["params.my_param = 'A'", [0, 1]],
    ["tags.tag1 = 'D'", [2]],
    ["tags.tag1 != 'D'", [1]],
    ["params.my_param = 'A' AND attributes.status = 'FAILED'", [0]],
    ["datasets.name = 'name1'", [0, 1]],
    ["datasets.name IN ('name1', 'name2')", [0, 1, 2]],
    ["datasets.digest IN ('digest1', 'digest2')", [0, 1, 2]],
    ["datasets.name = 'name1' AND datasets.digest = 'digest2'", []],
    ["datasets.context = 'train'", [0]],
    ["datasets.name = 'name1' AND datasets.context = 'train'", [0]],
  ];
  it.each(cases)('%j matches runs %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected.map((i) => (runs[i] as Run).id));
  });
});

describe('compileFilter(filter) on start_time, end_time and user_id', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_filter_runs_by_start_time`,
  // `test_filter_runs_by_end_time` and `test_filter_runs_by_user_id`.
  const byStart = ['a', 'b', 'c'].map((id, idx) => makeRun({ id, startTime: idx, endTime: 1 }));
  const byEnd = ['a', 'b', 'c'].map((id, idx) => makeRun({ id, startTime: idx, endTime: idx }));
  it.each([
    ['attribute.start_time >= 0', ['a', 'b', 'c']],
    ['attribute.start_time > 1', ['c']],
    ['attribute.start_time = 2', ['c']],
  ])('%j on start times 0, 1, 2 matches %j', (filter, expected) => {
    expect(filterRuns(byStart, filter)).toEqual(expected);
  });
  it.each([
    ['attribute.end_time >= 0', ['a', 'b', 'c']],
    ['attribute.end_time > 1', ['c']],
    ['attribute.end_time = 2', ['c']],
  ])('%j on end times 0, 1, 2 matches %j', (filter, expected) => {
    expect(filterRuns(byEnd, filter)).toEqual(expected);
  });
  it('matches user_id exactly', () => {
    const runs = [makeRun({ id: 'a', user: 'user-id', startTime: 1 }), makeRun({ id: 'b', user: 'user-id2', startTime: 1 })];
    expect(filterRuns(runs, "attribute.user_id = 'user-id2'")).toEqual(['b']);
  });
});

describe('compileFilter(filter) with IS NULL and IS NOT NULL', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_filter_runs_by_tag_and_param_is_null`.
  const runs = [makeRun({ id: 'run1', tags: { env: 'prod' } }), makeRun({ id: 'run2', params: { lr: '0.01' } })];
  it.each([
    ['tags.env IS NOT NULL', ['run1']],
    ['tags.env IS NULL', ['run2']],
    ['params.lr IS NOT NULL', ['run2']],
    ['params.lr IS NULL', ['run1']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
});

describe('compileFilter(filter) on params', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_search_params`.
  const runs = [
    makeRun({ id: 'r1', params: { generic_param: 'p_val', generic_2: 'some value', p_a: 'abc' } }),
    makeRun({ id: 'r2', params: { generic_param: 'p_val', generic_2: 'another value', p_b: 'ABC' } }),
  ];
  it.each([
    ["params.generic_param = 'p_val'", ['r1', 'r2']],
    ["params.generic_2 = 'some value'", ['r1']],
    ["params.generic_2 = 'another value'", ['r2']],
    ["params.generic_param = 'wrong_val'", []],
    ["params.generic_param != 'p_val'", []],
    ["params.generic_param != 'wrong_val'", ['r1', 'r2']],
    ["params.generic_2 != 'wrong_val'", ['r1', 'r2']],
    ["params.p_a = 'abc'", ['r1']],
    ["params.p_a = 'ABC'", []],
    ["params.p_a != 'ABC'", ['r1']],
    ["params.p_b = 'ABC'", ['r2']],
    ["params.generic_2 LIKE '%other%'", ['r2']],
    ["params.generic_2 LIKE 'other%'", []],
    ["params.generic_2 LIKE '%other'", []],
    ["params.generic_2 LIKE 'other'", []],
    ["params.generic_2 LIKE '%Other%'", []],
    ["params.generic_2 ILIKE '%Other%'", ['r2']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
});

describe('compileFilter(filter) on tags', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_tags` and
  // tests/store/tracking/test_sqlalchemy_store.py `test_search_tags`.
  const runs = [
    makeRun({ id: 'r1', tags: { generic_tag: 'p_val', generic_2: 'some value', p_a: 'abc' } }),
    makeRun({ id: 'r2', tags: { generic_tag: 'p_val', generic_2: 'another value', p_b: 'ABC' } }),
  ];
  it.each([
    ["tags.generic_tag = 'p_val'", ['r1', 'r2']],
    ["tags.generic_tag = 'P_VAL'", []],
    ["tags.generic_tag != 'P_VAL'", ['r1', 'r2']],
    ["tags.generic_2 = 'some value'", ['r1']],
    ["tags.generic_2='another value'", ['r2']],
    ["tags.generic_tag = 'wrong_val'", []],
    ["tags.generic_tag != 'p_val'", []],
    ["tags.generic_tag != 'wrong_val'", ['r1', 'r2']],
    ["tags.generic_2 != 'wrong_val'", ['r1', 'r2']],
    ["tags.p_a = 'abc'", ['r1']],
    ["tags.p_b = 'ABC'", ['r2']],
    ["tags.generic_2 LIKE '%other%'", ['r2']],
    ["tags.generic_2 LIKE '%Other%'", []],
    ["tags.generic_2 LIKE 'other%'", []],
    ["tags.generic_2 LIKE '%other'", []],
    ["tags.generic_2 LIKE 'other'", []],
    ["tags.generic_2 ILIKE '%OTHER%'", ['r2']],
    ["tags.generic_2 ILIKE '%Other%' and tags.generic_tag = 'p_val'", ['r2']],
    ["tags.generic_2 ILIKE '%Other%' and tags.generic_tag ILIKE 'p_val'", ['r2']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
});

describe('compileFilter(filter) on metrics', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_search_metrics`;
  // the latest values there are r1 {common 1, measure_a 1, m_a 2}, r2 {common 1, measure_a 400, m_b 4}.
  const runs = [
    makeRun({ id: 'r1', metrics: { common: 1.0, measure_a: 1.0, m_a: 2.0 } }),
    makeRun({ id: 'r2', metrics: { common: 1.0, measure_a: 400.0, m_b: 4.0 } }),
  ];
  it.each([
    ['metrics.common = 1.0', ['r1', 'r2']],
    ['metrics.common > 0.0', ['r1', 'r2']],
    ['metrics.common >= 0.0', ['r1', 'r2']],
    ['metrics.common < 4.0', ['r1', 'r2']],
    ['metrics.common <= 4.0', ['r1', 'r2']],
    ['metrics.common != 1.0', []],
    ['metrics.common >= 3.0', []],
    ['metrics.common <= 0.75', []],
    ['metrics.measure_a > 0.0', ['r1', 'r2']],
    ['metrics.measure_a < 50.0', ['r1']],
    ['metrics.measure_a < 1000.0', ['r1', 'r2']],
    ['metrics.measure_a != -12.0', ['r1', 'r2']],
    ['metrics.measure_a > 50.0', ['r2']],
    ['metrics.measure_a = 1.0', ['r1']],
    ['metrics.measure_a = 400.0', ['r2']],
    ['metrics.m_a > 1.0', ['r1']],
    ['metrics.m_b > 1.0', ['r2']],
    ['metrics.m_b > 5.0', []],
    ['metrics.m_b = 4.0', ['r2']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
});

describe('compileFilter(filter) on params and metrics together', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_search_full`.
  const runs = [
    makeRun({ id: 'r1', params: { generic_param: 'p_val', p_a: 'abc' }, metrics: { common: 1.0, m_a: 2.0 } }),
    makeRun({ id: 'r2', params: { generic_param: 'p_val', p_b: 'ABC' }, metrics: { common: 1.0, m_b: 4.0 } }),
  ];
  it.each([
    ["params.generic_param = 'p_val' and metrics.common = 1.0", ['r1', 'r2']],
    ["params.generic_param = 'p_val' and metrics.common = 1.0 and metrics.m_a > 1.0", ['r1']],
    ["params.generic_param = 'p_val' and metrics.common = 1.0 and metrics.m_a > 1.0 and params.p_a LIKE 'a%'", ['r1']],
    ["params.generic_param = 'p_val' and metrics.common = 1.0 and metrics.m_a > 1.0 and params.p_a LIKE 'A%'", []],
    ["params.generic_param = 'p_val' and metrics.common = 1.0 and metrics.m_a > 1.0 and params.p_a ILIKE 'A%'", ['r1']],
    ["params.random_bad_name = 'p_val' and metrics.common = 1.0 and metrics.m_a > 1.0", []],
    ["params.generic_param = 'p_val' and metrics.common = 1.0 and metrics.m_a > 100.0", []],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
});

describe('compileFilter(filter) on status and artifact_uri', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_search_attrs`
  // (after r2 was set to FAILED).
  const r1Id = '2a7b3c9d0e1f4a5b6c7d8e9f0a1b2c3d';
  const runs = [
    makeRun({ id: 'r1', status: 'RUNNING', artifactUri: `file:///mlruns/1/${r1Id}/artifacts` }),
    makeRun({ id: 'r2', status: 'FAILED', artifactUri: 'file:///mlruns/2/0f0e0d0c0b0a09080706050403020100/artifacts' }),
  ];
  const uri = `file:///mlruns/1/${r1Id}/artifacts`;
  it.each([
    ["attribute.status != 'blah'", ['r1', 'r2']],
    ["attribute.status = 'RUNNING'", ['r1']],
    ["attribute.status = 'FAILED'", ['r2']],
    ["attribute.status != 'SCHEDULED'", ['r1', 'r2']],
    ["attribute.status = 'SCHEDULED'", []],
    ["attribute.status = 'KILLED'", []],
    [`attr.artifact_uri = '${uri}'`, ['r1']],
    [`attr.artifact_uri = '${uri.toUpperCase()}'`, []],
    [`attr.artifact_uri != '${uri.toUpperCase()}'`, ['r1', 'r2']],
    [`attr.artifact_uri = '${uri.replace('/1/', '/2/')}'`, []],
    ["attribute.artifact_uri = 'random_artifact_path'", []],
    ["attribute.artifact_uri != 'random_artifact_path'", ['r1', 'r2']],
    [`attribute.artifact_uri LIKE '%${r1Id}%'`, ['r1']],
    [`attribute.artifact_uri LIKE '%${r1Id.slice(0, 16)}%'`, ['r1']],
    [`attribute.artifact_uri LIKE '%${r1Id.slice(-16)}%'`, ['r1']],
    [`attribute.artifact_uri LIKE '%${r1Id.toUpperCase()}%'`, []],
    [`attribute.artifact_uri ILIKE '%${r1Id.toUpperCase()}%'`, ['r1']],
    [`attribute.artifact_uri ILIKE '%${r1Id.slice(0, 16).toUpperCase()}%'`, ['r1']],
    [`attribute.artifact_uri ILIKE '%${r1Id.slice(-16).toUpperCase()}%'`, ['r1']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });
  it.each(["attribute.experiment_id = '1'", "attribute.lifecycle_stage = 'ACTIVE'"])('rejects %j: the key is not searchable', (filter) => {
    expect(() => compileFilter(filter)).toThrow(/Invalid attribute key '.+' specified/);
  });
});

describe('compileFilter(filter) LIKE patterns', () => {
  // mlflow tests/utils/test_search_utils.py `test_like_pattern_with_plus_character` (on experiment
  // names there; the same `_like` serves run names): regex characters in a pattern are literal.
  const runs = [makeRun({ id: 'a', name: 'jamie-foo C+W bar' }), makeRun({ id: 'b', name: 'jamie-foo CCW bar' })];
  it.each([
    ['run_name LIKE "jamie-foo C+W bar"', ['a']],
    ['run_name LIKE "jamie-foo C+%"', ['a']],
  ])('%j matches %j', (filter, expected) => {
    expect(filterRuns(runs, filter)).toEqual(expected);
  });

  // search_utils.py `_convert_like_pattern_to_regex`: `_` is exactly one character, `%` any run.
  it.each([
    ["params.p LIKE 'a_c'", ['abc']],
    ["params.p LIKE 'a%c'", ['abc', 'ac', 'abbc']],
    ["params.p LIKE '_'", []],
    ["params.p ILIKE 'A_C'", ['abc']],
  ])('%j matches the values %j', (filter, expected) => {
    const values = ['abc', 'ac', 'abbc', 'xabc'];
    const withValues = values.map((p) => makeRun({ id: p, params: { p } }));
    expect(filterRuns(withValues, filter)).toEqual(expected);
  });
});

describe('searchRuns(runs, { filter }) on run names', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_runs_run_name`.
  const runs = [
    makeRun({ id: 'r1', name: 'new_run_name1', startTime: 1000, tags: { 'mlflow.runName': 'new_run_name1' } }),
    makeRun({ id: 'r2', name: 'run_name2', startTime: 1000, tags: { 'mlflow.runName': 'run_name2' } }),
  ];
  it.each([
    ["attributes.run_name = 'new_run_name1'", ['r1']],
    ["tags.`mlflow.runName` = 'run_name2'", ['r2']],
    ["attributes.`run name` = 'new_run_name1'", ['r1']],
    ["attributes.`Run name` = 'new_run_name1'", ['r1']],
    ["attributes.`Run Name` = 'new_run_name1'", ['r1']],
  ])('%j finds %j', (filter, expected) => {
    expect(ids(searchRuns(runs, { filter }))).toEqual(expected);
  });
});

describe('searchRuns(runs, { filter }) on run ids', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_runs_run_id`.
  const id1 = 'aa1e0d4b8f1c4c0e9b7f3e2d1c0b9a87';
  const id2 = 'bb2f1e5c9a2d5d1f0c8a4f3e2d1c0ba9';
  const runs = [makeRun({ id: id1, startTime: 1, name: '1' }), makeRun({ id: id2, startTime: 2, name: '2' })];
  it.each([
    [`attributes.run_id = '${id1}'`, [id1]],
    [`attributes.run_id != '${id1}'`, [id2]],
    [`attributes.run_id IN ('${id1}')`, [id1]],
    [`attributes.run_id NOT IN ('${id1}')`, [id2]],
    [`run_name = '1' AND run_id IN ('${id1}')`, [id1]],
    [`attributes.run_id IN ('${id1}','${id2}')`, [id2, id1]],
    [`attributes.run_id IN ('${id1}', '${id2}')`, [id2, id1]],
    [`attributes.run_id IN ('${id1}',  '${id2}')`, [id2, id1]],
    [`attributes.run_id NOT IN ('${id1}', '${id2}')`, []],
  ])('%j finds %j', (filter, expected) => {
    expect(ids(searchRuns(runs, { filter }))).toEqual(expected);
  });

  // search_utils.py `_parse_run_ids` drops list values that are not lower case (`str.islower`).
  it('ignores IN values that are not lower case, as MLflow does', () => {
    expect(ids(searchRuns(runs, { filter: `attributes.run_id IN ('${id1.toUpperCase()}')` }))).toEqual([]);
  });
});

describe('searchRuns(runs, { filter }) on the created alias', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_runs_start_time_alias`.
  const runs = [makeRun({ id: 'r1', startTime: 1, name: 'name' }), makeRun({ id: 'r2', startTime: 2, name: 'name' })];
  it.each([
    ['attributes.start_time > 0', ['r2', 'r1']],
    ['attributes.created > 1', ['r2']],
    ['attributes.Created > 2', []],
  ])('%j finds %j', (filter, expected) => {
    expect(ids(searchRuns(runs, { filter }))).toEqual(expected);
  });
});

describe('searchRuns(runs, { filter }) on datasets', () => {
  // Ported from mlflow tests/store/tracking/test_file_store.py `test_search_runs_datasets`.
  const dataset = (n: number, context: string) => ({ name: `name${n}`, digest: `digest${n}`, sourceType: `st${n}`, source: `source${n}`, context });
  const runs = [
    makeRun({ id: 'run1', startTime: 1, inputs: [dataset(1, 'train'), dataset(2, 'eval')] }),
    makeRun({ id: 'run2', startTime: 3, inputs: [dataset(1, 'train'), dataset(3, 'eval')] }),
    makeRun({ id: 'run3', startTime: 2, inputs: [dataset(2, 'test')] }),
  ];
  it.each([
    ["dataset.name = 'name1'", ['run1', 'run2']],
    ["dataset.digest = 'digest2'", ['run1', 'run3']],
    ["dataset.name = 'name4'", []],
    ["dataset.context = 'train'", ['run1', 'run2']],
    ["dataset.context = 'test'", ['run3']],
    ["dataset.context = 'test' and dataset.name = 'name2'", ['run3']],
    ["dataset.name = 'name2' and dataset.context = 'test'", ['run3']],
    ["datasets.name IN ('name1', 'name2')", ['run1', 'run2', 'run3']],
    ["datasets.digest IN ('digest1', 'digest2')", ['run1', 'run2', 'run3']],
    ["datasets.name LIKE 'Name%'", []],
    ["datasets.name ILIKE 'Name%'", ['run1', 'run2', 'run3']],
    ["datasets.context ILIKE 'test%'", ['run3']],
    ["datasets.context IN ('test', 'train')", ['run1', 'run2', 'run3']],
  ])('%j finds %j', (filter, expected) => {
    expect(ids(searchRuns(runs, { filter })).sort()).toEqual(expected);
  });
});

describe('searchRuns(runs, { viewType })', () => {
  // Ported from mlflow tests/store/tracking/test_sqlalchemy_store.py `test_search_vanilla`
  // (after the first run was deleted) and test_file_store.py `test_search_runs`.
  const runs = [
    makeRun({ id: 'first', lifecycleStage: 'deleted' }),
    makeRun({ id: 'second' }),
    makeRun({ id: 'third' }),
  ];
  it('sees every run with ALL', () => {
    expect(ids(searchRuns(runs, { viewType: 'ALL' })).sort()).toEqual(['first', 'second', 'third']);
  });
  it('hides deleted runs with ACTIVE_ONLY, the default', () => {
    expect(ids(searchRuns(runs, { viewType: 'ACTIVE_ONLY' })).sort()).toEqual(['second', 'third']);
    expect(ids(searchRuns(runs)).sort()).toEqual(['second', 'third']);
  });
  it('sees only deleted runs with DELETED_ONLY', () => {
    expect(ids(searchRuns(runs, { viewType: 'DELETED_ONLY' }))).toEqual(['first']);
  });
});
