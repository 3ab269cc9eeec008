/**
 * Writes TensorBoard event files the way the usual writers do, for tests and the benchmark:
 * - `scalar` events as PyTorch's SummaryWriter.add_scalar writes them (`simple_value`, no
 *   metadata), or as TF 2's tf.summary.scalar (a rank-0 DT_FLOAT or DT_DOUBLE tensor in
 *   `float_val`/`double_val` or `tensor_content` bytes, "scalars" plugin metadata on the first
 *   value only when `metadata` says so);
 * - the hparams plugin's session start and end (torch.utils.tensorboard.summary.hparams);
 * - text (`add_text`: tag + "/text_summary", a DT_STRING tensor), histograms (`histo`), images, graphs;
 * - damaged records: a wrong data CRC, a wrong length CRC, a payload that is no Event, a tail cut
 *   mid-record.
 * Records are framed as TFRecords (length, masked CRC-32C of it, data, masked CRC-32C of data) and
 * written through a buffer, so a gigabyte file never sits in memory.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import protobuf from 'protobufjs';
import { maskedCrc32c } from '../../src/lib/read/tensorboard/crc32c.ts';
import { descriptor } from '../../src/lib/read/tensorboard/proto/descriptor.ts';

// The protos as the .proto files declare them, oneofs included: a oneof member is written even
// when it holds its default (a scalar of 0.0), as every TensorBoard writer does.
const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const EventType = root.lookupType('tensorboard.Event');
const HParamsPluginDataType = root.lookupType('tensorboard.hparams.HParamsPluginData');

/** How a scalar is written; `float_vector` is a rank-1 tensor of two copies, which is not a scalar. */
export type ScalarEncoding = 'simple_value' | 'float_val' | 'float_content' | 'double_val' | 'double_content' | 'float_vector';

export type TbEvent =
  | { kind: 'file_version'; wallTime: number; version?: string }
  | { kind: 'scalar'; tag: string; step: number; wallTime: number; value: number; encoding?: ScalarEncoding; metadata?: boolean }
  | { kind: 'hparams_start'; wallTime: number; hparams: Record<string, string | number | boolean> }
  | { kind: 'hparams_end'; wallTime: number; status: 'unknown' | 'success' | 'failure' | 'running' }
  | { kind: 'text'; tag: string; step: number; wallTime: number; text: string }
  | { kind: 'histogram'; tag: string; step: number; wallTime: number; buckets: number }
  | { kind: 'image'; tag: string; step: number; wallTime: number; bytes: Uint8Array }
  | { kind: 'graph'; wallTime: number; bytes: Uint8Array }
  | { kind: 'session_log'; wallTime: number; step: number; status: 'START' | 'STOP' | 'CHECKPOINT' };

/** How a record is damaged on purpose. */
export type Damage = 'data-crc' | 'length-crc' | 'not-an-event' | { truncateTo: number };

const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_STRING = 7;
const HPARAMS_STATUS = { unknown: 0, success: 1, failure: 2, running: 3 } as const;
const SESSION_STATUS = { START: 1, STOP: 2, CHECKPOINT: 3 } as const;

export function encodeEvent(event: TbEvent): Uint8Array {
  return EventType.encode(EventType.fromObject(eventObject(event))).finish();
}

function eventObject(event: TbEvent): Record<string, unknown> {
  const base = { wall_time: event.wallTime, step: 'step' in event ? event.step : 0 };
  switch (event.kind) {
    case 'file_version':
      return { ...base, file_version: event.version ?? 'brain.Event:2' };
    case 'scalar':
      return { ...base, summary: { value: [scalarValue(event)] } };
    case 'hparams_start':
      return { ...base, summary: { value: [hparamsValue('_hparams_/session_start_info', { session_start_info: { hparams: protobufValues(event.hparams) } })] } };
    case 'hparams_end':
      return { ...base, summary: { value: [hparamsValue('_hparams_/session_end_info', { session_end_info: { status: HPARAMS_STATUS[event.status] } })] } };
    case 'text':
      return { ...base, summary: { value: [{ tag: `${event.tag}/text_summary`, metadata: plugin('text'), tensor: { dtype: DT_STRING, tensor_shape: { dim: [{ size: 1 }] }, string_val: [Buffer.from(event.text)] } }] } };
    case 'histogram':
      return { ...base, summary: { value: [{ tag: event.tag, histo: histogram(event.buckets, event.step) }] } };
    case 'image':
      return { ...base, summary: { value: [{ tag: event.tag, image: { height: 1, width: event.bytes.length, colorspace: 1, encoded_image_string: event.bytes } }] } };
    case 'graph':
      return { ...base, graph_def: event.bytes };
    case 'session_log':
      return { ...base, session_log: { status: SESSION_STATUS[event.status] } };
  }
}

function scalarValue(event: Extract<TbEvent, { kind: 'scalar' }>): Record<string, unknown> {
  const encoding = event.encoding ?? 'simple_value';
  if (encoding === 'simple_value') return { tag: event.tag, simple_value: event.value };
  const double = encoding.startsWith('double');
  const tensor: Record<string, unknown> = { dtype: double ? DT_DOUBLE : DT_FLOAT, tensor_shape: {} };
  if (encoding === 'float_val') tensor.float_val = [event.value];
  else if (encoding === 'float_vector') Object.assign(tensor, { float_val: [event.value, event.value], tensor_shape: { dim: [{ size: 2 }] } });
  else if (encoding === 'double_val') tensor.double_val = [event.value];
  else {
    const bytes = Buffer.alloc(double ? 8 : 4);
    if (double) bytes.writeDoubleLE(event.value);
    else bytes.writeFloatLE(event.value);
    tensor.tensor_content = bytes;
  }
  return { tag: event.tag, tensor, ...(event.metadata === false ? {} : { metadata: plugin('scalars') }) };
}

