/**
 * The runs table's data files: an experiment's runs in chunks (`dataFiles.runsTable(id, k)`),
 * in the table's default order (parents before their children, MLflow's default order among
 * siblings), so the first chunk alone shows the top of the table. Shared by the writer (build
 * time) and the table island (browser): keep this module free of Node and of zod.
 */
import type { MetricValue, Run, RunStatus } from '../model.ts';

/** Rows per chunk: the first chunk is what a 10,000-run table needs before it first shows. */
export const TABLE_CHUNK_ROWS = 1000;

export interface RunsTableChunk {
  /** Metric and param keys, the same in every chunk of the experiment; rows align with them. */
  metrics: string[];
  params: string[];
  /** Chunk number and count, so the island knows what else to fetch. */
  chunk: number;
  chunks: number;
  total: number;
  rows: RunsTableRecord[];
}

export interface RunsTableRecord {
  id: string;
  name: string;
  status: RunStatus;
  /** Depth in the parent/child tree of this table (0 for top-level runs). */
  depth: number;
  /** The run's style index (run-styles.ts): its colour and dash in every chart. */
  style?: number;
  parent?: string;
  start?: number;
  end?: number;
  user?: string;
  source?: string;
  commit?: string;
  artifactUri?: string;
  /** Latest metric values aligned with `metrics`; null where the run has none. */
  m: (MetricValue | null)[];
  /** Param values aligned with `params`. */
  p: (string | null)[];
  /** Tags, for `tags.` filters (notes and the log-model history left out: they are long). */
  t: [string, string][];
  /** Dataset inputs, for `datasets.` filters: name, digest, context. */
  d: [string, string, string | null][];
}

