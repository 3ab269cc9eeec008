import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTableFilter, compileTableOrder, filterIndices, orderIndices, RunCache, splitOrderBy } from '../../../src/components/table/search.ts';
import type { RunsTableRecord } from '../../../src/lib/site/table-data.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { realStoreRecords } from '../../support/table-records.ts';
import { record, syntheticRecords, T0 } from './records.ts';

const keys = { metrics: ['acc', 'val/loss'], params: ['model', 'max depth'] };
const records: RunsTableRecord[] = [
  record('a', { name: 'fox-a', m: [0.95, 0.1], p: ['rf', '3'], start: T0, t: [['mlflow.source.name', 'train.py']] }),
  record('b', { name: 'Fox-b', m: [0.97, 0.3], p: ['cnn', '3'], start: T0 + 1, status: 'FAILED' }),
  record('c', { name: 'owl', m: ['NaN', null], p: ['rf', null], start: T0 + 2, d: [['iris', 'abc123', 'training']] }),
  record('d', { name: 'fox-d', m: [null, 0.15], p: ['rf', '5'], t: [['mlflow.source.name', 'eval.py']] }),
  record('e', { name: 'eel', m: [0.91, 'Infinity'], p: ['rf', '3'], start: T0 - 5 }),
];

function matching(filter: string, on: readonly RunsTableRecord[] = records): string[] {
  const compiled = compileTableFilter(filter);
  if (!compiled.ok) throw new Error(compiled.error.message);
  if (compiled.value === undefined) return on.map((r) => r.id);
  const cache = new RunCache('0');
  return filterIndices(on.length, (i) => cache.get(on, keys, i), compiled.value).map((i) => on[i]!.id);
}

describe('compileTableFilter(text) on table records', () => {
  it('applies metric and param clauses joined by AND', () => {
    expect(matching("metrics.acc > 0.9 AND params.model = 'rf'")).toEqual(['a', 'e']);
  });

  it('reads keys with "/" or spaces in backticks', () => {
    expect(matching('metrics.`val/loss` < 0.2')).toEqual(['a', 'd']);
    expect(matching("params.`max depth` = '3'")).toEqual(['a', 'b', 'e']);
  });

  it('follows IEEE rules for NaN and never matches runs without the key', () => {
    expect(matching('metrics.acc != 0.95')).toEqual(['b', 'c', 'e']);
    expect(matching('metrics.acc >= 0')).toEqual(['a', 'b', 'e']);
    expect(matching('metrics.`val/loss` > 1000')).toEqual(['e']);
  });

  it('matches tags, attributes and datasets', () => {
    expect(matching("tags.`mlflow.source.name` LIKE '%train%'")).toEqual(['a']);
    expect(matching("attributes.status = 'FAILED'")).toEqual(['b']);
    expect(matching("run_name ILIKE 'fox%'")).toEqual(['a', 'b', 'd']);
    expect(matching(`attributes.start_time > ${T0}`)).toEqual(['b', 'c']);
    expect(matching("datasets.name = 'iris'")).toEqual(['c']);
    expect(matching('params.`max depth` IS NULL')).toEqual(['c']);
  });

  it('trims the text; an empty box means no filter', () => {
    expect(matching("   params.model = 'cnn'  ")).toEqual(['b']);
    expect(compileTableFilter('   ')).toEqual({ ok: true, value: undefined });
  });

  it("reports a syntax error in MLflow's words with its offset and a caret excerpt", () => {
    const text = 'metrics.acc > 0.9 AND bad.x = 1';
    const result = compileTableFilter(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Invalid entity type 'bad'\. Valid values are \[.*\] \(at offset 22\)$/);
    expect(result.error.excerpt).toBe(`${text}\n${' '.repeat(22)}^`);
  });

  it('filters 10,000 synthetic runs as the formulas say', () => {
    const synthetic = syntheticRecords(10_000);
    const cache = new RunCache('0');
    const runOf = (i: number) => cache.get(synthetic.records, synthetic, i);
    const compiled = compileTableFilter("metrics.acc > 0.9 AND params.model = 'rf'");
    if (!compiled.ok || !compiled.value) throw new Error('did not compile');
    filterIndices(synthetic.records.length, runOf, compiled.value); // builds the runs once
    const t = performance.now();
    const found = filterIndices(synthetic.records.length, runOf, compiled.value);
    const ms = performance.now() - t;
    console.log(`filter over 10,000 cached runs: ${ms.toFixed(2)} ms`);
    // acc = (i mod 1000) / 1000 unless i is a multiple of 97 (NaN); model 'rf' for even i.
    const expected: number[] = [];
    for (let i = 0; i < 10_000; i++) if (i % 97 !== 0 && (i % 1000) / 1000 > 0.9 && i % 2 === 0) expected.push(i);
    expect(found).toEqual(expected);
    expect(ms).toBeLessThan(50);
  });
});

