/**
 * The files wandb writes beside the log, in `<run folder>/files/`:
 * - `config.yaml`: the config as `{key: {value: …}}` (Python writers add `desc: null` to each key and
 *   a top-level `wandb_version: 1`; wandb-core writes neither). YAML 1.1, as PyYAML writes it.
 * - `wandb-summary.json`: the final summary (the last one written; a killed run's may be ahead of
 *   its log). JSON with bare NaN/Infinity, as Python's json module writes them.
 * - `wandb-metadata.json`: host, program, Python, GPUs… (see metadata.ts).
 * Each is optional; a file that is present but unreadable is reported, not thrown.
 */
import { join } from 'node:path';
import { readText } from '../fs.ts';
import { parseWithLibrary } from '../yaml.ts';
import { NOT_JSON, parseValueJson } from './json-value.ts';
import { setOwn } from '../../order.ts';
import type { Nested } from './updates.ts';

/** Side files are small; a bigger one is not what wandb writes. */
const MAX_BYTES = 64 * 1024 * 1024;

export const CONFIG_YAML = 'files/config.yaml';
export const SUMMARY_JSON = 'files/wandb-summary.json';
export const METADATA_JSON = 'files/wandb-metadata.json';

export type SideFile = { state: 'missing' } | { state: 'bad'; message: string } | { state: 'ok'; value: Nested };

/** `files/config.yaml` as a config object (values unwrapped, `wandb_version` dropped). */
export function readConfigYaml(runDir: string): SideFile {
  const text = readText(join(runDir, CONFIG_YAML), MAX_BYTES);
  if (!text.ok) return text.message === 'file is missing' ? { state: 'missing' } : { state: 'bad', message: text.message };
  if (text.text.trim() === '') return { state: 'bad', message: 'empty file' };
  const parsed = parseWithLibrary(withoutInternalBlock(text.text));
  if (!parsed.ok) return { state: 'bad', message: parsed.message };
  const config: Nested = {};
  for (const [key, entry] of Object.entries(parsed.value)) {
    if (key === 'wandb_version') continue;
    if (!isObject(entry) || !Object.hasOwn(entry, 'value')) return { state: 'bad', message: `key ${JSON.stringify(key)} has no "value:" (expected {value: …} under every key)` };
    setOwn(config, key, entry.value);
  }
  return { state: 'ok', value: config };
}

/**
 * The text without its top-level `_wandb:` block (W&B's internal telemetry, often most of the
 * file, and never published): writers emit block-style YAML with top-level keys at column 0, so
 * the block runs to the next line that starts at column 0. Other layouts are left as they are.
 */
function withoutInternalBlock(text: string): string {
  return text.replace(/^_wandb:[^\n]*\n(?:[ \t][^\n]*\n|\n)*/m, '');
}

/** A JSON object file (`wandb-summary.json`, `wandb-metadata.json`). */
export function readJsonObject(runDir: string, file: string): SideFile {
  const text = readText(join(runDir, file), MAX_BYTES);
  if (!text.ok) return text.message === 'file is missing' ? { state: 'missing' } : { state: 'bad', message: text.message };
  if (text.text.trim() === '') return { state: 'bad', message: 'empty file' };
  const value = parseValueJson(text.text.trim());
  if (value === NOT_JSON) return { state: 'bad', message: 'not valid JSON' };
  if (!isObject(value)) return { state: 'bad', message: 'expected a JSON object' };
  return { state: 'ok', value };
}

export function isObject(value: unknown): value is Nested {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
