/**
 * The runs table's first columns, chosen at build time over every run of the experiment (the
 * island loads its rows in chunks and could not know before the last one): the primary metric
 * and the next metrics in the order given, the params that vary, and the attribute columns;
 * columns that read the same in every run, or are empty in all (table-data.ts `uniformColumns`:
 * a User of `unknown`, no Source, no Git commit), are left out and listed as such.
 */
import type { Run } from '../../model.ts';
import { ATTRIBUTES, columnIds, tableRecord, uniformColumns, type Attribute, type UniformColumn } from '../table-data.ts';

const FIRST_METRICS = 4;
const FIRST_PARAMS = 5;

export interface TableColumnDefaults {
  metrics: string[];
  params: string[];
  attributes: Attribute[];
  /** Columns the same in every run or empty in all; hidden at first. */
  uniform: UniformColumn[];
}

/** `runs` in table order; `metrics`/`params`: every key, in the order the table lists them. */
export function tableColumnDefaults(runs: readonly { run: Run; depth: number }[], metrics: readonly string[], params: readonly string[], primary: string | undefined): TableColumnDefaults {
  const records = runs.map(({ run, depth }) => tableRecord(run, depth, metrics, params));
  // The primary metric is what the page ranks by: shown even when every run has the same value.
  const uniform = uniformColumns(records, metrics, params).filter((c) => primary === undefined || c.id !== columnIds.metric(primary));
  const hidden = new Set(uniform.map((c) => c.id));
  const rest = metrics.filter((k) => k !== primary && !k.startsWith('system/') && !hidden.has(columnIds.metric(k)));
  return {
    metrics: [...(primary !== undefined && metrics.includes(primary) ? [primary] : []), ...rest].slice(0, FIRST_METRICS),
    params: params.filter((k) => !hidden.has(columnIds.param(k))).slice(0, FIRST_PARAMS),
    attributes: ATTRIBUTES.filter((a) => !hidden.has(columnIds.attribute(a))),
    uniform,
  };
}
