import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskedCrc32c } from '../../../../src/lib/read/tensorboard/crc32c.ts';
import { readRecords, startsWithRecord } from '../../../../src/lib/read/tensorboard/tfrecord.ts';
import { frameRecord } from '../../../../scripts/lib/write-tensorboard.ts';
import { tempDir } from '../../../support/tmp.ts';

function records(file: string, chunk?: number): { data: string[]; offsets: number[]; result: ReturnType<typeof readRecords> } {
  const data: string[] = [];
  const offsets: number[] = [];
  const result = readRecords(file, (bytes, offset) => (data.push(Buffer.from(bytes).toString('latin1')), offsets.push(offset)), chunk);
  return { data, offsets, result };
}

describe('readRecords(file, onRecord, chunkBytes)', () => {
  const payloads = ['a', '', 'x'.repeat(100), 'hello world', 'y'.repeat(3000)].map((s) => Buffer.from(s, 'latin1'));

  it.each([16, 17, 64, 1000, 1 << 20])('hands on every record, whole, with its offset, reading %i bytes at a time', (chunk) => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, Buffer.concat(payloads.map((p) => frameRecord(p))));
    const { data, offsets, result } = records(file, chunk);
    expect(data).toEqual(payloads.map((p) => p.toString('latin1')));
    expect(offsets).toEqual([0, 17, 33, 149, 176]);
    expect(result).toEqual({ records: 5, bytes: 3192 });
  });

  it('reads an empty file as no records, without a stop', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, '');
    expect(records(file).result).toEqual({ records: 0, bytes: 0 });
  });

  it.each([1, 11, 12, 13, 15])('stops as truncated at the last record cut after %i bytes, keeping the ones before', (cut) => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, Buffer.concat([frameRecord(Buffer.from('ok')), frameRecord(Buffer.from('cut'), { truncateTo: cut })]));
    const { data, result } = records(file, 16);
    expect(data).toEqual(['ok']);
    expect(result.stop).toEqual({ reason: 'truncated', offset: 18 });
  });

  it('stops at a length CRC that fails, at that record', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, Buffer.concat([frameRecord(Buffer.from('ok')), frameRecord(Buffer.from('bad'), 'length-crc'), frameRecord(Buffer.from('lost'))]));
    const { data, result } = records(file);
    expect(data).toEqual(['ok']);
    expect(result.stop).toEqual({ reason: 'bad-length-crc', offset: 18 });
  });

  it('does not allocate for a length past the end of the file: it is a truncation', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, Buffer.concat([withLength(0x7fff_0000), Buffer.alloc(100)]));
    expect(records(file).result.stop).toEqual({ reason: 'truncated', offset: 0 });
  });

  it('stops at a length no protocol buffer can have (over 2 GiB), even when its CRC holds', () => {
    const file = join(tempDir(), 'f');
    const header = Buffer.alloc(12);
    header.writeUInt32LE(0, 0);
    header.writeUInt32LE(1, 4);
    header.writeUInt32LE(maskedCrc32c(header, 0, 8), 8);
    writeFileSync(file, Buffer.concat([frameRecord(Buffer.from('ok')), header, Buffer.alloc(64)]));
    const { data, result } = records(file);
    expect(data).toEqual(['ok']);
    expect(result.stop).toEqual({ reason: 'too-large', offset: 18, length: 2 ** 32 });
  });

  it('hands on the data CRC stored after each record', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, Buffer.concat([frameRecord(Buffer.from('ok')), frameRecord(Buffer.from('bad'), 'data-crc')]));
    const crcs: number[] = [];
    readRecords(file, (_data, _offset, crc) => void crcs.push(crc));
    const good = frameRecord(Buffer.from('bad'));
    expect(crcs[1]).toBe((good.readUInt32LE(good.length - 4) ^ 1) >>> 0);
  });
});

describe('startsWithRecord(bytes)', () => {
  it('tells a TFRecord header from other bytes', () => {
    expect(startsWithRecord(frameRecord(Buffer.from('x')))).toBe(true);
    expect(startsWithRecord(Buffer.from('{"runs": []}'))).toBe(false);
    expect(startsWithRecord(frameRecord(Buffer.from('x'), 'length-crc'))).toBe(false);
    expect(startsWithRecord(Buffer.alloc(5))).toBe(false);
  });
});

/** A TFRecord header (length and its valid masked CRC) claiming `length` bytes of data. */
function withLength(length: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt32LE(length, 0);
  header.writeUInt32LE(maskedCrc32c(header, 0, 8), 8);
  return header;
}
