/**
 * The framing of a W&B transaction log (`run-<id>.wandb`): a 7-byte header (`:W&B`, magic 0xBEE1
 * little-endian, version 0), then LevelDB-log blocks of 32 KiB holding chunks of
 * `crc32 (u32 LE) · length (u16 LE) · type (u8) · data`; FULL chunks hold a whole record,
 * FIRST/MIDDLE/LAST chunks one record spread over blocks. A chunk never crosses a block end; fewer
 * than 7 bytes left in a block are zero padding. The CRC is zlib's CRC-32 of the type byte followed
 * by the data (wandb/sdk/internal/datastore.py seeds zlib.crc32 with the type's CRC; wandb-core's
 * core/pkg/leveldb/record.go `CRCAlgoIEEE` checksums `buf[i-1:j]`: the same bytes).
 *
 * Two block alignments exist. Python writers and wandb-core from 0.17.6 count the file header as
 * the first 7 bytes of block 0 ("standard": blocks start at multiples of 32 KiB). wandb-core before
 * 0.17.6 wrote the header and then started its block writer behind it ("shifted": blocks start at
 * 7 + k·32 KiB; fixed in wandb commit 972e2a4, "include initial header in leveldb block"). The two
 * read alike until a chunk reaches a block end, so both stay candidates until a chunk rules one out.
 *
 * Defects, as wandb-core's reader treats them (core/internal/transactionlog/reader.go recovers by
 * skipping the rest of the block and waiting for the next FULL or FIRST chunk): a bad CRC, a chunk
 * longer than its block or an unknown chunk type skip to the next block; an all-zero chunk header
 * (a preallocated file) skips the rest of its block silently; MIDDLE/LAST chunks without a FIRST
 * are skipped. A file that ends inside a chunk or a record keeps every complete record before it.
 * Only one block-sized window and the record being assembled are in memory.
 */
import { crc32 } from 'node:zlib';
import { FileWindow } from './log-window.ts';

export const BLOCK_SIZE = 32 * 1024;
export const CHUNK_HEADER_SIZE = 7;
export const FILE_HEADER_SIZE = 7;
export const WANDB_IDENT = ':W&B';
export const WANDB_MAGIC = 0xbee1;
export const WANDB_VERSION = 0;
export const CHUNK = { full: 1, first: 2, middle: 3, last: 4 } as const;

export type Alignment = 'standard' | 'shifted';
/** Where blocks start: at multiples of BLOCK_SIZE, or 7 bytes later. */
const ORIGIN: Record<Alignment, number> = { standard: 0, shifted: FILE_HEADER_SIZE };

export interface LogRecord {
  /** File offset of the record's first chunk. */
  offset: number;
  /** The record's bytes; valid until the next record is asked for. */
  bytes: Uint8Array;
}

export interface LogDefect {
  kind: 'bad-crc' | 'chunk-too-long' | 'bad-chunk-type' | 'unfinished-record';
  offset: number;
}

export interface LogStats {
  size: number;
  chunks: number;
  records: number;
  /** The alignment the chunks proved, or the standard one when nothing told them apart. */
  alignment: Alignment;
  defects: LogDefect[];
  /** Chunks skipped because no FIRST chunk came before them (after a defect). */
  orphanChunks: number;
  zeroChunks: number;
  /** Set when the file ends inside a chunk or a record: where the unfinished part starts. */
  endedAt?: { offset: number; reason: string };
}

export type HeaderCheck = { ok: true } | { ok: false; message: string };

/** The file header, checked as wandb-core's `VerifyWandbHeader` checks it. */
export function checkHeader(head: Uint8Array): HeaderCheck {
  if (head.length < FILE_HEADER_SIZE) return { ok: false, message: `${head.length} bytes, too short for a W&B log header` };
  const ident = Buffer.from(head.subarray(0, 4)).toString('latin1');
  if (ident !== WANDB_IDENT) return { ok: false, message: `not a W&B log (starts with ${JSON.stringify(ident)}, expected ":W&B")` };
  const magic = (head[4] as number) | ((head[5] as number) << 8);
  if (magic !== WANDB_MAGIC) return { ok: false, message: `not a W&B log (header magic 0x${magic.toString(16)}, expected 0xbee1)` };
  if (head[6] !== WANDB_VERSION) return { ok: false, message: `W&B log version ${head[6]}, expected ${WANDB_VERSION}` };
  return { ok: true };
}

/** A log opened for reading: `check` first, then iterate `records()`, then read `stats`. */
export class WandbLog {
  readonly stats: LogStats;
  private readonly window: FileWindow;
  private candidates: Alignment[] = ['standard', 'shifted'];
  /** The record being assembled from FIRST/MIDDLE chunks, and where its first chunk is. */
  private parts: Buffer[] | undefined;
  private partsAt = 0;

  constructor(path: string) {
    this.window = new FileWindow(path, 2 * BLOCK_SIZE + 4 * CHUNK_HEADER_SIZE);
    this.stats = { size: this.window.size, chunks: 0, records: 0, alignment: 'standard', defects: [], orphanChunks: 0, zeroChunks: 0 };
  }

  check(): HeaderCheck {
    return checkHeader(this.window.view(0, FILE_HEADER_SIZE));
  }

  close(): void {
    this.window.close();
  }

  *records(): Generator<LogRecord> {
    let pos = FILE_HEADER_SIZE;
    for (;;) {
      pos = this.chunkStart(pos);
      const chunk = this.chunkAt(pos);
      if (chunk.kind === 'end') break;
      if (chunk.kind === 'skip') {
        pos = chunk.next;
        continue;
      }
      const record = this.assemble(chunk.type, chunk.data, pos);
      pos = chunk.next;
      if (record) yield record;
    }
    this.stats.alignment = this.candidates[0] as Alignment;
  }

