/**
 * Leaderboard embeds on real stores, checked against the analyses they come from: the rows are
 * the runs `runfolio rank` lists (the real executable) for the same experiment, metric, filter
 * and order_by, and the cells are the runs' own values in the site's number format.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run, Snapshot } from '../../../../../src/lib/model.ts';
import type { ReportContext } from '../../../../../src/lib/site/reports/embeds/context.ts';
import type { LeaderboardView } from '../../../../../src/lib/site/reports/view.ts';
import { formatMetric } from '../../../../../src/lib/site/format.ts';
import { runCli } from '../../../../support/cli.ts';
import { FIXTURES } from '../../../../support/fixtures.ts';
import { blockEmbed, contextOf, storeContext } from '../support.ts';
import { RUNS, teamSnapshot } from '../team-snapshot.ts';

const AUGURY = join(FIXTURES, 'real/augury/mlruns');
const YOLO = join(FIXTURES, 'real/yolo-slash/mlruns');

function rankIds(store: string, args: string[]): string[] {
  const result = runCli(['rank', '--store', store, ...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { runs: { id: string; rank: number | null; metrics: Record<string, unknown> }[] }).runs.map((r) => r.id);
}

const leaderboardOf = (yaml: string, context: ReportContext): Promise<LeaderboardView> => blockEmbed('leaderboard', yaml, context);

describe('leaderboard on the augury store', () => {
  let snapshot: Snapshot;
  let context: ReportContext;
  beforeAll(async () => ({ snapshot, context } = await storeContext(AUGURY)));
  const byId = (id: string) => snapshot.runs.find((r) => r.id === id) as Run;

  it('lists the runs in the order runfolio rank gives for the same experiment, metric, filter and top', async () => {
    const view = await leaderboardOf("experiment: Default\nmetric: mean_absolute_error\nfilter: \"params.min_year = '1965'\"\ntop: 7", context);
    const ranked = rankIds(AUGURY, ['--experiment', 'Default', '--metric', 'mean_absolute_error', '--filter', "params.min_year = '1965'", '--top', '7']);
    expect(view.rows.map((r) => r.run.id)).toEqual(ranked);
    expect(view.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.caption).toBe("Top 7 of 36 runs of Default by mean_absolute_error (lower is better), runs matching params.min_year = '1965'");
    const values = view.rows.map((r) => byId(r.run.id).metrics.mean_absolute_error!.latest.value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('orders by MLflow order_by clauses as runfolio rank --order-by does', async () => {
    const view = await leaderboardOf('experiment: Default\norder_by: [metrics.match_accuracy DESC, params.model]\ntop: 12', context);
    expect(view.rows.map((r) => r.run.id)).toEqual(rankIds(AUGURY, ['--experiment', 'Default', '--order-by', 'metrics.match_accuracy DESC', '--order-by', 'params.model', '--top', '12']));
    expect(view.caption).toContain('ordered by metrics.match_accuracy DESC, params.model');
  });

  it('shows the chosen columns with each run\'s own values, and — where a run has none', async () => {
    const view = await leaderboardOf('experiment: [Default, confidence]\nmetric: match_accuracy\ntop: 44\ncolumns: [metrics.match_accuracy, params.min_year, attributes.run_name, attributes.status, tags.`mlflow.source.type`]', context);
    expect(view.columns).toEqual([
      { label: 'match_accuracy', numeric: true },
      { label: 'min_year', numeric: false },
      { label: 'run name', numeric: false },
      { label: 'status', numeric: false },
      { label: 'mlflow.source.type', numeric: false },
    ]);
    expect(view.rows.map((r) => r.run.id)).toEqual(rankIds(AUGURY, ['--metric', 'match_accuracy']).slice(0, view.rows.length));
    for (const row of view.rows) {
      const run = byId(row.run.id);
      expect(row.cells).toEqual([formatMetric(run.metrics.match_accuracy!.latest.value), run.params.min_year ?? '—', run.name, run.status, run.tags['mlflow.source.type'] ?? '—']);
    }
    expect(view.rows.some((r) => r.cells[1] === '—')).toBe(true);
  });
});

describe('leaderboard on the yolo-slash store', () => {
  let context: ReportContext;
  beforeAll(async () => ({ context } = await storeContext(YOLO)));

  it('ranks an experiment named with slashes by its primary metric, the one its page ranks by', async () => {
    const view = await leaderboardOf('experiment: /Shared/YOLOv8', context);
    const primary = context.primaryMetric('596793538227028894')!;
    expect(view.caption).toContain(`by ${primary}`);
    expect(view.rows.map((r) => r.run.id)).toEqual(rankIds(YOLO, ['--experiment', '/Shared/YOLOv8', '--metric', primary]));
    // Default columns: the metric, then the params whose values differ between the rows.
    expect(view.columns[0]).toEqual({ label: primary, numeric: true });
    expect(view.columns.length).toBeGreaterThan(1);
    for (const column of view.columns.slice(1)) expect(new Set(view.rows.map((r) => r.cells[view.columns.indexOf(column)])).size).toBeGreaterThan(1);
  });
});

describe('leaderboard of a sweep', () => {
  it('ranks only the child runs of the parent given', async () => {
    const view = await leaderboardOf('parent: vision/sweep\nmetric: val/acc', contextOf(teamSnapshot()));
    expect(view.rows.map((r) => r.run.name)).toEqual(['lr0.4-bs512', 'lr0.1-bs128', 'lr0.4-bs128']);
    expect(view.rows.map((r) => r.run.id)).not.toContain(RUNS.baseline);
    expect(view.caption).toBe("Top 3 of 3 runs of sweep's child runs by val/acc (higher is better)");
  });
});
