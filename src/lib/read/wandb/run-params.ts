/**
 * A W&B run's params: its final config, nested keys flattened with `.` (flattenParams), W&B's
 * internal `_wandb` entry left out. The log's config (run record + config records, replayed) is
 * the source; `files/config.yaml` is the fallback when the log set none, and otherwise a
 * cross-check: a key whose value differs, or that only one of them has, is named in a warning.
 */
import { flattenParams } from '../flatten.ts';
import type { SideFile } from './run-files.ts';
import { setOwn } from '../../order.ts';
import type { Nested } from './updates.ts';

const INTERNAL = '_wandb';
const SHOWN = 3;

export interface ParamsResult {
  params: Record<string, string>;
  /** A disagreement between the log and config.yaml, for a warning on the yaml file. */
  mismatch?: string;
  source: 'log' | 'config.yaml' | 'none';
}

export function runParams(logConfig: Nested | undefined, yaml: SideFile): ParamsResult {
  const fromLog = logConfig ? flattenParams(withoutInternal(logConfig)) : undefined;
  const fromYaml = yaml.state === 'ok' ? flattenParams(withoutInternal(yaml.value)) : undefined;
  if (fromLog && Object.keys(fromLog).length > 0) {
    return { params: fromLog, source: 'log', ...(fromYaml ? mismatchOf(fromLog, fromYaml) : {}) };
  }
  if (fromYaml) return { params: fromYaml, source: 'config.yaml' };
  return { params: {}, source: 'none' };
}

function mismatchOf(log: Record<string, string>, yaml: Record<string, string>): { mismatch?: string } {
  const differing: string[] = [];
  for (const key of new Set([...Object.keys(log), ...Object.keys(yaml)])) {
    const a = Object.hasOwn(log, key) ? log[key] : undefined;
    const b = Object.hasOwn(yaml, key) ? yaml[key] : undefined;
    if (a === b) continue;
    if (a === undefined) differing.push(`${key} (only in the file)`);
    else if (b === undefined) differing.push(`${key} (only in the log)`);
    else differing.push(`${key} (log ${JSON.stringify(a)}, file ${JSON.stringify(b)})`);
  }
  if (differing.length === 0) return {};
  differing.sort();
  const more = differing.length > SHOWN ? ` and ${differing.length - SHOWN} more` : '';
  return { mismatch: `differs from the log's config at ${differing.slice(0, SHOWN).join(', ')}${more}; the log's values are published` };
}

function withoutInternal(config: Nested): Nested {
  const out: Nested = {};
  for (const [key, value] of Object.entries(config)) {
    if (key !== INTERNAL) setOwn(out, key, value);
  }
  return out;
}
