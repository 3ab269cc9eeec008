/**
 * The TensorBoard protobuf types the reader decodes, from the vendored .proto files (see
 * proto/UPSTREAM.md) as protobufjs's JSON descriptor (proto/descriptor.ts), and the shapes protobufjs gives
 * their decoded messages (field names as in the .proto files).
 */
import protobuf from 'protobufjs';
import { descriptor } from './proto/descriptor.ts';

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
plainOneofs(root);

export const EventType = root.lookupType('tensorboard.Event');
export const HParamsPluginDataType = root.lookupType('tensorboard.hparams.HParamsPluginData');

/**
 * protobufjs gives every `oneof` group a virtual property whose setter its decoder calls for each
 * value read, deleting the group's other fields (a seventh of the reading time on scalar-heavy
 * files), and whose getter lists the message's keys. A prototype in front of protobufjs's own,
 * with a plain property of that name, shadows the accessor: what the decoder writes there — the
 * name of the field that is set — becomes an own property of the message, at the cost of an
 * assignment. (protobufjs defines the accessors non-configurable, so they cannot be replaced.)
 */
function plainOneofs(namespace: protobuf.NamespaceBase): void {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type && nested.oneofsArray.length > 0) {
      const ctor = nested.ctor;
      const plain = Object.create(ctor.prototype) as object;
      for (const oneof of nested.oneofsArray) Object.defineProperty(plain, oneof.name, { value: undefined, writable: true });
      ctor.prototype = plain as protobuf.Message;
    }
    if (nested instanceof protobuf.Namespace) plainOneofs(nested);
  }
}

/** protobufjs decodes int64 fields as Long objects (the `long` package is installed with it). */
export type Int64 = number | protobuf.Long;

export function int64(value: Int64 | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  return (value.unsigned ? value.high >>> 0 : value.high) * 2 ** 32 + (value.low >>> 0);
}

export interface EventMessage {
  wall_time: number;
  step: Int64;
  /** Which field of the `oneof what` is set. */
  what?: 'file_version' | 'graph_def' | 'summary' | 'log_message' | 'session_log' | 'tagged_run_metadata' | 'meta_graph_def';
  file_version?: string;
  summary?: { value: SummaryValueMessage[] } | null;
  session_log?: { status: number } | null;
}

export interface SummaryValueMessage {
  tag: string;
  metadata?: SummaryMetadataMessage | null;
  /** Which field of the `oneof value` is set. */
  value?: 'simple_value' | 'obsolete_old_style_histogram' | 'image' | 'histo' | 'audio' | 'tensor';
  simple_value?: number;
  tensor?: TensorMessage | null;
}


export interface SummaryMetadataMessage {
  plugin_data?: { plugin_name: string; content: Uint8Array } | null;
  /** DataClass: 0 unknown, 1 scalar, 2 tensor, 3 blob sequence. */
  data_class: number;
}

export interface TensorMessage {
  dtype: number;
  tensor_shape?: { dim: unknown[] } | null;
  tensor_content: Uint8Array;
  float_val: number[];
  double_val: number[];
  string_val: Uint8Array[];
}

/** tensorboard.DataType values the reader needs (types.proto). */
export const DT = { float: 1, double: 2, string: 7 } as const;

/** SummaryMetadata.data_class (summary.proto). */
export const DATA_CLASS_SCALAR = 1;

export interface HParamsPluginDataMessage {
  data?: 'experiment' | 'session_start_info' | 'session_end_info';
  session_start_info?: { hparams: Record<string, ValueMessage> } | null;
  /** Status: 0 unknown, 1 success, 2 failure, 3 running (api.proto). */
  session_end_info?: { status: number } | null;
}

/** google.protobuf.Value: protobufjs bundles struct.proto with camelCase field names. */
export interface ValueMessage {
  kind?: 'nullValue' | 'numberValue' | 'stringValue' | 'boolValue' | 'structValue' | 'listValue';
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: { fields: Record<string, ValueMessage> } | null;
  listValue?: { values: ValueMessage[] } | null;
}

/** A google.protobuf.Value as the plain value it stands for. */
export function plainValue(value: ValueMessage): unknown {
  switch (value.kind) {
    case 'numberValue':
      return value.numberValue;
    case 'stringValue':
      return value.stringValue;
    case 'boolValue':
      return value.boolValue;
    case 'structValue':
      return Object.fromEntries(Object.entries(value.structValue?.fields ?? {}).map(([k, v]) => [k, plainValue(v)]));
    case 'listValue':
      return (value.listValue?.values ?? []).map(plainValue);
    default:
      return null;
  }
}
