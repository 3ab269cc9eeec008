/**
 * What the runs table's view says beyond its rows: each group's statistics of the shown metric
 * columns (src/lib/analyze/groups.ts, in the digits the column holds), and the announcement the
 * page's other islands listen to (runs-view-event.ts).
 */
import { metricStats } from '../../lib/analyze/groups.ts';
import type { MetricValue } from '../../lib/model.ts';
import type { RunsTableRecord } from '../../lib/site/table-data.ts';
import { statsDigits, statsText, type StatsText } from '../page/group-stats.ts';
import type { RunsViewDetail } from '../page/runs-view-event.ts';
import { charsForWidth, type Column } from './columns.ts';
import type { TableGroup, TableRows } from './state.ts';

/** Per group (by index), the statistics of each shown metric column, by column id. */
export function groupStatsOf(view: TableRows, columns: readonly Column[], records: readonly RunsTableRecord[]): Map<string, StatsText>[] | undefined {
  if (!view.groups) return undefined;
  const metrics = columns.filter((c) => c.group === 'metrics');
  const stats = (group: TableGroup, c: Column) => metricStats(group.members.map((i) => c.exportValue(records[i] as RunsTableRecord) as MetricValue | null));
  return view.groups.map((group) => new Map(metrics.map((c) => [c.id, statsText(stats(group, c), statsDigits(charsForWidth(c.width)))])));
}

/** The announcement of a view: shown and selected runs, and the groups when grouped. */
export function viewDetail(experimentId: string, view: TableRows, records: readonly RunsTableRecord[], shown: string[], selected: string[], groupBy: string | undefined): RunsViewDetail {
  const detail: RunsViewDetail = { experimentId, shown, selected };
  if (groupBy !== undefined && view.groups) {
    detail.groupBy = groupBy;
    detail.groups = view.groups.map((g) => ({ label: g.label, runIds: g.members.map((i) => (records[i] as RunsTableRecord).id) }));
  }
  return detail;
}
