import { describe, expect, it } from 'vitest';
import { EXIT, UsageError } from '../../../../src/lib/errors.ts';
import { SearchSyntaxError, compileFilter, parseFilter } from '../../../../src/lib/analyze/search/index.ts';

/** parseFilter without the offsets, i.e. what MLflow's `parse_search_filter` returns. */
function parsed(filter: string) {
  return parseFilter(filter).map(({ type, key, comparator, value }) => ({ type, key, comparator, value }));
}

function caught(action: () => unknown): SearchSyntaxError {
  try {
    action();
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a SearchSyntaxError');
}

describe('parseFilter(filter) on valid filters', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_filter`.
  const cases: [string, ReturnType<typeof parsed>][] = [
    ['metric.acc >= 0.94', [{ comparator: '>=', key: 'acc', type: 'metric', value: '0.94' }]],
    ['metric.acc>=100', [{ comparator: '>=', key: 'acc', type: 'metric', value: '100' }]],
    ["params.m!='tf'", [{ comparator: '!=', key: 'm', type: 'parameter', value: 'tf' }]],
    ['params."m"!="tf"', [{ comparator: '!=', key: 'm', type: 'parameter', value: 'tf' }]],
    ['metric."legit name" >= 0.243', [{ comparator: '>=', key: 'legit name', type: 'metric', value: '0.243' }]],
    ['metrics.XYZ = 3', [{ comparator: '=', key: 'XYZ', type: 'metric', value: '3' }]],
    ['params."cat dog" = "pets"', [{ comparator: '=', key: 'cat dog', type: 'parameter', value: 'pets' }]],
    ['metrics."X-Y-Z" = 3', [{ comparator: '=', key: 'X-Y-Z', type: 'metric', value: '3' }]],
    ['metrics."X//Y#$$@&Z" = 3', [{ comparator: '=', key: 'X//Y#$$@&Z', type: 'metric', value: '3' }]],
    ["params.model = 'LinearRegression'", [{ comparator: '=', key: 'model', type: 'parameter', value: 'LinearRegression' }]],
    [
      "metrics.rmse < 1 and params.model_class = 'LR'",
      [
        { comparator: '<', key: 'rmse', type: 'metric', value: '1' },
        { comparator: '=', key: 'model_class', type: 'parameter', value: 'LR' },
      ],
    ],
    ['', []],
    ['`metric`.a >= 0.1', [{ comparator: '>=', key: 'a', type: 'metric', value: '0.1' }]],
    ["`params`.model >= 'LR'", [{ comparator: '>=', key: 'model', type: 'parameter', value: 'LR' }]],
    ["tags.version = 'commit-hash'", [{ comparator: '=', key: 'version', type: 'tag', value: 'commit-hash' }]],
    ["`tags`.source_name = 'a notebook'", [{ comparator: '=', key: 'source_name', type: 'tag', value: 'a notebook' }]],
    ['metrics."accuracy.2.0" > 5', [{ comparator: '>', key: 'accuracy.2.0', type: 'metric', value: '5' }]],
    ['metrics.`spacey name` > 5', [{ comparator: '>', key: 'spacey name', type: 'metric', value: '5' }]],
    ['params."p.a.r.a.m" != "a"', [{ comparator: '!=', key: 'p.a.r.a.m', type: 'parameter', value: 'a' }]],
    ['tags."t.a.g" = "a"', [{ comparator: '=', key: 't.a.g', type: 'tag', value: 'a' }]],
    ["attribute.artifact_uri = '1/23/4'", [{ type: 'attribute', comparator: '=', key: 'artifact_uri', value: '1/23/4' }]],
    ['attribute.start_time >= 1234', [{ type: 'attribute', comparator: '>=', key: 'start_time', value: '1234' }]],
    ["run.status = 'RUNNING'", [{ type: 'attribute', comparator: '=', key: 'status', value: 'RUNNING' }]],
    ["dataset.name = 'my_dataset'", [{ type: 'dataset', comparator: '=', key: 'name', value: 'my_dataset' }]],
    ['tags.version IS NULL', [{ comparator: 'IS NULL', key: 'version', type: 'tag', value: null }]],
    ['tags.version IS NOT NULL', [{ comparator: 'IS NOT NULL', key: 'version', type: 'tag', value: null }]],
    ['params.lr IS NULL', [{ comparator: 'IS NULL', key: 'lr', type: 'parameter', value: null }]],
    ['params.lr IS NOT NULL', [{ comparator: 'IS NOT NULL', key: 'lr', type: 'parameter', value: null }]],
    [
      "tags.a IS NULL AND params.b = 'val'",
      [
        { comparator: 'IS NULL', key: 'a', type: 'tag', value: null },
        { comparator: '=', key: 'b', type: 'parameter', value: 'val' },
      ],
    ],
  ];
  it.each(cases)('parses %j as MLflow does', (filter, expected) => {
    expect(parsed(filter)).toEqual(expected);
  });
});

describe('parseFilter(filter) quote trimming', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_correct_quote_trimming`.
  it.each([
    ["params.m = 'LR'", 'LR'],
    ['params.m = "LR"', 'LR'],
    ['params.m = "L\'Hosp"', "L'Hosp"],
  ])('reads the value of %j as %j', (filter, value) => {
    expect(parsed(filter)).toEqual([{ type: 'parameter', comparator: '=', key: 'm', value }]);
  });
});