/** The runs table's attribute columns, by the record field each shows (`duration` is end − start). */
export const ATTRIBUTES = ['status', 'start', 'duration', 'user', 'source', 'commit'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Column ids of the runs table: one spelling for the build, the island, the URL and the browser's memory. */
export const columnIds = {
  name: 'run:name',
  attribute: (attribute: Attribute) => `run:${attribute}`,
  metric: (key: string) => `metric:${key}`,
  param: (key: string) => `param:${key}`,
};

/** What an attribute column holds for a record; undefined (or '') when the run has none. */
export function attributeValue(record: RunsTableRecord, attribute: Attribute): string | number | undefined {
  if (attribute === 'duration') return record.start !== undefined && record.end !== undefined ? record.end - record.start : undefined;
  return record[attribute];
}

type CellValue = string | number | null;
const normal = (value: CellValue | undefined): CellValue => (value === undefined || value === '' ? null : value);

/** A column with the same value in every run (null: no run has one). */
export interface UniformColumn {
  id: string;
  /** The value (a metric's in the Snapshot's spelling). */
  value: string | number | null;
}

/**
 * The columns that tell no run from another, which the table hides by default: those empty in
 * every record, and, when there are two runs or more, those holding the same value in every one
 * (a key some runs lack varies). Attributes first, then metrics and params in key order given.
 */
export function uniformColumns(records: readonly RunsTableRecord[], metrics: readonly string[], params: readonly string[]): UniformColumn[] {
  const out: UniformColumn[] = [];
  const check = (id: string, read: (record: RunsTableRecord) => CellValue | undefined): void => {
    const first = records.length > 0 ? normal(read(records[0] as RunsTableRecord)) : null;
    for (const record of records) if (normal(read(record)) !== first) return;
    if (first === null || records.length > 1) out.push({ id, value: first });
  };
  for (const attribute of ATTRIBUTES) check(columnIds.attribute(attribute), (r) => attributeValue(r, attribute));
  metrics.forEach((key, i) => check(columnIds.metric(key), (r) => r.m[i]));
  params.forEach((key, i) => check(columnIds.param(key), (r) => r.p[i]));
  return out;
}

/** Tags left out of data files: long text the filters and the diff table do not need. */
export const LONG_TAGS: ReadonlySet<string> = new Set(['mlflow.note.content', 'mlflow.log-model.history']);

/** Runs (already in table order) → chunks; `styles` gives each run's style index. */
export function tableChunks(runs: { run: Run; depth: number }[], metrics: string[], params: string[], styles?: ReadonlyMap<string, number>): RunsTableChunk[] {
  const rows = runs.map(({ run, depth }) => tableRecord(run, depth, metrics, params, styles?.get(run.id)));
  const chunks = Math.max(1, Math.ceil(rows.length / TABLE_CHUNK_ROWS));
  return Array.from({ length: chunks }, (_, chunk) => ({
    metrics,
    params,
    chunk,
    chunks,
    total: rows.length,
    rows: rows.slice(chunk * TABLE_CHUNK_ROWS, (chunk + 1) * TABLE_CHUNK_ROWS),
  }));
}

export function tableRecord(run: Run, depth: number, metrics: readonly string[], params: readonly string[], style?: number): RunsTableRecord {
  const record: RunsTableRecord = {
    id: run.id,
    name: run.name,
    status: run.status,
    depth,
    m: metrics.map((key) => (Object.hasOwn(run.metrics, key) ? (run.metrics[key]?.latest.value ?? null) : null)),
    p: params.map((key) => (Object.hasOwn(run.params, key) ? (run.params[key] ?? null) : null)),
    t: Object.entries(run.tags).filter(([key]) => !LONG_TAGS.has(key)),
    d: run.inputs.map((input) => [input.name, input.digest, input.context ?? null]),
  };
  if (style !== undefined) record.style = style;
  if (run.parentId) record.parent = run.parentId;
  if (run.startTime !== undefined) record.start = run.startTime;
  if (run.endTime !== undefined) record.end = run.endTime;
  if (run.user) record.user = run.user;
  if (run.tags['mlflow.source.name']) record.source = run.tags['mlflow.source.name'];
  if (run.tags['mlflow.source.git.commit']) record.commit = run.tags['mlflow.source.git.commit'];
  if (run.artifactUri) record.artifactUri = run.artifactUri;
  return record;
}

/**
 * A table record as the Snapshot Run the search functions take (src/lib/analyze/search): latest
 * metric values only, which is all MLflow's filter and order_by look at.
 */
export function recordToRun(record: RunsTableRecord, metrics: string[], params: string[], experimentId: string): Run {
  const run: Run = {
    id: record.id,
    experimentId,
    name: record.name,
    status: record.status,
    lifecycleStage: 'active',
    params: {},
    tags: Object.fromEntries(record.t),
    metrics: {},
    inputs: record.d.map(([name, digest, context]) => (context === null ? { name, digest } : { name, digest, context })),
    artifacts: [],
    loggedModels: [],
  };
  if (record.start !== undefined) run.startTime = record.start;
  if (record.end !== undefined) run.endTime = record.end;
  if (record.user !== undefined) run.user = record.user;
  if (record.artifactUri !== undefined) run.artifactUri = record.artifactUri;
  metrics.forEach((key, i) => {
    const value = record.m[i];
    if (value !== null && value !== undefined) run.metrics[key] = { latest: { step: 0, timestamp: 0, value }, history: [] };
  });
  params.forEach((key, i) => {
    const value = record.p[i];
    if (value !== null && value !== undefined) run.params[key] = value;
  });
  return run;
}

/** Runs in table order: each parent followed by its children (recursively), siblings in `order`. */
export function treeOrder(runs: Run[], order: (a: Run, b: Run) => number): { run: Run; depth: number }[] {
  const ids = new Set(runs.map((r) => r.id));
  const children = new Map<string, Run[]>();
  const roots: Run[] = [];
  for (const run of runs) {
    if (run.parentId && ids.has(run.parentId) && run.parentId !== run.id) {
      const list = children.get(run.parentId) ?? [];
      list.push(run);
      children.set(run.parentId, list);
    } else roots.push(run);
  }
  const out: { run: Run; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (run: Run, depth: number): void => {
    if (seen.has(run.id)) return; // a parent cycle in bad data must not loop
    seen.add(run.id);
    out.push({ run, depth });
    for (const child of (children.get(run.id) ?? []).sort(order)) visit(child, depth + 1);
  };
  for (const root of roots.sort(order)) visit(root, 0);
  for (const run of runs) if (!seen.has(run.id)) visit(run, 0); // runs only reachable through a cycle
  return out;
}
