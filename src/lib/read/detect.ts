/**
 * Which reader a `--store` path needs, decided from what is on disk, not from its name:
 * - `sqlite:///rel/path.db` or `sqlite:////abs/path.db` URIs, and files starting with SQLite's
 *   magic header → the SQLite reader;
 * - files starting with `{` → the JSON reader;
 * - a folder with experiment folders (`<id>/meta.yaml`), `.trash/` or `models/` → the file store;
 * - a folder holding `mlruns/` (with tracking data) or `mlflow.db` → that; both → an error asking
 *   to choose (since MLflow 3.7 `mlruns/` next to `mlflow.db` usually holds only artifacts, and
 *   then the database is chosen);
 * - a folder with mlflow-export-import `experiment.json`/`run.json` files → the JSON reader;
 * - a folder with TensorBoard event files (`*tfevents*`) anywhere below it → the TensorBoard
 *   reader, and a file starting with a TFRecord header → that one event file; event files inside
 *   an MLflow store's own folders are its artifacts (MLflow's autologging keeps TensorBoard logs
 *   there), but event files beside an MLflow store make the choice ambiguous: an error asks for it.
 * - a W&B run folder (a `.wandb` log or wandb's `files/`), a folder of them (`wandb/`), a folder
 *   holding `wandb/`, or a `.wandb` log file (its run folder) → the W&B reader; checked before
 *   TensorBoard, since a run logged with `sync_tensorboard` holds event files too.
 * Anything else is an InputError saying in one line what was expected.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { firstEventFile } from './tensorboard/discover.ts';
import { startsWithRecord } from './tensorboard/tfrecord.ts';
import type { StoreKind, StoreLocation } from './types.ts';
import { checkHeader, FILE_HEADER_SIZE } from './wandb/log-file.ts';
import { wandbFolderKind } from './wandb/folders.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';
const EXPECTED = 'expected an mlruns/ folder, an mlflow.db SQLite file (or sqlite:/// URI), a JSON export, TensorBoard event files or W&B run folders';
/** Folders of an MLflow project that hold its store and artifacts, not a TensorBoard log tree. */
const MLFLOW_FOLDERS = new Set(['mlruns', 'mlartifacts']);

export async function detectStore(given: string): Promise<StoreLocation> {
  const path = resolve(fromSqliteUri(given));
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError(`${given}: no such file or folder (${EXPECTED})`);
  const real = await realpath(path);
  if (info.isFile()) {
    const kind = await fileKind(real, given);
    // A .wandb log stands for its run folder; an event file is read alone but named by its folder.
    if (kind === 'wandb') return { kind, path: dirname(real), given, label: basename(dirname(real)) };
    return { kind, path: real, given, label: basename(kind === 'tensorboard' ? dirname(real) : real) };
  }
  if (!info.isDirectory()) throw new InputError(`${given}: not a file or folder (${EXPECTED})`);

  if (await looksLikeMlruns(real)) return { kind: 'mlruns', path: real, given, label: basename(real) };
  const mlruns = join(real, 'mlruns');
  const db = join(real, 'mlflow.db');
  const hasMlruns = await looksLikeMlruns(mlruns);
  const hasDb = await isFile(db);
  if (hasMlruns && hasDb) {
    throw new InputError(`${given}: holds both mlruns/ and mlflow.db with tracking data; pass the one you mean with --store`);
  }
  const eventFile = firstEventFile(real, MLFLOW_FOLDERS);
  if (eventFile && (hasMlruns || hasDb)) {
    const logs = eventFile.includes('/') ? join(given, eventFile.split('/')[0] as string) : given;
    throw new InputError(
      `${given}: holds an MLflow store (${hasDb ? 'mlflow.db' : 'mlruns/'}) and TensorBoard event files (${eventFile}); pass the one you mean with --store, or both: --store ${join(given, hasDb ? 'mlflow.db' : 'mlruns')} --store ${logs}`,
    );
  }
  if (hasDb) return { kind: 'sqlite', path: db, given, label: 'mlflow.db' };
  if (hasMlruns) return { kind: 'mlruns', path: mlruns, given, label: 'mlruns' };
  if (await hasExportImportFiles(real)) return { kind: 'json', path: real, given, label: basename(real) };
  if (wandbFolderKind(real, basename(real))) return { kind: 'wandb', path: real, given, label: basename(real) };
  if (wandbFolderKind(join(real, 'wandb'), 'wandb') === 'runs') return { kind: 'wandb', path: join(real, 'wandb'), given, label: 'wandb' };
  if (eventFile) return { kind: 'tensorboard', path: real, given, label: basename(real) };
  throw new InputError(`${given}: not a store Runfolio can read: ${EXPECTED}`);
}

function fromSqliteUri(given: string): string {
  const match = /^sqlite:\/\/\/(.*)$/.exec(given);
  return match ? (match[1] as string) : given;
}

async function fileKind(path: string, given: string): Promise<StoreKind> {
  const handle = await open(path, 'r');
  let wandb;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 16).toString('latin1') === SQLITE_MAGIC) return 'sqlite';
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('{')) return 'json';
    wandb = checkHeader(head.subarray(0, FILE_HEADER_SIZE));
    if (wandb.ok) return 'wandb';
    if (startsWithRecord(head)) return 'tensorboard';
  } finally {
    await handle.close();
  }
  if (given.endsWith('.db') || given.endsWith('.sqlite')) throw new InputError(`${given}: not an SQLite database (no SQLite header)`);
  if (given.endsWith('.json')) throw new InputError(`${given}: not a JSON object (the file does not start with "{")`);
  if (given.endsWith('.wandb')) throw new InputError(`${given}: ${wandb.message}`);
  throw new InputError(`${given}: not a store Runfolio can read: ${EXPECTED}`);
}

async function looksLikeMlruns(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return false;
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (entry.name === '.trash' || entry.name === 'models') return true;
    if (await isFile(join(dir, entry.name, 'meta.yaml'))) return true;
  }
  return false;
}

async function hasExportImportFiles(dir: string): Promise<boolean> {
  if ((await isFile(join(dir, 'experiment.json'))) || (await isFile(join(dir, 'run.json')))) return true;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.slice(0, 50)) {
    if (entry.isDirectory() && ((await isFile(join(dir, entry.name, 'experiment.json'))) || (await isFile(join(dir, entry.name, 'run.json'))))) return true;
  }
  return false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
