/** Diff embeds against analyze/diff.ts: the same rows as the comparison page, sections as asked. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffRuns } from '../../../../../src/lib/analyze/diff.ts';
import { buildTables } from '../../../../../src/lib/analyze/tables.ts';
import type { Snapshot } from '../../../../../src/lib/model.ts';
import type { ReportContext } from '../../../../../src/lib/site/reports/embeds/context.ts';
import type { DiffView } from '../../../../../src/lib/site/reports/view.ts';
import { FIXTURES } from '../../../../support/fixtures.ts';
import { blockEmbed, contextOf, storeContext } from '../support.ts';
import { teamSnapshot } from '../team-snapshot.ts';

const YOLO = join(FIXTURES, 'real/yolo-slash/mlruns');

const diffOf = (yaml: string, context: ReportContext): Promise<DiffView> => blockEmbed('diff', yaml, context);

describe('diff on the yolo-slash store', () => {
  let snapshot: Snapshot;
  let context: ReportContext;
  beforeAll(async () => ({ snapshot, context } = await storeContext(YOLO)));
  const ids = (...names: string[]) => names.map((n) => snapshot.runs.find((r) => r.name === n)!.id);

  it('shows the rows where a run differs from the baseline, metrics then params, baseline first', async () => {
    const view = await diffOf('runs: [/Shared/YOLOv8/sgdtest3, /Shared/YOLOv8/adamtest, /Shared/YOLOv8/adamaxtest]', context);
    const expected = diffRuns(buildTables(snapshot), ids('sgdtest3', 'adamtest', 'adamaxtest'), { differencesOnly: true });
    expect(view.runs.map((r) => r.id)).toEqual(expected.runs);
    expect(view.sections.map((s) => s.caption)).toEqual(['Metrics (latest values; change from the baseline)', 'Parameters']);
    expect(view.sections[0]!.rows.map((r) => r.key)).toEqual(expected.metrics.map((r) => r.key));
    expect(view.sections[1]!.rows.map((r) => r.key)).toEqual(expected.params.map((r) => r.key));
    expect(view.sections[1]!.rows.map((r) => r.differs)).toEqual(expected.params.map((r) => r.differs));
    expect(view.caption).toBe('adamtest, adamaxtest against sgdtest3');
  });

  it('shows every row with show: all, a baseline of its own, and the sections and keys asked for', async () => {
    const view = await diffOf('runs: [/Shared/YOLOv8/adamtest]\nbaseline: /Shared/YOLOv8/testrun1\nshow: all\nsections: [params, attributes]\nkeys: [optimizer, lr0, status]', context);
    const expected = diffRuns(buildTables(snapshot), ids('testrun1', 'adamtest'));
    expect(view.runs.map((r) => r.name)).toEqual(['testrun1', 'adamtest']);
    expect(view.sections.map((s) => [s.caption, s.rows.map((r) => r.key)])).toEqual([
      ['Parameters', expected.params.map((r) => r.key).filter((k) => k === 'optimizer' || k === 'lr0')],
      ['Attributes', ['status']],
    ]);
  });
});

describe('diff of runs that do not differ', () => {
  it('says so instead of showing an empty table', async () => {
    const view = await diffOf('runs: [vision/lr0.1-bs128, vision/baseline]\nsections: [params]', contextOf(teamSnapshot()));
    expect(view.sections).toEqual([]);
    expect(view.empty).toBe('lr0.1-bs128, baseline: no differences in params.');
  });

  it('compares the runs behind model versions', async () => {
    const view = await diffOf('runs: [models:/clf@champion, models:/clf@challenger]\nsections: [params]', contextOf(teamSnapshot()));
    expect(view.runs.map((r) => r.name)).toEqual(['lr0.4-bs512', 'lr0.1-bs128']);
    expect(view.sections[0]!.rows.map((r) => [r.key, r.values])).toEqual([['batch_size', ['512', '128']], ['lr', ['0.4', '0.1']]]);
  });
});
