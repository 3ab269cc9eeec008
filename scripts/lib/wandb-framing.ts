/**
 * Writes W&B transaction logs as wandb's writers frame them: the 7-byte header, then each record
 * as one FULL chunk or FIRST/MIDDLE…/LAST chunks, never across a block end, zero padding when
 * fewer than 7 bytes are left in a block (wandb/sdk/internal/datastore.py `_write_data`,
 * core/pkg/leveldb/record.go `Writer`). `alignment: 'shifted'` starts blocks 7 bytes late, as
 * wandb-core before 0.17.6 did. Records are encoded with the full vendored wandb protos, not the
 * reader's trimmed descriptor, so tests check one against the other.
 */
import { crc32 } from 'node:zlib';
import type protobuf from 'protobufjs';
import { BLOCK_SIZE, CHUNK, CHUNK_HEADER_SIZE, FILE_HEADER_SIZE, WANDB_IDENT, WANDB_MAGIC, WANDB_VERSION, type Alignment } from '../../src/lib/read/wandb/log-file.ts';
import { loadWandbProtos } from './wandb-proto.ts';

export interface ChunkInfo {
  offset: number;
  type: number;
  length: number;
}

export interface FramedLog {
  bytes: Buffer;
  chunks: ChunkInfo[];
  /** Offset of each record's first chunk. */
  recordOffsets: number[];
}

export function frameLog(records: readonly Uint8Array[], alignment: Alignment = 'standard'): FramedLog {
  const origin = alignment === 'standard' ? 0 : FILE_HEADER_SIZE;
  const parts: Buffer[] = [fileHeader()];
  const chunks: ChunkInfo[] = [];
  const recordOffsets: number[] = [];
  let pos = FILE_HEADER_SIZE;
  const blockLeft = () => origin + (Math.floor((pos - origin) / BLOCK_SIZE) + 1) * BLOCK_SIZE - pos;
  for (const record of records) {
    let data = Buffer.from(record);
    let first = true;
    for (;;) {
      const left = blockLeft();
      if (left < CHUNK_HEADER_SIZE) {
        parts.push(Buffer.alloc(left));
        pos += left;
        continue;
      }
      if (first) recordOffsets.push(pos);
      const room = left - CHUNK_HEADER_SIZE;
      const last = data.length <= room;
      const type = last ? (first ? CHUNK.full : CHUNK.last) : first ? CHUNK.first : CHUNK.middle;
      const piece = last ? data : data.subarray(0, room);
      parts.push(chunk(type, piece));
      chunks.push({ offset: pos, type, length: piece.length });
      pos += CHUNK_HEADER_SIZE + piece.length;
      if (last) break;
      data = data.subarray(room);
      first = false;
    }
  }
  return { bytes: Buffer.concat(parts), chunks, recordOffsets };
}

function fileHeader(): Buffer {
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  header.write(WANDB_IDENT, 0, 'latin1');
  header.writeUInt16LE(WANDB_MAGIC, 4);
  header.writeUInt8(WANDB_VERSION, 6);
  return header;
}

function chunk(type: number, data: Buffer): Buffer {
  const out = Buffer.alloc(CHUNK_HEADER_SIZE + data.length);
  out.writeUInt8(type, 6);
  data.copy(out, CHUNK_HEADER_SIZE);
  out.writeUInt16LE(data.length, 4);
  out.writeUInt32LE(crc32(out.subarray(6)), 0);
  return out;
}

/** A copy of `log` with one byte of a chunk's data flipped: its CRC no longer matches. */
export function withBadCrc(log: FramedLog, chunkIndex: number): Buffer {
  const target = log.chunks[chunkIndex];
  if (!target || target.length === 0) throw new Error(`chunk ${chunkIndex} has no data to corrupt`);
  const bytes = Buffer.from(log.bytes);
  const at = target.offset + CHUNK_HEADER_SIZE;
  bytes[at] = (bytes[at] as number) ^ 0xff;
  return bytes;
}

let recordType: protobuf.Type | undefined;

/** A `wandb_internal.Record`, given as protobufjs's object form (`{ history: { item: […] } }`). */
export function encodeRecord(record: Record<string, unknown>): Uint8Array {
  recordType ??= loadWandbProtos().lookupType('wandb_internal.Record');
  const problem = recordType.verify(record);
  if (problem) throw new Error(`not a wandb Record: ${problem}`);
  return recordType.encode(recordType.fromObject(record)).finish();
}
