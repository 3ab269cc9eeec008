/** The fixture-facts comparison must notice a wrong fact, or every test built on it passes vacuously. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { compareFacts, type ExpectedFacts } from './expected-facts.ts';
import { FIXTURES } from './fixtures.ts';

const dir = join(FIXTURES, 'real', 'packt-hpt');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedFacts;

describe('compareFacts(contents, expected)', () => {
  it('finds nothing to say when every fact holds', async () => {
    expect(compareFacts(await readStores([join(dir, 'mlruns')]), expected)).toEqual([]);
  });

  it('names each fact that differs: a run name, a latest value, a history length and the aggregate they change', async () => {
    const contents = await readStores([join(dir, 'mlruns')]);
    const facts = expected.runs.list.find((r) => Object.keys(r.metrics).length > 0 && r.name);
    if (!facts) throw new Error('fixture changed');
    const [key, metricFacts] = Object.entries(facts.metrics)[0]!;
    const run = contents.runs.find((r) => r.id === facts.run_id)!;
    const metric = run.metrics[key]!;
    metric.latest = { ...metric.latest, value: 'NaN' };
    metric.history.pop();
    run.name = '';
    const problems = compareFacts(contents, expected);
    expect(problems).toContain(`run ${facts.run_id} name: expected ${JSON.stringify(facts.name)}, got null`);
    expect(problems).toContain(`run ${facts.run_id} metric ${JSON.stringify(key)} latest_value: expected ${metricFacts.latest_value}, got NaN`);
    expect(problems).toContain(`run ${facts.run_id} metric ${JSON.stringify(key)} history_len: expected ${metricFacts.history_len}, got ${metricFacts.history_len - 1}`);
    expect(problems.filter((p) => p.startsWith('runs.aggregate:'))).toHaveLength(1);
    expect(problems).toHaveLength(4);
  });
});
