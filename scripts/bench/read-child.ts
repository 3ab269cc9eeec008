/**
 * One store's read measurement, in a process of its own so its peak RSS is its own:
 * the floor (a plain read of every file, or a plain `SELECT *` of every table, warm) and our
 * reader to a validated Snapshot, alternated; prints one JSON line with the medians.
 * Usage: node --expose-gc read-child.ts <mlruns|sqlite|wandb> <path> <repeats>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readStores } from '../../src/lib/read/index.ts';
import { median, timeOnce } from './types.ts';

const [kind, path, repeatsArg] = process.argv.slice(2) as [string, string, string];
const repeats = Number(repeatsArg);

/** Every file's bytes, the simplest way: what any reader must at least do. */
function plainRead(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = join(dir, entry.name);
    if (entry.isDirectory()) bytes += plainRead(child);
    else if (entry.isFile()) bytes += readFileSync(child).length;
  }
  return bytes;
}

/** Every row of every table, streamed. */
function plainSelect(file: string): number {
  const db = new DatabaseSync(file, { readOnly: true });
  let rows = 0;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  for (const { name } of tables) for (const _row of db.prepare(`SELECT * FROM "${name}"`).iterate()) rows += 1;
  db.close();
  return rows;
}

const floor = kind === 'sqlite' ? () => plainSelect(path) : () => plainRead(path);

floor(); // warm the page cache
const floors: number[] = [];
const ours: number[] = [];
let runs = 0;
for (let i = 0; i < repeats; i++) {
  floors.push(await timeOnce(floor));
  ours.push(await timeOnce(async () => (runs = (await readStores([path])).runs.length)));
}
process.stdout.write(`${JSON.stringify({ floorMs: median(floors), oursMs: median(ours), runs, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