describe('parseFilter(filter) on invalid filters', () => {
  // Ported from mlflow tests/utils/test_search_utils.py `test_error_filter`.
  const errorFilter: [string, string][] = [
    ['metric.acc >= 0.94; metrics.rmse < 1', 'Search filter contained multiple expression'],
    ['m.acc >= 0.94', 'Invalid entity type'],
    ['acc >= 0.94', 'Invalid attribute key'],
    ["p.model >= 'LR'", 'Invalid entity type'],
    ['attri.x != 1', 'Invalid entity type'],
    ['a.x != 1', 'Invalid entity type'],
    ["model >= 'LR'", 'Invalid attribute key'],
    ["metrics.A > 0.1 OR params.B = 'LR'", 'Invalid clause(s) in filter string'],
    ["metrics.A > 0.1 NAND params.B = 'LR'", 'Invalid clause(s) in filter string'],
    ["metrics.A > 0.1 AND (params.B = 'LR')", 'Invalid clause(s) in filter string'],
    ['`metrics.A > 0.1', 'Invalid clause(s) in filter string'],
    ['param`.A > 0.1', 'Invalid clause(s) in filter string'],
    ['`dummy.A > 0.1', 'Invalid clause(s) in filter string'],
    ['dummy`.A > 0.1', 'Invalid clause(s) in filter string'],
    ['attribute.start != 1', 'Invalid attribute key'],
    ['attribute.experiment_id != 1', 'Invalid attribute key'],
    ["attribute.lifecycle_stage = 'ACTIVE'", 'Invalid attribute key'],
    ['attribute.name != 1', 'Invalid attribute key'],
    ['attribute.time != 1', 'Invalid attribute key'],
    ["attribute._status != 'RUNNING'", 'Invalid attribute key'],
    ['attribute.status = true', 'Invalid clause(s) in filter string'],
    ["dataset.status = 'true'", 'Invalid dataset key'],
    ["dataset.profile = 'num_rows: 10'", 'Invalid dataset key'],
    ['metrics.acc IS NULL', 'IS NULL / IS NOT NULL is only supported for tags and params'],
    ['attribute.status IS NULL', 'IS NULL / IS NOT NULL is only supported for tags and params'],
  ];
  // Ported from `test_error_comparison_clauses`.
  const errorComparison: [string, string][] = [
    ["metric.model = 'LR'", 'Expected numeric value type for metric'],
    ["metric.model = '5'", 'Expected numeric value type for metric'],
    ['params.acc = 5', 'Expected a quoted string value for param'],
    ['tags.acc = 5', 'Expected a quoted string value for tag'],
    ['metrics.acc != metrics.acc', 'Expected numeric value type for metric'],
    ['1.0 > metrics.acc', "Expected 'Identifier' found"],
    ['attribute.status = 1', 'Expected a quoted string value for attributes'],
  ];
  // Ported from `test_bad_quotes`.
  const badQuotes: [string, string][] = [
    ['params.acc = LR', 'value is either not quoted or unidentified quote types'],
    ['tags.acc = LR', 'value is either not quoted or unidentified quote types'],
    ['params.acc = `LR`', 'value is either not quoted or unidentified quote types'],
    ["params.'acc = LR", 'Invalid clause(s) in filter string'],
    ["params.acc = 'LR", 'Invalid clause(s) in filter string'],
    ["params.acc = LR'", 'Invalid clause(s) in filter string'],
    ['params.acc = "LR\'', 'Invalid clause(s) in filter string'],
    ['tags.acc = "LR\'', 'Invalid clause(s) in filter string'],
    ["tags.acc = = 'LR'", 'Invalid clause(s) in filter string'],
    ["attribute.status IS 'RUNNING'", 'Invalid clause(s) in filter string'],
  ];
  // Ported from `test_invalid_clauses`.
  const invalidClauses: [string, string][] = [
    ['params.acc LR !=', 'Invalid clause(s) in filter string'],
    ['params.acc LR', 'Invalid clause(s) in filter string'],
    ['metric.acc !=', 'Invalid clause(s) in filter string'],
    ['acc != 1.0', 'Invalid attribute key'],
    ['foo is null', 'Invalid attribute key'],
    ['1=1', "Expected 'Identifier' found"],
    ['1==2', "Expected 'Identifier' found"],
  ];
  it.each([...errorFilter, ...errorComparison, ...badQuotes, ...invalidClauses])('rejects %j with "%s"', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(SearchSyntaxError);
    expect(() => parseFilter(filter)).toThrow(message);
  });

  // search_utils.py `_parse_run_ids` / `_parse_list_from_sql_token`: the list must be non-empty strings.
  it.each([
    ['attributes.run_id IN ()', 'expected a non-empty list of string values, but got empty list'],
    ['attributes.run_id IN (1, 2)', 'but got different type in list'],
    ["attributes.status IN ('RUNNING')", "Only the 'run_id' attribute supports comparison with a list"],
  ])('rejects the IN list of %j with "%s"', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(message);
  });
});