function plugin(name: string, content?: Uint8Array): Record<string, unknown> {
  return { plugin_data: { plugin_name: name, ...(content ? { content } : {}) } };
}

function hparamsValue(tag: string, data: Record<string, unknown>): Record<string, unknown> {
  const content = HParamsPluginDataType.encode(HParamsPluginDataType.fromObject({ version: 0, ...data })).finish();
  return { tag, metadata: plugin('hparams', content) };
}

/** google.protobuf.Value objects (protobufjs spells struct.proto's fields in camelCase). */
function protobufValues(hparams: Record<string, string | number | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hparams)) {
    out[key] = typeof value === 'number' ? { numberValue: value } : typeof value === 'boolean' ? { boolValue: value } : { stringValue: value };
  }
  return out;
}

function histogram(buckets: number, seed: number): Record<string, unknown> {
  const limits = Array.from({ length: buckets }, (_, i) => -1 + (2 * (i + 1)) / buckets);
  const counts = Array.from({ length: buckets }, (_, i) => ((i * 7 + seed) % 13) + 1);
  return { min: -1, max: 1, num: counts.reduce((a, b) => a + b, 0), sum: 0, sum_squares: buckets, bucket_limit: limits, bucket: counts };
}

/** One TFRecord: `data` framed, with the damage asked for. */
export function frameRecord(data: Uint8Array, damage?: Damage): Buffer {
  const payload = damage === 'not-an-event' ? Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]) : data;
  const record = Buffer.alloc(12 + payload.length + 4);
  record.writeUInt32LE(payload.length % 2 ** 32, 0);
  record.writeUInt32LE(Math.floor(payload.length / 2 ** 32), 4);
  record.writeUInt32LE((maskedCrc32c(record, 0, 8) ^ (damage === 'length-crc' ? 1 : 0)) >>> 0, 8);
  record.set(payload, 12);
  record.writeUInt32LE((maskedCrc32c(payload) ^ (damage === 'data-crc' ? 1 : 0)) >>> 0, 12 + payload.length);
  return typeof damage === 'object' ? record.subarray(0, damage.truncateTo) : record;
}

/** Writes records to one event file through a buffer; `close()` flushes. */
export class EventFileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(4 << 20);
  private used = 0;
  bytes = 0;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  add(event: TbEvent, damage?: Damage): this {
    return this.raw(frameRecord(encodeEvent(event), damage));
  }

  /** Any bytes, as they are (a file that is not an event file at all). */
  raw(bytes: Uint8Array): this {
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) writeSync(this.fd, bytes);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.bytes += bytes.length;
    return this;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}

/** An event file of `events` (each with an optional damage), starting with the usual file_version event. */
export function writeEventFile(path: string, events: (TbEvent | [TbEvent, Damage])[], firstWallTime = 1_700_000_000): number {
  const writer = new EventFileWriter(path).add({ kind: 'file_version', wallTime: firstWallTime });
  for (const item of events) {
    if (Array.isArray(item)) writer.add(item[0], item[1]);
    else writer.add(item);
  }
  writer.close();
  return writer.bytes;
}

/**
 * A long training run's event file of about `targetBytes`, the mix a large real log has: per
 * 1,000 steps, 4 PyTorch scalars every 10 steps, 2 TF 2 tensor scalars every 100 steps, 8
 * histograms of 64 buckets and 2 images of 240 KB (images and histograms are most of the bytes
 * of any large event file). Deterministic. Returns the file's size and its scalar points.
 */
export function writeBenchEventFile(path: string, targetBytes: number): { bytes: number; points: number; steps: number } {
  const writer = new EventFileWriter(path).add({ kind: 'file_version', wallTime: 1_700_000_000 });
  const image = new Uint8Array(240 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  let points = 0;
  let step = 0;
  for (; writer.bytes < targetBytes; step += 1000) {
    for (let s = step; s < step + 1000; s += 10) {
      const wallTime = 1_700_000_000 + s * 0.05;
      for (const tag of ['train/loss', 'train/accuracy', 'lr', 'grad_norm']) writer.add({ kind: 'scalar', tag, step: s, wallTime, value: Math.cos(s / 1e4) + tag.length / 10 });
      points += 4;
      if (s % 100 === 0) {
        for (const tag of ['val/loss', 'val/accuracy']) writer.add({ kind: 'scalar', tag, step: s, wallTime, value: Math.sin(s / 1e4), encoding: 'float_content', metadata: s === 0 });
        points += 2;
      }
    }
    const wallTime = 1_700_000_000 + step * 0.05;
    for (let layer = 0; layer < 8; layer++) writer.add({ kind: 'histogram', tag: `weights/layer_${layer}`, step, wallTime, buckets: 64 });
    for (const tag of ['samples/input', 'samples/output']) {
      image[0] = step & 0xff;
      writer.add({ kind: 'image', tag, step, wallTime, bytes: image });
    }
  }
  writer.close();
  return { bytes: writer.bytes, points, steps: step };
}
