import { describe, expect, it } from 'vitest';
import { describeRuns, GROUP_RUNS, panelRuns, runsToLoad, SELECTED_RUNS, SHOWN_RUNS } from '../../../src/components/panels/panel-runs.ts';

const ids = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('panelRuns(view, best)', () => {
  it('draws the best runs until the table announces its view', () => {
    const runs = panelRuns(undefined, ['b1', 'b2']);
    expect(runs).toEqual({ kind: 'best', ids: ['b1', 'b2'] });
    expect(describeRuns(runs, 'val_loss')).toBe('The 2 best runs by val_loss; filter, order or tick runs in the table to choose others.');
  });

  it('draws the first rows the table shows, in its order', () => {
    const runs = panelRuns({ experimentId: '1', shown: ids(25), selected: [] }, ['b1']);
    expect(runs).toEqual({ kind: 'shown', ids: ids(SHOWN_RUNS), total: 25 });
    expect(describeRuns(runs, undefined)).toBe('The first 10 runs of the 25 runs the table shows; tick runs to choose others.');
    expect(describeRuns(panelRuns({ experimentId: '1', shown: [], selected: [] }, []), undefined)).toBe('The table shows no runs.');
  });

  it('draws the ticked runs when there are some, up to a limit', () => {
    const runs = panelRuns({ experimentId: '1', shown: ids(3), selected: ids(60, 's') }, []);
    expect(runs).toEqual({ kind: 'selected', ids: ids(SELECTED_RUNS, 's'), total: 60 });
    expect(describeRuns(runs, undefined)).toBe('The 50 runs ticked in the table (of 60 ticked).');
  });

  it('draws groups, each over its first runs, and loads every member once', () => {
    const groups = [
      { label: 'lr=0.1', runIds: ids(40, 'a') },
      { label: 'lr=0.2', runIds: ['a1', 'b1'] },
    ];
    const runs = panelRuns({ experimentId: '1', shown: [], selected: ['x'], groupBy: 'params.lr', groups }, []);
    expect(runs.kind).toBe('groups');
    expect(runs.kind === 'groups' && runs.groups[0]!.runIds.length).toBe(GROUP_RUNS);
    expect(runsToLoad(runs)).toEqual([...ids(GROUP_RUNS, 'a'), 'b1']);
    expect(describeRuns(runs, undefined)).toBe('2 groups of runs by params.lr, each drawn as its mean with a band.');
  });
});
