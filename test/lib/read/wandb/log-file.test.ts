import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, CHUNK, checkHeader, WandbLog, type Alignment } from '../../../../src/lib/read/wandb/log-file.ts';
import { frameLog, withBadCrc } from '../../../../scripts/lib/wandb-framing.ts';
import { tempDir } from '../../../support/tmp.ts';

/** Records of given sizes, each filled with its own index so a mix-up shows. */
function payloads(sizes: number[]): Buffer[] {
  return sizes.map((size, i) => Buffer.alloc(size, i + 1));
}

function readAll(bytes: Buffer): { records: { offset: number; bytes: Buffer }[]; log: WandbLog } {
  const file = join(tempDir(), 'run-x.wandb');
  writeFileSync(file, bytes);
  const log = new WandbLog(file);
  try {
    expect(log.check()).toEqual({ ok: true });
    // A record's bytes are only valid until the next one is read: copy them at once.
    const records: { offset: number; bytes: Buffer }[] = [];
    for (const r of log.records()) records.push({ offset: r.offset, bytes: Buffer.from(r.bytes) });
    return { records, log };
  } finally {
    log.close();
  }
}

describe('WandbLog.records()', () => {
  it.each<Alignment>(['standard', 'shifted'])('reads back every record of a %s log of several blocks, records spanning blocks included', (alignment) => {
    const sent = payloads([10, 40_000, 5, 100_000, 32_761, 0, 3, 70_000]);
    const framed = frameLog(sent, alignment);
    expect(framed.bytes.length).toBeGreaterThan(7 * BLOCK_SIZE);
    expect(framed.chunks.some((c) => c.type === CHUNK.middle)).toBe(true);
    const { records, log } = readAll(framed.bytes);
    expect(records.map((r) => r.bytes)).toEqual(sent);
    expect(records.map((r) => r.offset)).toEqual(framed.recordOffsets);
    expect(log.stats).toMatchObject({ alignment, chunks: framed.chunks.length, records: sent.length, defects: [], orphanChunks: 0 });
    expect(log.stats.endedAt).toBeUndefined();
  });

  it('tells the alignments apart by the first chunk that reaches a block end', () => {
    // A chunk ending 3 bytes short of 32 KiB: standard pads the rest, shifted starts a chunk there.
    const sent = payloads([BLOCK_SIZE - 7 - 7 - 3, 50]);
    for (const alignment of ['standard', 'shifted'] as const) {
      const { records, log } = readAll(frameLog(sent, alignment).bytes);
      expect(records.map((r) => r.bytes)).toEqual(sent);
      expect(log.stats.alignment).toBe(alignment);
    }
  });

  it('reads a log that never reaches a block end as standard (both alignments read it alike)', () => {
    const { records, log } = readAll(frameLog(payloads([100, 200]), 'shifted').bytes);
    expect(records).toHaveLength(2);
    expect(log.stats.alignment).toBe('standard');
  });

  it('writes a zero-length FIRST chunk when exactly 7 bytes are left, and reads across it', () => {
    const sent = payloads([BLOCK_SIZE - 7 - 7 - 7, 1000]);
    const framed = frameLog(sent);
    expect(framed.chunks[1]).toMatchObject({ type: CHUNK.first, length: 0 });
    expect(readAll(framed.bytes).records.map((r) => r.bytes)).toEqual(sent);
  });

  describe('when the log ends mid-record', () => {
    const sent = payloads([100, 200, 50_000]);
    const framed = frameLog(sent);

    it.each([
      ['inside a chunk header', framed.bytes.length - 50_000 + 32_000, /bytes of a chunk header|a chunk of/],
      ['inside a chunk', framed.bytes.length - 10, /a chunk of \d+ bytes with \d+ written/],
      ['after a FIRST chunk without its LAST', (framed.chunks.at(-1) as { offset: number }).offset, /a record without its last chunk/],
    ])('keeps every complete record when it ends %s, and says where', (_case, cut, reason) => {
      const { records, log } = readAll(framed.bytes.subarray(0, cut));
      expect(records.map((r) => r.bytes)).toEqual(sent.slice(0, 2));
      expect(log.stats.endedAt?.reason).toMatch(reason);
      expect(log.stats.endedAt?.offset).toBeLessThanOrEqual(cut);
      expect(log.stats.endedAt?.offset).toBeGreaterThanOrEqual(framed.recordOffsets[2] as number);
    });

    it('reports the killed-run tail as its header offset: 7 bytes announcing a chunk never written', () => {
      const extra = frameLog([...sent, Buffer.alloc(228, 9)]);
      const cut = (extra.chunks.at(-1) as { offset: number }).offset + 7;
      const { records, log } = readAll(extra.bytes.subarray(0, cut));
      expect(records).toHaveLength(3);
      expect(log.stats.endedAt).toEqual({ offset: cut - 7, reason: 'a chunk of 228 bytes with 0 written' });
    });
  });

  it('skips the rest of the block after a chunk with a bad CRC, and goes on from the next FIRST or FULL chunk', () => {
    // Block 0: records 0–2 (small); record 3 spans blocks 0–1; records 4, 5 in block 1.
    const sent = payloads([100, 100, 100, 40_000, 100, 100]);
    const framed = frameLog(sent);
    const { records, log } = readAll(withBadCrc(framed, 1));
    // Record 1 is bad; 2 and the first part of 3 are in the skipped rest of block 0; 3's LAST chunk is an orphan.
    expect(records.map((r) => r.bytes)).toEqual([sent[0], sent[4], sent[5]]);
    expect(log.stats.defects).toEqual([{ kind: 'bad-crc', offset: framed.chunks[1]?.offset }]);
    expect(log.stats.orphanChunks).toBe(1);
  });

  it('skips an all-zero block tail (a preallocated file) without a defect', () => {
    const framed = frameLog(payloads([100]));
    const { records, log } = readAll(Buffer.concat([framed.bytes, Buffer.alloc(5000)]));
    expect(records).toHaveLength(1);
    expect(log.stats).toMatchObject({ zeroChunks: 1, defects: [] });
  });

  it('drops a FIRST chunk followed by a FULL one, naming the unfinished record', () => {
    const framed = frameLog(payloads([100, 40_000, 100]));
    const first = framed.chunks[1] as { offset: number };
    const last = framed.chunks[2] as { offset: number; length: number };
    // Replace the LAST chunk by the FULL chunk of record 2 (the next one), written at its place.
    const full = framed.bytes.subarray((framed.chunks[3] as { offset: number }).offset);
    const bytes = Buffer.concat([framed.bytes.subarray(0, last.offset), full]);
    const { records, log } = readAll(bytes);
    expect(records).toHaveLength(2);
    expect(log.stats.defects).toEqual([{ kind: 'unfinished-record', offset: first.offset }]);
  });
});

describe('checkHeader(bytes)', () => {
  it('accepts ":W&B", magic 0xBEE1 and version 0', () => {
    expect(checkHeader(frameLog([]).bytes)).toEqual({ ok: true });
  });

  it.each([
    ['a short file', Buffer.from(':W&B'), /4 bytes, too short for a W&B log header/],
    ['another format', Buffer.from('PK\u0003\u0004abcdefgh'), /not a W&B log \(starts with "PK\\u0003\\u0004", expected ":W&B"\)/],
    ['a wrong magic', Buffer.from([0x3a, 0x57, 0x26, 0x42, 0x00, 0x00, 0x00]), /header magic 0x0, expected 0xbee1/],
    ['a newer version', Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x01]), /W&B log version 1, expected 0/],
  ])('names what is wrong with %s', (_name, bytes, message) => {
    const result = checkHeader(bytes);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});