describe('RunCache', () => {
  it('makes each Snapshot run once and hands the same object back', () => {
    const cache = new RunCache('7');
    const first = cache.get(records, keys, 2);
    expect(cache.get(records, keys, 2)).toBe(first);
    expect(first.experimentId).toBe('7');
    expect(first.metrics.acc?.latest.value).toBe('NaN');
    expect(Object.keys(first.metrics)).toEqual(['acc']);
  });
});

describe('splitOrderBy(text)', () => {
  it('splits at commas outside quotes and backticks, trimming each clause and keeping its offset', () => {
    const text = " metrics.acc DESC , params.`a,b` ,tags.'x,y' ASC";
    expect(splitOrderBy(text)).toEqual([
      { text: 'metrics.acc DESC', start: 1 },
      { text: 'params.`a,b`', start: 20 },
      { text: "tags.'x,y' ASC", start: 34 },
    ]);
  });
});

describe('compileTableOrder(text)', () => {
  it('gives the clauses of a valid ORDER BY, and undefined for an empty box', () => {
    expect(compileTableOrder('metrics.`val/loss` DESC, params.model')).toEqual({ ok: true, value: ['metrics.`val/loss` DESC', 'params.model'] });
    expect(compileTableOrder('  ')).toEqual({ ok: true, value: undefined });
  });

  it('points an error at the offending word in the whole box', () => {
    const text = 'metrics.acc DESC, params.lr sideways';
    const result = compileTableOrder(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = text.indexOf('sideways');
    expect(result.error.message).toBe(`Invalid ordering key in order_by clause 'params.lr sideways'. (at offset ${at})`);
    expect(result.error.excerpt).toBe(`${text}\n${' '.repeat(at)}^`);
  });

  it('rejects an empty clause after a comma', () => {
    const result = compileTableOrder('metrics.acc,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe("Invalid order_by clause ''. Could not be parsed. (at offset 12)");
  });
});

describe('orderIndices(indices, runOf, clauses)', () => {
  const cache = new RunCache('0');
  const runOf = (i: number) => cache.get(records, keys, i);
  const ids = (clauses: string[]) => orderIndices([0, 1, 2, 3, 4], runOf, clauses).map((i) => records[i]!.id);

  it("orders as MLflow's search_runs: values first, then NaN, then missing, in both directions", () => {
    expect(ids(['metrics.acc DESC'])).toEqual(['b', 'a', 'e', 'c', 'd']);
    expect(ids(['metrics.acc'])).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it("breaks ties by MLflow's default order (start time descending, then run id)", () => {
    // model = 'rf' for a, c, d, e: c (T0+2), a (T0), e (T0−5), then d without a start time.
    expect(ids(['params.model DESC'])).toEqual(['c', 'a', 'e', 'd', 'b']);
  });
});

describe('filtering the chunks of real stores', () => {
  const storeRecords = (name: string) => realStoreRecords(join(FIXTURES, 'real', name));

  it('yolo-slash: a backticked key with "/" selects as expected.json says', async () => {
    const { filter, active } = await storeRecords('yolo-slash');
    const value = (r: (typeof active)[number]) => r.metrics['metrics/mAP50B']?.latest_value;
    const want = active.filter((r) => typeof value(r) === 'number' && (value(r) as number) > 0.5).map((r) => r.run_id).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(active.length);
    expect(filter('metrics.`metrics/mAP50B` > 0.5')).toEqual(want);
  });
});
