/**
 * The SQLite reader against every real MLflow database outside the repository (real-db), fact by
 * fact against its expected.json, leaving the folder unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSqlite } from '../../src/lib/read/sqlite/index.ts';
import { compareFacts, type ExpectedFacts } from '../support/expected-facts.ts';
import { folderState, REAL_DB_DIR } from '../support/sqlite-store.ts';

const fixtures = readdirSync(REAL_DB_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('readSqlite(dbPath, label) on real MLflow databases', () => {
  it('finds the fixture databases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtures)('%s: reproduces every fact of expected.json and leaves the folder unchanged', async (name) => {
    const dir = path.join(REAL_DB_DIR, name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedFacts;
    const before = folderState(dir);
    const contents = await readSqlite(path.join(dir, 'mlflow.db'), 'mlflow.db');
    expect(folderState(dir)).toEqual(before);
    expect(compareFacts(contents, expected)).toEqual([]);
  });
});

