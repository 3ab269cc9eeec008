/** Inline values and links against the runs they come from. */
import { describe, expect, it } from 'vitest';
import type { LinkView, ValueView } from '../../../../../src/lib/site/reports/view.ts';
import { contextOf, embedsOf, source } from '../support.ts';
import { RUNS, teamSnapshot } from '../team-snapshot.ts';
import { prepareReports } from '../../../../../src/lib/site/reports/prepare.ts';

const context = contextOf(teamSnapshot());

async function inline(text: string): Promise<(ValueView | LinkView)[]> {
  return (await embedsOf(`${text}\n`, context)) as (ValueView | LinkView)[];
}

describe('value', () => {
  it.each([
    ['run=vision/lr0.4-bs512 metric=val/acc', '0.932', 'val/acc of lr0.4-bs512: latest value (step 2)'],
    ['run=vision/lr0.4-bs512 metric=val/acc format=percent', '93.2\u00a0%', 'val/acc of lr0.4-bs512: latest value (step 2)'],
    ['run=vision/lr0.4-bs512 metric=val/acc format=percent digits=0', '93\u00a0%', 'val/acc of lr0.4-bs512: latest value (step 2)'],
    ['run=vision/lr0.4-bs512 metric=val/acc digits=2', '0.93', 'val/acc of lr0.4-bs512: latest value (step 2)'],
    ['run=vision/lr0.4-bs128 metric=val/acc stat=max', '0.65', 'val/acc of lr0.4-bs128: highest of 3 logged values'],
    ['run=vision/lr0.4-bs128 metric=val/acc stat=min', '0.1', 'val/acc of lr0.4-bs128: lowest of 3 logged values'],
    ['run=vision/lr0.4-bs128 metric=train/loss', 'NaN', 'train/loss of lr0.4-bs128: latest value (step 2)'],
    ['run=vision/lr0.4-bs128 metric=train/loss stat=best', '2', 'train/loss of lr0.4-bs128: best (lowest) of 3 logged values'],
    ['run=vision/lr0.4-bs128 param=batch_size', '128', 'param batch_size of lr0.4-bs128'],
    ['run=vision/baseline tag=team', 'vision', 'tag team of baseline'],
    ['run=vision/lr0.1-bs128 attribute=duration', '36m 00s', 'duration of lr0.1-bs128'],
    ['run=a0000000000000000000000000000003 attribute=run_name', 'lr0.4-bs512', `run name of run ${RUNS.big}`],
    ['run=models:/clf@champion attribute=status', 'FINISHED', 'status of lr0.4-bs512'],
    ['best=vision attribute=run_name', 'lr0.4-bs512', `run name of run ${RUNS.big}`],
    ['best=vision by=train/loss attribute=run_name', 'lr0.4-bs512', `run name of run ${RUNS.big}`],
    ["best=vision filter=\"params.batch_size = '128'\" metric=val/acc", '0.9', 'val/acc of lr0.1-bs128: latest value (step 2)'],
    ['best=vision parent=vision/sweep metric=val/acc direction=asc', '0.1', 'val/acc of lr0.4-bs128: latest value (step 2)'],
    ['best=churn by=val_f1 metric=val_auc', '0.86', 'val_auc of xgboost: latest value (step 0)'],
  ])('%s reads %j', async (args, text, title) => {
    const [view] = await inline(`\`runfolio:value ${args}\``);
    expect(view).toMatchObject({ kind: 'value', text, title });
    expect((view as ValueView).href).toMatch(/^\/runs\/[0-9a-f]{32}\/$/);
  });

  it('reads a filter with backticks from a double-backtick span', async () => {
    const [view] = await inline('``runfolio:value best=vision filter="metrics.`val/acc` < 0.9" metric=val/acc``');
    expect(view).toMatchObject({ kind: 'value', text: '0.88', title: 'val/acc of baseline: latest value (step 2)' });
  });

  it('links the value to its run and cites the run', async () => {
    const [report] = await prepareReports([source('Best: `runfolio:value best=vision metric=val/acc`.\n')], context);
    expect(report!.view.body.find((p) => p.kind === 'value')).toMatchObject({ href: `/runs/${RUNS.big}/` });
    expect(report!.view.runs.map((r) => r.id)).toEqual([RUNS.big]);
  });
});

describe('link', () => {
  it.each([
    ['run=vision/lr0.4-bs128', { text: 'lr0.4-bs128', href: `/runs/${RUNS.diverged}/`, status: 'FAILED', pills: [] }],
    ['run=vision/lr0.4-bs128 text="the diverged run"', { text: 'the diverged run', href: `/runs/${RUNS.diverged}/`, status: 'FAILED', pills: [] }],
    ['experiment=vision', { text: 'vision', href: '/experiments/1/', pills: ['5 runs'] }],
    ['model=clf', { text: 'clf', href: '/models/clf/', pills: ['3 versions'] }],
    ['model=models:/clf@champion', { text: 'clf v2', href: '/models/clf/', pills: ['Production', '@champion'] }],
    ['model=models:/clf/1', { text: 'clf v1', href: '/models/clf/', pills: ['Staging', '@challenger'] }],
    ['model=models:/clf/3', { text: 'clf v3', href: '/models/clf/', pills: ['failed registration'] }],
  ])('%s', async (args, expected) => {
    const [view] = await inline(`\`runfolio:link ${args}\``);
    expect(view).toEqual({ kind: 'link', ...expected });
  });

  it('links another report by its title', async () => {
    const reports = await prepareReports([source('See `runfolio:link report=other`.\n'), { slug: 'other', file: 'reports/other.md', text: '---\ntitle: "The other one"\n---\n' }], context);
    const link = reports.find((r) => r.view.slug === 'r')!.view.body.find((p) => p.kind === 'link');
    expect(link).toEqual({ kind: 'link', text: 'The other one', href: '/reports/other/', pills: [] });
  });
});
