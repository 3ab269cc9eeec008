/**
 * The file-store reader against every real store in fixtures/real, fact by fact against its
 * expected.json (computed by an independent reader following MLflow's semantics), through the
 * same entry the CLI uses, and without writing to the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import { SHARED_FIXTURES as FIXTURES } from '../support/fixtures.ts';
import { compareFacts, type ExpectedFacts } from '../support/expected-facts.ts';
import { hashTree } from '../support/tmp.ts';

const REAL = join(FIXTURES, 'real');
const stores = readdirSync(REAL, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('readStores([real mlruns store])', () => {
  it('finds the fixture stores', () => {
    expect(stores.length).toBeGreaterThanOrEqual(9);
  });

  it.each(stores)('%s: reproduces every fact of expected.json and leaves the store unchanged', async (name) => {
    const expected = JSON.parse(readFileSync(join(REAL, name, 'expected.json'), 'utf8')) as ExpectedFacts;
    const root = join(REAL, name, 'mlruns');
    const before = hashTree(root);
    const snapshot = await readStores([root]);
    expect(hashTree(root)).toBe(before);
    expect(compareFacts(snapshot, expected)).toEqual([]);
  });

  it('reads the same Snapshot twice (determinism)', async () => {
    const root = join(REAL, 'hydro-ml', 'mlruns');
    expect(JSON.stringify(await readStores([root]))).toBe(JSON.stringify(await readStores([root])));
  });
});

describe('readStores([real mlruns store]) details the facts file does not cover', () => {
  it('reads metric keys with "/" as one key (yolo-slash)', async () => {
    const snapshot = await readStores([join(REAL, 'yolo-slash', 'mlruns')]);
    const keys = Object.keys(snapshot.runs[0]?.metrics ?? {});
    expect(keys).toContain('train/box_loss');
    expect(keys).toContain('metrics/mAP50-95B');
    expect(keys).toContain('lr/pg1');
  });

  it('reads datasets and their context for run inputs (pe-mi-ops)', async () => {
    const snapshot = await readStores([join(REAL, 'pe-mi-ops', 'mlruns')]);
    const withInputs = snapshot.runs.filter((r) => r.inputs.length > 0);
    expect(withInputs.length).toBeGreaterThan(0);
    expect(withInputs[0]?.inputs[0]).toMatchObject({ name: 'dataset', digest: '700e8ebc', sourceType: 'code', context: 'train' });
  });

  it('attaches MLflow 3 logged models to the run that produced them (ca-housing)', async () => {
    const snapshot = await readStores([join(REAL, 'ca-housing', 'mlruns')]);
    const run = snapshot.runs.find((r) => r.id === 'c0de05e031dd44a2912a465a841efbf8');
    expect(run?.loggedModels).toEqual([expect.objectContaining({ id: 'm-6106f77520be45049764871537fdea3a', name: 'model', status: 'READY' })]);
  });

  it('lists artifact files that lie inside the store with their sizes, never their contents (packt-hpt)', async () => {
    const root = join(REAL, 'packt-hpt', 'mlruns');
    const snapshot = await readStores([root]);
    const run = snapshot.runs.find((r) => r.id === 'a3112407148b4966b929bc9f8784a3d3');
    expect(run?.artifacts.length).toBeGreaterThan(0);
    for (const artifact of run?.artifacts ?? []) {
      expect(artifact.size).toBe(readFileSync(join(root, '6', run?.id ?? '', 'artifacts', artifact.path)).length);
    }
  });

  it('keeps experiment notes and run notes as descriptions (tfm1920)', async () => {
    const snapshot = await readStores([join(REAL, 'tfm1920', 'mlruns')]);
    expect(snapshot.experiments[0]?.description).toMatch(/^\*\*Modelos Random Forest\*\*/);
    expect(snapshot.runs.some((r) => (r.description ?? '').length > 0)).toBe(true);
  });
});
