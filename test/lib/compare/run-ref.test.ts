import { describe, expect, it } from 'vitest';
import { parseStoreArgument, resolveChosen, type LabelledStore } from '../../../src/lib/compare/run-ref.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import type { Snapshot } from '../../../src/lib/model.ts';
import { makeSnapshot } from '../analyze/snapshot.ts';

const main: Snapshot = {
  ...makeSnapshot(
    [
      { id: 'aaaa0001', name: 'base', metrics: { val_loss: 0.5, accuracy: 0.8 }, startTime: 1 },
      { id: 'aaaa0002', name: 'tuned', metrics: { val_loss: 0.3, accuracy: 0.85 }, startTime: 2 },
      { id: 'aaaa0003', name: 'broken', status: 'FAILED', metrics: { val_loss: 0.1, accuracy: 0.99 }, startTime: 3 },
      { id: 'aaaa0004', name: 'wide', metrics: { val_loss: 0.35, accuracy: 0.9 }, startTime: 4 },
      { id: 'bbbb0001', experimentId: '2', name: 'other', metrics: { loss: 1 } },
    ],
    [{ id: '1', name: 'churn' }, { id: '2', name: 'scratch:notes' }],
  ),
  models: [{ name: 'churn', tags: {}, aliases: { champion: '1' }, versions: [{ version: '1', stage: 'None', status: 'READY', runId: 'aaaa0001', tags: {} }] }],
};
const pr: Snapshot = makeSnapshot([{ id: 'cccc0001', name: 'pr-run', metrics: { val_loss: 0.31, accuracy: 0.86 } }, { id: 'aaaa0002', name: 'tuned', metrics: { val_loss: 0.3 } }], [{ id: '1', name: 'churn' }]);

const stores: LabelledStore[] = [
  { label: 'main', given: true, snapshot: main },
  { label: 'pr', given: true, snapshot: pr },
];

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseStoreArgument(text)', () => {
  it('reads LABEL=PATH, and a plain path without a label', () => {
    expect(parseStoreArgument('main=../main/mlruns')).toEqual({ label: 'main', path: '../main/mlruns' });
    expect(parseStoreArgument('mlruns')).toEqual({ path: 'mlruns' });
    expect(parseStoreArgument('sqlite:///x=y.db')).toEqual({ path: 'sqlite:///x=y.db' });
  });

  it('refuses labels that start other RUN forms', () => {
    expect(error(() => parseStoreArgument('models=x'))).toMatch(/"models" cannot be a store label/);
    expect(error(() => parseStoreArgument('best=x'))).toMatch(/"best" cannot be a store label/);
  });
});

describe('resolveChosen(stores, ref)', () => {
  it('resolves the forms of resolve-run.ts in whichever store has the run', () => {
    expect(resolveChosen(stores, 'cccc0001')).toMatchObject({ store: 'pr', run: { id: 'cccc0001' }, experimentName: 'churn' });
    expect(resolveChosen(stores, 'churn/base').run.id).toBe('aaaa0001');
    expect(resolveChosen(stores, 'models:/churn@champion')).toMatchObject({ ref: 'models:/churn@champion', store: 'main', run: { id: 'aaaa0001' } });
  });

  it('takes the first store for a run id found in several, and refuses different runs for one reference', () => {
    expect(resolveChosen(stores, 'aaaa0002').store).toBe('main');
    expect(error(() => resolveChosen([stores[0]!, { ...stores[1]!, snapshot: makeSnapshot([{ id: 'dddd', name: 'base' }], [{ id: '1', name: 'churn' }]) }], 'churn/base'))).toMatch(
      /matches different runs in several stores: main \(aaaa0001\), pr \(dddd\); put the store's label in front, e\.g\. "main:churn\/base"/,
    );
  });

  it('resolves LABEL:RUN in that store only', () => {
    expect(resolveChosen(stores, 'pr:aaaa0002')).toMatchObject({ store: 'pr', run: { metrics: { val_loss: { latest: { value: 0.3 } } } } });
    expect(error(() => resolveChosen(stores, 'pr:churn/base'))).toMatch(/no run matches "churn\/base"/);
  });

  it('reads a prefix that is no given label as part of the reference (experiment names may hold ":")', () => {
    expect(resolveChosen(stores, 'scratch:notes/other').run.id).toBe('bbbb0001');
    expect(error(() => resolveChosen([{ ...stores[0]!, given: false }], 'main:aaaa0001'))).toMatch(/no run matches "main:aaaa0001"/);
  });

  it('finds the best finished run of an experiment by its primary metric (a held-out score before a loss), in the metric direction', () => {
    const best = resolveChosen(stores, 'main:best:churn');
    expect(best.run.id).toBe('aaaa0004');
    expect(best.bestBy).toBe('accuracy (highest)');
  });

  it('finds the best run by a named metric and direction, by experiment name or id', () => {
    expect(resolveChosen(stores, 'main:best:churn?metric=accuracy').run.id).toBe('aaaa0004');
    expect(resolveChosen(stores, 'main:best:1?metric=accuracy&direction=asc').run.id).toBe('aaaa0001');
    expect(resolveChosen(stores, 'main:best:1?metric=accuracy&direction=asc').bestBy).toBe('accuracy (lowest)');
  });

  it('says what is wrong with a best: reference', () => {
    expect(error(() => resolveChosen(stores, 'main:best:nope'))).toMatch(/best:nope: no experiment named or numbered "nope"; experiments: "churn" \(1\), "scratch:notes" \(2\)/);
    expect(error(() => resolveChosen(stores, 'main:best:churn?metric=f1'))).toMatch(/no run of "churn" has a number for "f1"/);
    expect(error(() => resolveChosen(stores, 'main:best:churn?order=asc'))).toMatch(/expected \?metric=KEY and optionally &direction=asc\|desc, got "order=asc"/);
  });

  it('says when nothing matches in any store', () => {
    expect(error(() => resolveChosen(stores, 'zzzz9999'))).toMatch(/no run matches "zzzz9999" in any store \(main, pr\)/);
  });
});
