/**
 * What each embed kind accepts and how it refuses the rest: every problem a build error naming
 * the file, the line of the key at fault, the embed kind and the nearest existing names.
 */
import { HISTORY_RUNS } from '../../../../../src/lib/site/charts-static.ts';
import { describe, expect, it } from 'vitest';
import { block, contextOf, problemLines, problemsIn, source } from '../support.ts';
import { teamSnapshot } from '../team-snapshot.ts';

const context = contextOf(teamSnapshot());
const at = (line: number, message: string) => `reports/r.md:${line}: ${message}`;

describe('any embed', () => {
  it.each([
    ['```runfolio leaderbord\nx: 1\n```\n', at(4, 'unknown embed kind "leaderbord" (did you mean "leaderboard"?)')],
    ['```runfolio\n```\n', at(4, '```runfolio: name the embed kind (leaderboard, diff, history, parallel, scatter)')],
    ['```runfolio value\nrun: x\n```\n', at(4, 'value is an inline embed: write `runfolio:value key=value …` in the text')],
    ['Text `runfolio:leaderboard experiment=vision`.\n', at(4, 'leaderboard is a block embed: write it as a fenced ```runfolio leaderboard block')],
    ['Text `runfolio:`.\n', at(4, 'runfolio:: name the embed kind (value, link)')],
    ['```runfolio diff extra\nruns: [a]\n```\n', at(4, 'diff: unexpected "extra" after the kind on the fence line: options go in the YAML body')],
    ['```runfolio diff\n- a\n```\n', at(5, 'diff: the body must be YAML keys and values (key: value), one per line')],
    ['\n\nSee [`runfolio:value run=baseline param=lr`](https://x.org).\n', at(6, "embeds cannot be placed inside a link's text or an image's description")],
    ['Text `runfolio:value run=baseline param`.\n', at(4, 'value: expected key=value at "param" (quote a value that holds spaces: key="a b")')],
  ])('refuses %j', async (body, problem) => {
    expect(await problemsIn(body, context)).toEqual([problem]);
  });
});

describe('leaderboard', () => {
  it.each([
    ['experiment: vision\ncolums: [params.lr]', at(6, 'leaderboard: unknown key "colums" (did you mean "columns"?)')],
    ['experiment: vision\ntop: ten', at(6, 'leaderboard: top: must be a whole number from 1 to 1000, got "ten"')],
    ['experiment: vision\ndirection: up', at(6, 'leaderboard: direction: must be one of asc, desc, got "up"')],
    ['experiment: visoin', at(5, 'leaderboard: no experiment "visoin" (did you mean "vision"?)')],
    ['experiment: vision\nmetric: val_acc', at(6, 'leaderboard: no run of "vision" has metric "val_acc" (did you mean "val/acc"?)')],
    ['experiment: [vision, churn]', at(4, 'leaderboard: metric is required when the runs come from several experiments')],
    ['filter: "metrics.val_auc > 0.5"', at(4, 'leaderboard: metric is required when no experiment is given')],
    ['metric: val_ac', at(5, 'leaderboard: no run of the site has metric "val_ac" (did you mean "val/acc", "val_auc", "val_f1"?)')],
    ['experiment: vision\nfilter: "params.lr >"', at(6, "leaderboard: filter: Invalid clause(s) in filter string: 'params.lr', '>' (at offset 0)")],
    ['experiment: vision\nfilter: "params.optimiser = \'sgd\'"', at(6, 'leaderboard: no run of "vision" has param "optimiser" (params: "batch_size", "grid", "lr")')],
    ['experiment: vision\nfilter: "params.lr = \'0.7\'"', at(6, 'leaderboard: no run of "vision" matches the filter "params.lr = \'0.7\'" and logged "val/acc"')],
    ['experiment: vision\norder_by: metrics.val/acc DESC', at(6, "leaderboard: order_by: Invalid order_by clause 'metrics.val/acc DESC'. Could not be parsed. (at offset 11)")],
    ['experiment: vision\norder_by: "metrics.`val/ac` DESC"', at(6, 'leaderboard: no run of "vision" has metric "val/ac" (did you mean "val/acc"?)')],
    ['experiment: vision\ncolumns: [lr]', at(6, 'leaderboard: columns: "lr" must start with metrics., params., tags. or attributes.')],
    ['experiment: vision\ncolumns: [params.bs]', at(6, 'leaderboard: no run of "vision" has param "bs" (params: "batch_size", "grid", "lr")')],
    ['experiment: vision\ncolumns: [attributes.durationn]', at(6, 'leaderboard: no attribute "durationn" (did you mean "duration"?)')],
    ['parent: vision/nope', at(5, 'leaderboard: no run matches "vision/nope" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (runs of "vision": "baseline", "lr0.1-bs128", "lr0.4-bs128", "lr0.4-bs512", "sweep")')],
  ])('refuses %j', async (yaml, problem) => {
    expect(await problemsIn(block('leaderboard', yaml), context)).toEqual([problem]);
  });

  it('reports every bad key of one embed, each at its line', async () => {
    expect(await problemsIn(block('leaderboard', 'experiment: vision\ntop: 0\nshow: x\ncaption: ""'), context)).toEqual([
      at(6, 'leaderboard: top: must be a whole number from 1 to 1000, got "0"'),
      at(7, 'leaderboard: unknown key "show"' + ' (keys: "caption", "columns", "direction", "experiment", "filter", … 4 more)'),
      at(8, 'leaderboard: caption: must be text, got nothing'),
    ]);
  });
});

