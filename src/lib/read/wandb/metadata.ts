/**
 * A run's metadata (host, user, e-mail, program, code path, root folder, arguments, OS, Python,
 * GPUs…) → tags `wandb.meta.<key>`, keys spelled as `files/wandb-metadata.json` spells them
 * (nested keys joined with `.`: `wandb.meta.git.commit`, lists as JSON text).
 *
 * Sources, first one wins per key: `files/wandb-metadata.json` (every writer), then wandb-core's
 * environment records (one or more per writer; wandb-core writes wandb-metadata.json from them with
 * protojson, so their JSON names are the file's keys), then the run record's host and git remote.
 * Empty and null values are left out. The values are personal (e-mail addresses, host names, home
 * paths): the redaction step masks them before anything is published.
 */
import type protobuf from 'protobufjs/light.js';
import { flattenParams } from '../flatten.ts';
import type { RunMessage } from './records.ts';
import { setOwn } from '../../order.ts';
import type { Nested } from './updates.ts';

export const META_PREFIX = 'wandb.meta';

export function metadataTags(fromFile: Nested | undefined, environments: readonly Nested[], run: RunMessage | undefined): Record<string, string> {
  const merged: Nested = {};
  const fill = (source: Nested) => {
    for (const [key, value] of Object.entries(source)) {
      if (Object.hasOwn(merged, key) || value === null || value === undefined || value === '') continue;
      setOwn<unknown>(merged, key, value);
    }
  };
  if (fromFile) fill(fromFile);
  for (const environment of environments) fill(environment);
  const fromRun: Nested = {};
  if (run?.host) fromRun.host = run.host;
  if (run?.git?.remote_url || run?.git?.commit) fromRun.git = { ...(run.git.remote_url ? { remote: run.git.remote_url } : {}), ...(run.git.commit ? { commit: run.git.commit } : {}) };
  fill(fromRun);
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(flattenParams(withoutEmpty(merged), META_PREFIX))) tags[key] = value;
  return tags;
}

/** An environment record as wandb-metadata.json holds it: protojson's names and spellings. */
export function environmentMetadata(type: protobuf.Type, message: protobuf.Message): Nested {
  return protoJson(type, message as unknown as Record<string, unknown>);
}

function protoJson(type: protobuf.Type, message: Record<string, unknown>): Nested {
  const out: Nested = {};
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    if (!isSet(value) || field.name === '_info') continue;
    const name = (field.options?.json_name as string | undefined) ?? lowerCamel(field.name);
    const convert = (v: unknown) => protoJsonValue(field, v);
    if (field.map) out[name] = Object.fromEntries(Object.entries(value as Nested).map(([k, v]) => [k, convert(v)]));
    else if (field.repeated) out[name] = (value as unknown[]).map(convert);
    else out[name] = convert(value);
  }
  return out;
}

function protoJsonValue(field: protobuf.Field, value: unknown): unknown {
  const resolved = field.resolvedType as protobuf.Type | protobuf.Enum | null;
  if (resolved && 'fieldsArray' in resolved) {
    if (resolved.fullName === '.google.protobuf.Timestamp') return rfc3339(value as { seconds?: unknown; nanos?: number });
    return protoJson(resolved, value as Record<string, unknown>);
  }
  // protojson spells 64-bit integers as strings (protobufjs gives a Long or a number).
  return INT64_TYPES.has(field.type) ? String(value) : value;
}

/** protojson's Timestamp: UTC, with 0, 3, 6 or 9 fraction digits. */
function rfc3339(ts: { seconds?: unknown; nanos?: number }): string {
  const seconds = Number(ts.seconds ?? 0);
  const nanos = ts.nanos ?? 0;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${base}.${fraction}Z`;
}

const INT64_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

function lowerCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether a decoded proto3 field holds more than its default (protojson leaves defaults out). */
function isSet(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber() !== 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Drops null and empty leaves, so `"email": null` becomes no tag rather than `null`. */
function withoutEmpty(value: Nested): Nested {
  const out: Nested = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === '' || child === undefined) continue;
    if (typeof child === 'object' && !Array.isArray(child)) {
      const inner = withoutEmpty(child as Nested);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = child;
  }
  return out;
}