describe('SearchSyntaxError', () => {
  it('is a UsageError, so the CLI exits 2', () => {
    const error = caught(() => parseFilter('m.acc >= 0.94'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(EXIT.usage);
  });

  it('keeps its message on one line even when the filter spans lines', () => {
    const error = caught(() => parseFilter('metric.acc >= 0.94;\nmetrics.rmse < 1'));
    expect(error.message).toContain('Search filter contained multiple expression');
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  // The offending token of each MLflow error case, located in the input itself.
  it.each([
    ["metrics.A > 0.1 OR params.B = 'LR'", 'OR'],
    ["metrics.A > 0.1 AND (params.B = 'LR')", '('],
    ['metric.acc >= 0.94; metrics.rmse < 1', ';'],
    ['params.acc = LR', 'LR'],
    ["metric.model = 'LR'", "'LR'"],
    ['attribute.status = 1', '1'],
    ['metrics.acc IS NULL', 'IS'],
    ["params.acc = LR'", "'"],
    ["metrics.a > 1 AND dataset.profile = 'x'", 'dataset'],
  ])('points at the offending token of %j', (filter, token) => {
    expect(caught(() => parseFilter(filter)).position).toBe(filter.indexOf(token));
  });

  it('points at the comparator MLflow rejects', () => {
    // tests/utils/test_search_utils.py `test_bad_comparators`: `>` is no param comparator.
    const filter = "params.abc > 'my-param-value'";
    expect(caught(() => compileFilter(filter)).position).toBe(filter.indexOf('>'));
  });

  it('draws a caret under the offending token', () => {
    const filter = "metrics.A > 0.1 OR params.B = 'LR'";
    expect(caught(() => parseFilter(filter)).excerpt).toBe(`${filter}\n${' '.repeat(filter.indexOf('OR'))}^`);
  });

  it('draws the caret on the line that holds the offending token', () => {
    const filter = "metrics.A > 0.1\n  OR params.B = 'LR'";
    expect(caught(() => parseFilter(filter)).excerpt).toBe("  OR params.B = 'LR'\n  ^");
  });
});