describe('diff', () => {
  it.each([
    ['show: all', at(4, 'diff: runs: is required')],
    ['runs: [vision/baseline]', at(5, 'diff: runs: a diff needs two or more different runs, the baseline included')],
    ['runs: [vision/baseline, vision/baselin]', at(5, 'diff: no run matches "vision/baselin" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (did you mean "vision/baseline"?)')],
    ['runs: [vision/baseline, vision/lr0.1-bs128]\nshow: some', at(6, 'diff: show: must be one of differences, all, got "some"')],
    ['runs: [vision/baseline, vision/lr0.1-bs128]\nsections: [metric]', at(6, 'diff: sections.0: must be one of metrics, params, attributes, tags, system_metrics, got "metric"')],
    ['runs: [vision/baseline, vision/lr0.1-bs128]\nkeys: [val/ac]', at(6, 'diff: keys: none of the runs has "val/ac" (did you mean "val/acc"?)')],
    ['runs: [vision/baseline, vision/lr0.1-bs128]\nbaseline: vision/gone', at(6, 'diff: no run matches "vision/gone" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (runs of "vision": "baseline", "lr0.1-bs128", "lr0.4-bs128", "lr0.4-bs512", "sweep")')],
  ])('refuses %j', async (yaml, problem) => {
    expect(await problemsIn(block('diff', yaml), context)).toEqual([problem]);
  });
});

describe('history', () => {
  it.each([
    ['runs: [vision/baseline]\nexperiment: vision', at(6, 'history: experiment: choose runs either by `runs` or by a selection (experiment, parent, filter, top), not both')],
    [`experiment: vision\ntop: ${HISTORY_RUNS + 1}`, at(6, `history: top: must be a whole number from 1 to ${HISTORY_RUNS}, got "${HISTORY_RUNS + 1}"`)],
    ['runs: [vision/baseline]\nmetric: train/loss', at(6, 'history: run "baseline" has no metric "train/loss" (metrics: "val/acc")')],
    ['runs: [vision/baseline, vision/lr0.1-bs128]\nmetric: train/loss', at(6, 'history: run "baseline" has no metric "train/loss" (metrics: "val/acc")')],
    ['experiment: churn\nmetric: val_auc', at(6, 'history: metric "val_auc" was logged once per run: there is no history to draw (a leaderboard or a scatter shows it)')],
    ['runs: [vision/baseline, churn/logreg]', at(4, 'history: metric is required: the runs do not share an experiment with a primary metric')],
    ['experiment: vision\nsmoothing: 1', at(6, 'history: smoothing: must be a number from 0 to 0.99, got "1"')],
    ['experiment: vision\nlog: yes', at(6, 'history: log: must be true or false, got "yes"')],
    ['experiment: vision\nx: epoch', at(6, 'history: x: must be one of step, time, relative, got "epoch"')],
  ])('refuses %j', async (yaml, problem) => {
    expect(await problemsIn(block('history', yaml), context)).toEqual([problem]);
  });
});

