/**
 * Table records for the runs-table tests: a hand-made one, and a deterministic synthetic
 * experiment of any size in tree order (parents followed by their children).
 */
import type { ColumnLayout } from '../../../src/components/table/column-layout.ts';
import type { MetricValue, RunStatus } from '../../../src/lib/model.ts';
import { ATTRIBUTES, type Attribute, type RunsTableRecord } from '../../../src/lib/site/table-data.ts';

export const T0 = 1_700_000_000_000;

export function record(id: string, fields: Partial<RunsTableRecord> = {}): RunsTableRecord {
  return { id, name: id, status: 'FINISHED', depth: 0, m: [], p: [], t: [], d: [], ...fields };
}

const STATUSES: RunStatus[] = ['FINISHED', 'FAILED', 'RUNNING', 'KILLED', 'SCHEDULED'];

/**
 * `n` records: every 10th run is a parent of the next 4 (depth 1); metrics `acc`, `val/loss`,
 * params `model`, `max depth`. Values follow simple formulas, so tests can state expectations.
 */
export function syntheticRecords(n: number): { records: RunsTableRecord[]; metrics: string[]; params: string[] } {
  const metrics = ['acc', 'val/loss'];
  const params = ['model', 'max depth'];
  const records: RunsTableRecord[] = [];
  let parent: string | undefined;
  for (let i = 0; i < n; i++) {
    const id = `run${String(i).padStart(5, '0')}`;
    const child = parent !== undefined && i % 10 >= 1 && i % 10 <= 4;
    if (i % 10 === 0) parent = id;
    const acc: MetricValue = i % 97 === 0 ? 'NaN' : (i % 1000) / 1000;
    records.push({
      id,
      name: `fox-${i}`,
      status: STATUSES[i % STATUSES.length] as RunStatus,
      depth: child ? 1 : 0,
      ...(child ? { parent } : {}),
      start: T0 - i * 1000,
      end: T0 - i * 1000 + (i % 60) * 1000,
      user: i % 3 === 0 ? 'ada' : 'bob',
      source: `/home/ada/project/train_${i % 4}.py`,
      commit: `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}deadbeefcafe`,
      m: [acc, i % 7 === 0 ? null : 1 / (i + 1)],
      p: [i % 2 === 0 ? 'rf' : 'cnn', i % 5 === 0 ? null : String(i % 5)],
      t: [['mlflow.source.name', `/home/ada/project/train_${i % 4}.py`]],
      d: [],
    });
  }
  return { records, metrics, params };
}

/** A column layout for tests: every attribute unless told otherwise, no widths set. */
export function layout(parts: { metrics?: string[]; params?: string[]; attributes?: readonly Attribute[]; widths?: [string, number][] } = {}): ColumnLayout {
  return { metrics: parts.metrics ?? [], params: parts.params ?? [], attributes: parts.attributes ?? ATTRIBUTES, widths: new Map(parts.widths ?? []) };
}
