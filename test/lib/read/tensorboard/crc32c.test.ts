import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32c, maskedCrc32c } from '../../../../src/lib/read/tensorboard/crc32c.ts';
import { FIXTURES } from '../../../support/fixtures.ts';

describe('crc32c(bytes)', () => {
  it.each([
    ['"123456789"', Buffer.from('123456789'), 0xe3069283],
    ['32 zero bytes (RFC 3720 B.4)', Buffer.alloc(32), 0x8a9136aa],
    ['32 0xff bytes (RFC 3720 B.4)', Buffer.alloc(32, 0xff), 0x62a8ab43],
    ['32 ascending bytes (RFC 3720 B.4)', Buffer.from(Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e],
    ['no bytes', Buffer.alloc(0), 0],
  ])('gives the check value for %s', (_name, bytes, crc) => {
    expect(crc32c(bytes)).toBe(crc);
  });

  it('gives the same result over any sub-range, of any view, as the bit-at-a-time definition', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37) % 256));
    const views = [bytes, bytes.subarray(5), new Uint8Array(bytes.buffer.slice(0), bytes.byteOffset + 1, 99)];
    for (const view of views) {
      for (const [start, end] of [[0, 94], [3, 50], [7, 8], [1, 93], [13, 13], [0, 16], [2, 35]] as const) {
        expect(crc32c(view, start, end)).toBe(bitwise(view.subarray(start, end)));
      }
    }
  });

  it('gives the definition\'s result on long ranges too, where the two halves are computed apart and joined', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 2654435761) >>> 24));
    for (const [start, end] of [[0, 20_000], [3, 19_999], [1, 2049], [5, 2052], [7, 2054], [100, 4200], [11, 9_876]] as const) {
      expect(crc32c(bytes, start, end)).toBe(bitwise(bytes.subarray(start, end)));
    }
  });
});

/** CRC-32C one bit at a time, straight from the definition. */
function bitwise(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('maskedCrc32c(bytes)', () => {
  it('matches the length and data CRCs stored in a real event file', () => {
    const file = readFileSync(join(FIXTURES, 'trackers/tensorboard/tf2-katib/logs/train/events.out.tfevents.1637681485.2d662933d616.19.0.v2'));
    const length = Number(file.readBigUInt64LE(0));
    expect(maskedCrc32c(file, 0, 8)).toBe(file.readUInt32LE(8));
    expect(maskedCrc32c(file, 12, 12 + length)).toBe(file.readUInt32LE(12 + length));
  });
});
