/**
 * Benchmark of the analyses (section `analyze`), for each size in ctx.sizes: N runs of the
 * synthetic benchmark shape (scripts/lib/synthetic.ts: 10 params, 5 metrics, one run in ten
 * nested), built in memory as Snapshot runs, records sorted by key as a reader leaves them. Only
 * latest values matter to these analyses, so each metric keeps just its latest point (history is
 * not read by anything measured here).
 *
 * Measured, each against a plain JavaScript loop over the same Run[] doing the same thing (the
 * floor), with results checked equal before timing:
 * (a) filter + order by: `searchRuns` with a two-clause filter and a metric order_by;
 * (b) best run per value of a param (`bestRuns`), with the tables pre-built (the site builds
 *     them once per Snapshot and reuses them for every page); building the tables is timed
 *     apart, for reference.
 * Floor and ours are timed in turn after 50 untimed rounds of both (timePair): the steady state
 * of repeated queries, with garbage collection falling on both alike.
 */
import { bestRuns } from '../../src/lib/analyze/best.ts';
import { searchRuns } from '../../src/lib/analyze/search/index.ts';
import { buildTables, type RunTables } from '../../src/lib/analyze/tables.ts';
import { metricNumber, type Run } from '../../src/lib/model.ts';
import { compareStrings, sortedRecord } from '../../src/lib/order.ts';
import { latestPoint } from '../../src/lib/read/metric-points.ts';
import { runTags, type RunSpec } from '../../src/generate/store-spec.ts';
import { syntheticSpec } from '../lib/synthetic.ts';
import { timeMedian, timePair, type BenchContext, type BenchRow } from './types.ts';

const FILTER = "metrics.`val/accuracy` > 0.5 AND params.optimizer = 'adam'";
const ORDER_BY = ['metrics.`val/loss` DESC'];
const GROUP_PARAM = 'batch_size';
const METRIC = 'val/loss';
const GOAL = 2;
const REPEATS = 31;
/** Untimed calls first, for our code and the floors alike (see timeMedian). */
const WARMUP = 50;

export async function benchAnalyze(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of ctx.sizes) {
    ctx.log(`analyze: ${size.toLocaleString('en-US')} runs`);
    const runs = syntheticRuns(size);
    const tables = buildTables({ runs, experiments: [] });
    check('filter + order by', ids(searchRuns(runs, { filter: FILTER, orderBy: ORDER_BY })), ids(floorSearch(runs)));
    const expected = floorBest(runs);
    check('best per group', bestPairs(tables), expected);

    const search = await timePair(() => floorSearch(runs), () => searchRuns(runs, { filter: FILTER, orderBy: ORDER_BY }), REPEATS, WARMUP);
    const best = await timePair(() => floorBest(runs), () => bestPairs(tables), REPEATS, WARMUP);
    const floorBestMs = best.floorMs;
    rows.push(
      row('filter + order by (searchRuns)', size, 'plain loop + sort over Run[]', search.floorMs, search.oursMs),
      row(`best run per ${GROUP_PARAM} (bestRuns, tables pre-built)`, size, 'plain loop over Run[]', best.floorMs, best.oursMs),
      {
        // The site builds the tables once for every page; one CLI call pays for them once.
        ...row(`building the Arquero tables once (buildTables), for reference`, size, 'plain loop over Run[] (best per group)', floorBestMs,
          await timeMedian(() => buildTables({ runs, experiments: [] }), 5, 2)),
        goal: undefined,
      },
    );
  }
  return rows;
}

function row(name: string, size: number, floor: string, floorMs: number, oursMs: number): BenchRow {
  return { section: 'analyze', name, size, floor, floorMs, oursMs, goal: GOAL };
}

function check(what: string, ours: string[], floor: string[]): void {
  if (ours.join() !== floor.join()) throw new Error(`bench analyze: ${what}: our result differs from the floor's (${ours.length} vs ${floor.length} entries)`);
}

const ids = (runs: Run[]) => runs.map((run) => run.id);

