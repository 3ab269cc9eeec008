/** Real stores as runs-table records, for the table search tests (regular and conformance suites). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTableFilter, filterIndices, RunCache } from '../../src/components/table/search.ts';
import { compareMlflowDefault } from '../../src/lib/analyze/tables.ts';
import { readStores } from '../../src/lib/read/index.ts';
import { tableChunks, treeOrder } from '../../src/lib/site/table-data.ts';

type Expected = { runs: { list: { run_id: string; lifecycle_stage: string; metrics: Record<string, { latest_value: number | string }> }[] } };

/** A real store's runs as runs-table records, a filter over them, and its expected.json's active runs. */
export async function realStoreRecords(root: string) {
  const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Expected;
  const snapshot = await readStores([join(root, 'mlruns')]);
  const runs = snapshot.runs.filter((r) => r.lifecycleStage === 'active');
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const rows = tableChunks(treeOrder(runs, compareMlflowDefault), metrics, params).flatMap((c) => c.rows);
  const cache = new RunCache('x');
  const filter = (text: string) => {
    const compiled = compileTableFilter(text);
    if (!compiled.ok || !compiled.value) throw new Error(`${text} did not compile`);
    return filterIndices(rows.length, (i) => cache.get(rows, { metrics, params }, i), compiled.value).map((i) => rows[i]!.id).sort();
  };
  const active = expected.runs.list.filter((r) => r.lifecycle_stage === 'active');
  return { filter, active };
}
