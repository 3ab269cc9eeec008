/**
 * One transaction-log record's bytes → its kind and, for the kinds the reader publishes, the
 * decoded message (protobufjs, from the descriptor generated out of wandb's own .proto files).
 * The Record wrapper is walked field by field, so kinds that are only counted (console output,
 * telemetry, files…) are skipped without being decoded.
 */
import protobuf from 'protobufjs/light.js';
import { DECODED_KINDS, DESCRIPTOR, RECORD_KINDS } from './proto/descriptor.ts';

export type DecodedKind = keyof typeof DECODED_KINDS;

/** int64 fields arrive as Long objects (protobufjs uses the `long` package when present) or numbers. */
export type Int64 = number | { toNumber(): number };
export interface Timestamp {
  seconds?: Int64;
  nanos?: number;
}
/** History, summary, config and stats items: a key (or a nested key path) and its value as JSON text. */
export interface Item {
  key?: string;
  nested_key?: string[];
  value_json?: string;
}
export interface HistoryMessage {
  item: Item[];
  step?: { num?: Int64 };
}
export interface UpdateMessage {
  update: Item[];
  remove: Item[];
}
export interface StatsMessage {
  timestamp?: Timestamp;
  item: Item[];
}
export interface RunMessage {
  run_id: string;
  entity: string;
  project: string;
  config?: UpdateMessage;
  summary?: UpdateMessage;
  run_group: string;
  job_type: string;
  display_name: string;
  notes: string;
  tags: string[];
  sweep_id: string;
  host: string;
  start_time?: Timestamp;
  git?: { remote_url: string; commit: string };
}
export interface ExitMessage {
  exit_code: number;
  runtime: number;
  not_complete: boolean;
}

export interface Messages {
  history: HistoryMessage;
  summary: UpdateMessage;
  config: UpdateMessage;
  stats: StatsMessage;
  run: RunMessage;
  exit: ExitMessage;
  /** Kept as protobufjs decoded it: turned into metadata through its JSON field names (metadata.ts). */
  environment: protobuf.Message;
}

export type DecodedRecord = { [K in DecodedKind]: { kind: K; message: Messages[K] } }[DecodedKind];
/** A record's kind by name (`history`, `output`…, `unknown`), and its message when it is decoded. */
export interface WandbRecord {
  kind: string;
  decoded?: DecodedRecord;
}

const root = protobuf.Root.fromJSON(DESCRIPTOR);
const TYPES = Object.fromEntries(Object.entries(DECODED_KINDS).map(([kind, name]) => [kind, root.lookupType(name)])) as Record<DecodedKind, protobuf.Type>;
export const ENVIRONMENT_TYPE = TYPES.environment;

const LENGTH_DELIMITED = 2;

/**
 * The record's kind (`history`, `output`, …; `unknown` when it holds none this reader knows) and,
 * for decoded kinds, its message. Throws protobufjs's error when the bytes are not a Record.
 */
export function decodeRecord(bytes: Uint8Array): WandbRecord {
  const reader = protobuf.Reader.create(bytes);
  let found: WandbRecord = { kind: 'unknown' };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    const kind = RECORD_KINDS[field];
    if (kind === undefined || wireType !== LENGTH_DELIMITED) {
      reader.skipType(wireType);
      continue;
    }
    const length = reader.uint32();
    const type = TYPES[kind as DecodedKind] as protobuf.Type | undefined;
    if (type) found = { kind, decoded: { kind, message: type.decode(reader, length) } as DecodedRecord };
    else {
      reader.skip(length);
      found = { kind };
    }
  }
  return found;
}

export function int64(value: Int64 | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

/** A protobuf Timestamp as epoch ms, or undefined when unset. */
export function timestampMs(ts: Timestamp | undefined): number | undefined {
  if (!ts) return undefined;
  const seconds = int64(ts.seconds);
  const nanos = ts.nanos ?? 0;
  if (seconds === 0 && nanos === 0) return undefined;
  return seconds * 1000 + Math.round(nanos / 1e6);
}

/** An item's key: `key`, or the nested key path joined with `.` as nested params are. */
export function itemKey(item: Item): string {
  if (item.key) return item.key;
  const path = item.nested_key ?? [];
  // wandb-core writes every key as a one-part nested key.
  return path.length === 1 ? (path[0] as string) : path.join('.');
}