/** The synthetic store's runs as a reader would give them, each metric reduced to its latest point. */
function syntheticRuns(count: number): Run[] {
  return syntheticSpec({ runs: count }).runs.map((spec: RunSpec): Run => {
    const metrics: Run['metrics'] = {};
    for (const [key, points] of Object.entries(spec.metrics ?? {})) {
      const latest = latestPoint(points.map((p) => ({ step: p.step, timestamp: p.timestamp, value: p.value })));
      if (latest) metrics[key] = { latest, history: [latest] };
    }
    return {
      id: spec.id, experimentId: spec.experimentId, name: spec.name, status: spec.status, lifecycleStage: 'active',
      startTime: spec.startTime, ...(spec.endTime !== undefined ? { endTime: spec.endTime } : {}),
      ...(spec.user !== undefined ? { user: spec.user } : {}), ...(spec.parentId !== undefined ? { parentId: spec.parentId } : {}),
      // Records sorted by key, as every reader leaves them (read/finalize.ts).
      params: sortedRecord(spec.params ?? {}), tags: sortedRecord(runTags(spec)), metrics: sortedRecord(metrics),
      inputs: [], artifacts: [], loggedModels: [],
    };
  });
}

/** (a) by hand: MLflow's semantics for this filter and order (absent/NaN last, start time desc, id). */
function floorSearch(runs: readonly Run[]): Run[] {
  const found: { run: Run; value: number | undefined }[] = [];
  for (const run of runs) {
    if (run.lifecycleStage !== 'active') continue;
    const accuracy = run.metrics['val/accuracy'];
    if (accuracy === undefined || !(metricNumber(accuracy.latest.value) > 0.5) || run.params.optimizer !== 'adam') continue;
    const loss = run.metrics[METRIC];
    found.push({ run, value: loss === undefined ? undefined : metricNumber(loss.latest.value) });
  }
  const kind = (v: number | undefined) => (v === undefined ? 2 : Number.isNaN(v) ? 1 : 0);
  found.sort((a, b) =>
    kind(a.value) - kind(b.value) ||
    (kind(a.value) === 0 ? (b.value as number) - (a.value as number) : 0) ||
    (b.run.startTime ?? -Infinity) - (a.run.startTime ?? -Infinity) ||
    compareStrings(a.run.id, b.run.id));
  return found.map((f) => f.run);
}

/** (b) by hand, one pass, no allocation per run: per param value, the lowest number (then NaN), ties newest first, then id. */
function floorBest(runs: readonly Run[]): string[] {
  const bestRun = new Map<string | null, Run>();
  const bestValue = new Map<string | null, number>();
  for (const run of runs) {
    if (run.lifecycleStage !== 'active') continue;
    const metric = run.metrics[METRIC];
    if (metric === undefined) continue;
    const group = Object.hasOwn(run.params, GROUP_PARAM) ? (run.params[GROUP_PARAM] as string) : null;
    const value = metricNumber(metric.latest.value);
    const current = bestRun.get(group);
    if (current === undefined || better(value, run, bestValue.get(group) as number, current)) {
      bestRun.set(group, run);
      bestValue.set(group, value);
    }
  }
  return [...bestRun].map(([group, run]) => `${group}:${run.id}`).sort(compareStrings);
}

function better(value: number, run: Run, bestValue: number, best: Run): boolean {
  const nan = Number.isNaN(value);
  if (nan !== Number.isNaN(bestValue)) return !nan;
  if (!nan && value !== bestValue) return value < bestValue;
  const start = run.startTime ?? -Infinity;
  const bestStart = best.startTime ?? -Infinity;
  return start !== bestStart ? start > bestStart : run.id < best.id;
}

function bestPairs(tables: RunTables): string[] {
  return bestRuns(tables, { metric: METRIC, group: { by: 'param', key: GROUP_PARAM } })
    .groups.map((g) => `${g.group}:${g.id}`)
    .sort(compareStrings);
}

/**
 * The same answer with the fewest Arquero steps: the key rows of each long table (filter on
 * `key`), one integer-keyed lookup, then per group the rows equal to the group's op.min and the
 * first of them. No run selection, counts, null group or NaN case (the synthetic runs all have
 * the param and no NaN), so it only bounds what bestRuns could cost.
 */
