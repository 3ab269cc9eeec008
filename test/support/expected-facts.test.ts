/** The fixture-facts comparison must notice a wrong fact, or every test built on it passes vacuously. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSqlite } from '../../src/lib/read/sqlite/index.ts';
import { compareFacts, type ExpectedFacts } from './expected-facts.ts';
import { REAL_DB_DIR } from './sqlite-store.ts';

const dir = path.join(REAL_DB_DIR, 'nyc-taxi-xgb');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedFacts;

describe('compareFacts(contents, expected)', () => {
  it('names each fact that differs, and nothing else', async () => {
    const contents = await readSqlite(path.join(dir, 'mlflow.db'), 'mlflow.db');
    const run = contents.runs.find((r) => r.id === '92025337761b47258bb509b166789a29');
    const metric = run?.metrics['validation-rmse'];
    if (!run || !metric) throw new Error('fixture changed');
    metric.latest = { ...metric.latest, value: 'NaN' };
    metric.history.pop();
    run.name = '';
    const model = contents.models[0];
    if (!model) throw new Error('fixture changed');
    model.aliases = { staging: '1' };
    expect(compareFacts(contents, expected)).toEqual([
      'run 92025337761b47258bb509b166789a29 name: expected "fun-sheep-256", got null',
      'run 92025337761b47258bb509b166789a29 metric "validation-rmse" latest_value: expected 4.978225672466415, got NaN',
      'run 92025337761b47258bb509b166789a29 metric "validation-rmse" history_len: expected 166, got 165',
      'runs.aggregate: expected {"max_history_len":166,"metric_points_total":272,"metric_series_total":22,"params_total":97,"runs_with_parent":0,"status_counts":{"FAILED":3,"FINISHED":13,"RUNNING":1},"tags_total":85}, got {"max_history_len":165,"metric_points_total":271,"metric_series_total":22,"params_total":97,"runs_with_parent":0,"status_counts":{"FAILED":3,"FINISHED":13,"RUNNING":1},"tags_total":85}',
      'model "nyc-taxi-model" aliases: expected {"in-preview":"1","staging":"1"}, got {"staging":"1"}',
      'model "nyc-taxi-model" version 1: expected {"aliases":["in-preview","staging"],"current_stage":"None","run_id":"92025337761b47258bb509b166789a29","source":"file:///D:/code/nda-mlops-zoomcamp-2024/week-02/mlruns/1/92025337761b47258bb509b166789a29/artifacts/model","status":"READY"}, got {"aliases":["staging"],"current_stage":"None","run_id":"92025337761b47258bb509b166789a29","source":"file:///D:/code/nda-mlops-zoomcamp-2024/week-02/mlruns/1/92025337761b47258bb509b166789a29/artifacts/model","status":"READY"}',
    ]);
  });
});
