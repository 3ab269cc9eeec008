/**
 * Which MLflow tables and columns a database has. MLflow's alembic migrations added tables and
 * columns over the years (mlflow/store/db_migrations/versions/): `latest_metrics`, `metrics.step`,
 * `metrics.is_nan`, `experiment_tags`, `datasets`/`inputs`/`input_tags` (2.4), `logged_models`
 * (3.0), `workspace` columns (3.7). Readers never assume one exists: they ask here first, and a
 * missing column reads as a constant (NULL, or MLflow's default for it).
 */
import type { DatabaseSync } from 'node:sqlite';
import { InputError } from '../../errors.ts';
import { compareStrings } from '../../order.ts';

export interface Schema {
  /** Table name (lower case) → its column names (lower case). */
  tables: Map<string, Set<string>>;
}

export function readSchema(db: DatabaseSync): Schema {
  const tables = new Map<string, Set<string>>();
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  for (const { name } of names) {
    const columns = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[];
    tables.set(name.toLowerCase(), new Set(columns.map((c) => c.name.toLowerCase())));
  }
  return { tables };
}

export function hasTable(schema: Schema, table: string): boolean {
  return schema.tables.has(table);
}

export function hasColumn(schema: Schema, table: string, column: string): boolean {
  return schema.tables.get(table)?.has(column) ?? false;
}

/**
 * A select-list entry for `column`: the quoted column when the table has it, else `missing` (an
 * SQL literal: `NULL`, or `0` for `metrics.step`, which MLflow defaults to 0).
 */
export function column(schema: Schema, table: string, name: string, missing = 'NULL'): string {
  return hasColumn(schema, table, name) ? quote(name) : missing;
}

/** An SQL identifier in double quotes (`key` and `value` are keywords in some dialects). */
export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The store must have MLflow's two core tables with their key columns; anything else is not an MLflow store. */
export function requireMlflowTables(schema: Schema, dbPath: string): void {
  const missing = ['experiments', 'runs'].filter((t) => !hasTable(schema, t));
  if (missing.length > 0) {
    const found = [...schema.tables.keys()].filter((t) => !t.startsWith('sqlite_')).sort(compareStrings);
    const shown = found.length === 0 ? 'it has no tables' : `its tables: ${found.slice(0, 8).join(', ')}${found.length > 8 ? ', …' : ''}`;
    throw new InputError(`${dbPath}: an SQLite database but not an MLflow store (no ${missing.map((t) => `"${t}"`).join(' or ')} table; ${shown})`);
  }
  const keys: [string, string][] = [['experiments', 'experiment_id'], ['runs', 'run_uuid'], ['runs', 'experiment_id']];
  for (const [table, key] of keys) {
    if (!hasColumn(schema, table, key)) throw new InputError(`${dbPath}: table "${table}" has no column "${key}"; not an MLflow store MLflow could read`);
  }
}
