/**
 * Opens an MLflow SQLite store strictly read-only, and turns SQLite's failures into one-line
 * InputErrors. The store is never written and no file appears beside it:
 *
 * - The file must start with SQLite's magic header; byte 18 tells its journal mode.
 * - Rollback-journal stores (MLflow's default) open as `file:…?mode=ro`: SQLite takes shared
 *   locks only and never creates a journal for a read-only connection.
 * - WAL stores: SQLite creates `-wal` and `-shm` files for any reader, even a read-only one, unless
 *   the database is opened `immutable=1`. So when no other connection has the store open (no
 *   `-wal`/`-shm` pair beside it) we open it immutable: nothing is created, and a folder without
 *   write permission works too. When another process has it open (both files present), we join
 *   SQLite's locking protocol read-only to see what it committed: the data files stay untouched,
 *   but SQLite records this reader's position ("read marks") in the existing `-shm` index, as every
 *   reader of a WAL database does. A `-wal` without `-shm` (a copied or crashed store) is not
 *   opened through WAL at all, as that would create `-shm`: its last changes are left out, with a warning.
 * - A busy timeout bounds the wait for a writer; a locked store is an InputError, never a hang.
 */
import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../errors.ts';

/** How long a read waits for a writer's lock: MLflow commits in milliseconds, so this is generous. */
export const BUSY_TIMEOUT_MS = 3000;
const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

export interface OpenedStore {
  db: DatabaseSync;
  /** True for a WAL store shared with a writer: one read transaction gives a consistent view without blocking it. */
  liveWal: boolean;
  /** Defects found while opening, for the Warnings collector: [path, message]. */
  notes: [string, string][];
}

export function openStore(dbPath: string): OpenedStore {
  const header = readHeader(dbPath);
  const wal = header[18] === 2 || header[19] === 2;
  const walFile = sizeOf(`${dbPath}-wal`);
  const shmFile = sizeOf(`${dbPath}-shm`);
  const liveWal = wal && walFile !== undefined && shmFile !== undefined;
  const notes: [string, string][] = [];
  if (wal && !liveWal && walFile) {
    notes.push(['', `${baseName(dbPath)}-wal (${walFile} bytes) has no -shm beside it; read without it, so changes not yet checkpointed are missing`]);
  }
  const url = pathToFileURL(dbPath);
  url.search = wal && !liveWal ? '?mode=ro&immutable=1' : '?mode=ro';
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(url, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw sqliteFailure(dbPath, error);
  }
  try {
    // Belt and braces: this connection refuses any write, whatever a later change to the reader does.
    db.exec('PRAGMA query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw sqliteFailure(dbPath, error);
  }
  return { db, liveWal, notes };
}

function readHeader(dbPath: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dbPath);
  } catch (error) {
    throw new InputError(`${dbPath}: cannot read the database (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (stat.isDirectory()) throw new InputError(`${dbPath}: a folder, not an SQLite database`);
  if (stat.size === 0) throw new InputError(`${dbPath}: not an SQLite database (the file is empty)`);
  const header = Buffer.alloc(HEADER_BYTES);
  let fd: number | undefined;
  try {
    fd = fs.openSync(dbPath, 'r');
    const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES || header.toString('latin1', 0, MAGIC.length) !== MAGIC) {
      throw new InputError(`${dbPath}: not an SQLite database (it does not start with SQLite's header)`);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${dbPath}: cannot read the database (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return header;
}

function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Whether an error came from SQLite (node:sqlite marks them ERR_SQLITE_ERROR with an errcode). */
export function isSqliteError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR';
}

// Primary result codes, https://sqlite.org/rescode.html
const SQLITE_READONLY = 8;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;
const SQLITE_READONLY_ROLLBACK = SQLITE_READONLY | (3 << 8);

/** One line for the user naming the store and what SQLite said, with what to do where we know. */
export function sqliteFailure(dbPath: string, error: unknown): InputError {
  const code = Number((error as { errcode?: unknown }).errcode ?? -1);
  const said = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const primary = code & 0xff;
  let message: string;
  if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) {
    message = `the database is locked by another process (waited ${BUSY_TIMEOUT_MS / 1000} s); try again when MLflow has finished writing`;
  } else if (code === SQLITE_READONLY_ROLLBACK) {
    message = `an interrupted write left ${baseName(dbPath)}-journal, which only a writer can roll back; open the store once with MLflow or sqlite3, then retry`;
  } else if (primary === SQLITE_NOTADB) {
    message = `not an SQLite database (${said})`;
  } else if (primary === SQLITE_CORRUPT) {
    message = `the database is damaged (${said})`;
  } else if (primary === SQLITE_CANTOPEN) {
    message = `cannot open the database (${said})`;
  } else {
    message = `cannot read the database (${said})`;
  }
  return new InputError(`${dbPath}: ${message}`, { cause: error });
}