describe('parallel and scatter', () => {
  it.each([
    ['parallel', 'experiment: vision\nparams: [lr, momentum]', at(6, 'parallel: no run of "vision" has param "momentum" (params: "batch_size", "lr")')],
    ['parallel', 'experiment: vision\nfilter: "params.lr = \'0.4\'"\nparams: [lr]', at(7, 'parallel: no param among "lr" varies across the 2 runs of "vision" that logged "val/acc": nothing to draw')],
    ['scatter', 'experiment: vision\nparam: momentum', at(6, 'scatter: no run of "vision" has param "momentum" (params: "batch_size", "lr")')],
    ['scatter', 'experiment: vision\nfilter: "params.lr = \'0.4\'"\nparam: lr', at(7, 'scatter: param "lr" has one value across the 2 runs of "vision" that logged "val/acc": nothing to draw')],
  ])('%s refuses %j', async (kind, yaml, problem) => {
    expect(await problemsIn(block(kind, yaml), context)).toEqual([problem]);
  });
});

describe('value', () => {
  it.each([
    ['`runfolio:value metric=val/acc`', at(4, 'value: give one of `run`, `best`')],
    ['`runfolio:value run=vision/baseline`', at(4, 'value: give one of `metric`, `param`, `tag`, `attribute`')],
    ['`runfolio:value run=vision/baseline metric=val/acc param=lr`', at(4, 'value: give only one of `metric`, `param`, `tag`, `attribute` (found metric and param)')],
    ['`runfolio:value run=vision/baseline param=lr stat=max`', at(4, 'value: stat applies to a metric value')],
    ['`runfolio:value run=vision/baseline metric=val/acc by=val/acc`', at(4, 'value: by applies to `best` (the best run of an experiment)')],
    ['`runfolio:value run=vision/baseline metric=val/acc stat=mean`', at(4, 'value: stat: must be one of latest, min, max, best, got "mean"')],
    ['`runfolio:value run=vision/baseline metric=val/acc digits=-1`', at(4, 'value: digits: must be a whole number from 0 to 12, got "-1"')],
    ['`runfolio:value run=vision/baseline metric=val_acc`', at(4, 'value: run "baseline" has no metric "val_acc" (did you mean "val/acc"?)')],
    ['`runfolio:value run=vision/baseline param=learning_rate`', at(4, 'value: run "baseline" has no param "learning_rate" (params: "batch_size", "lr")')],
    ['`runfolio:value run=vision/baseline attribute=owner`', at(4, 'value: attribute: must be one of run_name, run_id, status, start_time, end_time, duration, user_id, got "owner"')],
    ['`runfolio:value best=visio attribute=run_name`', at(4, 'value: no experiment "visio" (did you mean "vision"?)')],
    ['`runfolio:value run=models:/clf@champ metric=val/acc`', at(4, 'value: models:/clf@champ: model "clf" has no alias "champ" (aliases: champion, challenger)')],
    ['`runfolio:value run=lr0.4-bs512 metric=val/acc`', at(4, 'value: no run matches "lr0.4-bs512" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (did you mean "vision/lr0.4-bs512"? a name needs its experiment: EXPERIMENT/RUN_NAME)')],
  ])('refuses %s', async (body, problem) => {
    expect(await problemsIn(`Text ${body}.\n`, context)).toEqual([problem]);
  });
});

describe('link', () => {
  it.each([
    ['`runfolio:link text=x`', at(4, 'link: give one of `run`, `experiment`, `model`, `report`')],
    ['`runfolio:link run=vision/lr0.4-bs51`', at(4, 'link: no run matches "vision/lr0.4-bs51" (give a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS) (did you mean "vision/lr0.4-bs512", "vision/lr0.4-bs128"?)')],
    ['`runfolio:link experiment=vison`', at(4, 'link: no experiment "vison" (did you mean "vision"?)')],
    ['`runfolio:link model=models:/clff/1`', at(4, 'link: no registered model "clff" (did you mean "clf"?)')],
    ['`runfolio:link model=models:/clf@champoin`', at(4, 'link: model "clf" has no alias "champoin" (did you mean "champion"?)')],
    ['`runfolio:link model=models:/clf/4`', at(4, 'link: model "clf" has no version 4 (versions: 1, 2, 3)')],
    ['`runfolio:link report=sweep-reprot`', at(4, 'link: no report "sweep-reprot" (did you mean "sweep-report"?)')],
    ['`runfolio:link report=draft-plan`', at(4, 'link: report "draft-plan" is a draft, left out of this build (build with --drafts, or publish it)')],
  ])('refuses %s', async (body, problem) => {
    const others = [source('Done.\n', 'sweep-report'), { slug: 'draft-plan', file: 'reports/draft-plan.md', text: '---\ntitle: Plan\ndraft: true\n---\n' }];
    expect(await problemLines([source(`Text ${body}.\n`), ...others], context)).toEqual([problem]);
  });
});