  /** The chunk at `pos`, checked; or where to go on after a defect; or the end of the log. */
  private chunkAt(pos: number): { kind: 'chunk'; type: number; data: Buffer; next: number } | { kind: 'skip'; next: number } | { kind: 'end' } {
    const { size } = this.window;
    if (pos + CHUNK_HEADER_SIZE > size) {
      if (pos < size) this.stats.endedAt = { offset: pos, reason: `${size - pos} bytes of a chunk header` };
      else if (this.parts) this.stats.endedAt = { offset: this.partsAt, reason: 'a record without its last chunk' };
      return { kind: 'end' };
    }
    const head = this.window.view(pos, CHUNK_HEADER_SIZE);
    const checksum = head.readUInt32LE(0);
    const length = head.readUInt16LE(4);
    const type = head[6] as number;
    const end = pos + CHUNK_HEADER_SIZE + length;
    if (checksum === 0 && length === 0 && type === 0) {
      this.stats.zeroChunks += 1;
      this.parts = undefined;
      return { kind: 'skip', next: this.blockEnd(pos) };
    }
    const fitting = this.candidates.filter((a) => end <= blockEnd(a, pos));
    if (fitting.length === 0) return this.recover('chunk-too-long', pos);
    if (end > size) {
      this.stats.endedAt = { offset: pos, reason: `a chunk of ${length} bytes with ${size - pos - CHUNK_HEADER_SIZE} written` };
      return { kind: 'end' };
    }
    const chunk = this.window.view(pos + CHUNK_HEADER_SIZE - 1, length + 1);
    if (crc32(chunk) !== checksum) return this.recover('bad-crc', pos);
    if (type < CHUNK.full || type > CHUNK.last) return this.recover('bad-chunk-type', pos);
    this.candidates = fitting;
    this.stats.chunks += 1;
    return { kind: 'chunk', type, data: chunk.subarray(1), next: end };
  }

  /** Adds a chunk to the record being assembled; returns the record it completes. */
  private assemble(type: number, data: Buffer, pos: number): LogRecord | undefined {
    if (type === CHUNK.full || type === CHUNK.first) {
      if (this.parts) this.stats.defects.push({ kind: 'unfinished-record', offset: this.partsAt });
      this.parts = undefined;
      if (type === CHUNK.full) {
        this.stats.records += 1;
        return { offset: pos, bytes: data };
      }
      this.parts = [Buffer.from(data)];
      this.partsAt = pos;
      return undefined;
    }
    if (!this.parts) {
      this.stats.orphanChunks += 1;
      return undefined;
    }
    this.parts.push(Buffer.from(data));
    if (type === CHUNK.middle) return undefined;
    const record = { offset: this.partsAt, bytes: Buffer.concat(this.parts) };
    this.parts = undefined;
    this.stats.records += 1;
    return record;
  }

  /** A defect at `pos`: note it, drop the record being assembled, go on at the next block. */
  private recover(kind: LogDefect['kind'], pos: number): { kind: 'skip'; next: number } {
    this.stats.defects.push({ kind, offset: pos });
    this.parts = undefined;
    return { kind: 'skip', next: this.blockEnd(pos) };
  }

  private blockEnd(pos: number): number {
    return blockEnd(this.candidates[0] as Alignment, pos);
  }

  /**
   * Where the chunk after `pos` starts: `pos`, or the next block when fewer than 7 bytes are left
   * in this one. While both alignments are candidates and they disagree, the one whose position
   * holds a valid chunk wins.
   */
  private chunkStart(pos: number): number {
    const starts = this.candidates.map((a) => ({ a, at: blockEnd(a, pos) - pos < CHUNK_HEADER_SIZE ? blockEnd(a, pos) : pos }));
    const [first, second] = starts as [{ a: Alignment; at: number }, { a: Alignment; at: number } | undefined];
    if (!second || first.at === second.at) return first.at;
    // Hold everything both candidates may look at (a start ≤ 6 bytes on, a chunk ≤ one block).
    this.window.view(pos, BLOCK_SIZE + CHUNK_HEADER_SIZE);
    const valid = starts.filter((s) => this.validChunkAt(s.at, s.a) && this.zeros(pos, s.at));
    if (valid.length === 1) this.candidates = [(valid[0] as { a: Alignment }).a];
    return (valid[0] ?? first).at;
  }

  private validChunkAt(at: number, alignment: Alignment): boolean {
    if (at + CHUNK_HEADER_SIZE > this.window.size) return false;
    const head = this.window.view(at, CHUNK_HEADER_SIZE);
    const length = head.readUInt16LE(4);
    const type = head[6] as number;
    const end = at + CHUNK_HEADER_SIZE + length;
    if (type < CHUNK.full || type > CHUNK.last || end > blockEnd(alignment, at) || end > this.window.size) return false;
    return crc32(this.window.view(at + CHUNK_HEADER_SIZE - 1, length + 1)) === head.readUInt32LE(0);
  }

  private zeros(from: number, to: number): boolean {
    return to <= from || this.window.view(from, to - from).every((b) => b === 0);
  }
}

/** The end of the block holding `pos` under an alignment. */
function blockEnd(alignment: Alignment, pos: number): number {
  const origin = ORIGIN[alignment];
  return origin + (Math.floor((pos - origin) / BLOCK_SIZE) + 1) * BLOCK_SIZE;
}
