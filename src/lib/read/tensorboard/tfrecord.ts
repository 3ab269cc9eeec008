/**
 * TFRecord framing, read as a stream: the file is read in chunks into one reused buffer and each
 * record is handed on as soon as it is complete, so memory stays at one chunk (or one record,
 * when a record is larger) whatever the file's size. Format (TensorFlow record_writer.cc):
 *
 *   uint64 length (little-endian) · uint32 masked CRC-32C of those 8 bytes · data[length] · uint32 masked CRC-32C of data
 *
 * The length CRC is checked here: when it fails the framing is lost and reading ends. The data
 * CRC is handed to the caller with the record, which decides when to check it (see event-file.ts).
 * A file that ends inside a record keeps every record before it, as TensorBoard does when a
 * writer is still running or was killed.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { maskedCrc32c } from './crc32c.ts';

const HEADER = 12;
const FOOTER = 4;
/** Bytes read per call: large enough that system calls cost nothing next to decoding. */
export const CHUNK_BYTES = 4 << 20;
/** Protocol buffers cannot exceed 2 GiB; a longer length field is not a record. */
const MAX_RECORD = 2 ** 31 - 1;

export type FramingStop =
  | { reason: 'truncated'; offset: number }
  | { reason: 'bad-length-crc'; offset: number }
  | { reason: 'too-large'; offset: number; length: number };

export interface FramingResult {
  records: number;
  /** The file's size. */
  bytes: number;
  /** Why reading ended before the end of the file, if it did. */
  stop?: FramingStop;
}

/**
 * A complete record: `data` is a view into the reader's buffer, valid only during the call;
 * `offset` is where the record starts in the file; `crc` the masked CRC-32C stored after the data.
 */
export type OnRecord = (data: Buffer, offset: number, crc: number) => void;

export function readRecords(file: string, onRecord: OnRecord, chunkBytes = CHUNK_BYTES): FramingResult {
  const fd = openSync(file, 'r');
  try {
    return new RecordStream(fd, fstatSync(fd).size, chunkBytes).run(onRecord);
  } finally {
    closeSync(fd);
  }
}

/** True when `bytes` start with a TFRecord header whose length CRC holds. */
export function startsWithRecord(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER && maskedCrc32c(bytes, 0, 8) === readUint32(bytes, 8);
}

class RecordStream {
  /** The reused chunk buffer. */
  private readonly chunk: Buffer;
  /** The chunk, or for a record larger than it a buffer of that record's size. */
  private buffer: Buffer;
  /** File offset of buffer[0]. */
  private base = 0;
  /** Valid bytes in the buffer. */
  private filled = 0;
  /** Read position in the buffer. */
  private pos = 0;
  private readonly fd: number;
  /** The file's size when opened: bytes a writer appends later are not read. */
  private readonly size: number;

  constructor(fd: number, size: number, chunkBytes: number) {
    this.fd = fd;
    this.size = size;
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    this.buffer = this.chunk;
  }

  run(onRecord: OnRecord): FramingResult {
    let records = 0;
    for (;;) {
      const offset = this.base + this.pos;
      if (!this.ensure(HEADER)) return this.result(records, offset < this.size ? { reason: 'truncated', offset } : undefined);
      const buf = this.buffer;
      const length = buf.readUInt32LE(this.pos) + buf.readUInt32LE(this.pos + 4) * 2 ** 32;
      if (maskedCrc32c(buf, this.pos, this.pos + 8) !== buf.readUInt32LE(this.pos + 8)) return this.result(records, { reason: 'bad-length-crc', offset });
      if (length > MAX_RECORD) return this.result(records, { reason: 'too-large', offset, length });
      if (!this.ensure(HEADER + length + FOOTER)) return this.result(records, { reason: 'truncated', offset });
      const start = this.pos + HEADER;
      onRecord(this.buffer.subarray(start, start + length), offset, this.buffer.readUInt32LE(start + length));
      this.pos = start + length + FOOTER;
      records += 1;
    }
  }

  private result(records: number, stop: FramingStop | undefined): FramingResult {
    return { records, bytes: this.size, ...(stop ? { stop } : {}) };
  }

  /**
   * Makes `n` bytes from `pos` available in the buffer; false when the file ends first (checked
   * against the size before anything is allocated, so a corrupt length cannot claim gigabytes).
   */
  private ensure(n: number): boolean {
    if (this.filled - this.pos >= n) return true;
    if (this.base + this.pos + n > this.size) return false;
    this.moveTo(n > this.chunk.length ? Buffer.allocUnsafe(n) : this.chunk);
    while (this.filled - this.pos < n) {
      const read = readSync(this.fd, this.buffer, this.filled, Math.min(this.buffer.length - this.filled, this.size - this.base - this.filled), this.base + this.filled);
      if (read === 0) return false;
      this.filled += read;
    }
    return true;
  }

  /** Moves the unread bytes to the front of `target` (the chunk, or a buffer for one large record). */
  private moveTo(target: Buffer): void {
    this.buffer.copy(target, 0, this.pos, this.filled);
    this.base += this.pos;
    this.filled -= this.pos;
    this.pos = 0;
    this.buffer = target;
  }
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}
