/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and TFRecord's masked form of it, which
 * TensorFlow's record_writer.cc (and TensorBoard's data/server/masked_crc.rs) define as
 * `((crc >>> 15) | (crc << 17)) + 0xa282ead8`, modulo 2^32.
 *
 * Checking every record's CRC is most of the reader's time on large files, and Node has no
 * CRC-32C of its own (zlib.crc32 is the other polynomial), so this one is built for speed:
 * slicing-by-16 (sixteen table lookups per 16 bytes, read as four little-endian words through a
 * DataView), and from 1 KiB on the two halves of the data in one loop as two independent chains
 * the processor overlaps, joined with zlib's crc32_combine method: about 2.5 GB/s in V8 here,
 * against 1.6 GB/s for one chain and 0.4 GB/s byte by byte.
 */
const POLY = 0x82f63b78;
const MASK_DELTA = 0xa282ead8;
/** 16-byte blocks from which two chains pay for joining them. */
const TWO_CHAINS = 64;

const TABLE = buildTable();
/** X2N[k] = x^(2^k) modulo the polynomial, for crc32_combine. */
const X2N = buildX2n();

function buildTable(): Int32Array {
  const table = new Int32Array(16 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    table[i] = c;
  }
  for (let i = 0; i < 256; i++) {
    for (let t = 1; t < 16; t++) {
      const prev = table[(t - 1) * 256 + i] as number;
      table[t * 256 + i] = (prev >>> 8) ^ (table[prev & 0xff] as number);
    }
  }
  return table;
}

function buildX2n(): number[] {
  const x2n = [1 << 30];
  for (let k = 1; k < 32; k++) x2n.push(multModP(x2n[k - 1] as number, x2n[k - 1] as number));
  return x2n;
}

/** a·b modulo the polynomial, both reflected (zlib crc32.c multmodp). */
function multModP(a: number, b: number): number {
  let m = 1 << 31;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** The CRC of A followed by B from crc(A), crc(B) and B's length in bytes (zlib crc32_combine). */
function combine(crcA: number, crcB: number, lengthB: number): number {
  let p = 1 << 31;
  for (let n = lengthB, k = 3; n > 0; n >>>= 1, k++) if (n & 1) p = multModP(X2N[k & 31] as number, p);
  return (multModP(p, crcA) ^ crcB) >>> 0;
}

/** One view per underlying buffer: the reader checks thousands of records of the same chunk buffer. */
let viewed: ArrayBufferLike | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));

/** CRC-32C of `bytes[start, end)`. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (bytes.buffer !== viewed) {
    viewed = bytes.buffer;
    view = new DataView(bytes.buffer as ArrayBuffer);
  }
  const base = bytes.byteOffset;
  let c = ~0;
  let i = start;
  const blocks = (end - start) >>> 4;
  if (blocks >= 2 * TWO_CHAINS) {
    const half = blocks >>> 1;
    c = ~twoChains(view, base + i, half);
    i += half * 32;
  }
  const whole = ((end - i) >>> 4) << 4;
  c = oneChain(view, base + i, base + i + whole, c);
  i += whole;
  const t = TABLE;
  for (; i < end; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** The running CRC `c` carried over the 16-byte blocks of [at, end) of the view. */
function oneChain(v: DataView, at: number, end: number, c: number): number {
  for (; at < end; at += 16) c = fold16(c ^ v.getInt32(at, true), v.getInt32(at + 4, true), v.getInt32(at + 8, true), v.getInt32(at + 12, true));
  return c;
}

/** CRC-32C of the 2·blocks 16-byte blocks at `at`: both halves at once, then joined. */
function twoChains(v: DataView, at: number, blocks: number): number {
  let a = ~0;
  let z = ~0;
  for (let p = at, q = at + blocks * 16, end = q; p < end; p += 16, q += 16) {
    a = fold16(a ^ v.getInt32(p, true), v.getInt32(p + 4, true), v.getInt32(p + 8, true), v.getInt32(p + 12, true));
    z = fold16(z ^ v.getInt32(q, true), v.getInt32(q + 4, true), v.getInt32(q + 8, true), v.getInt32(q + 12, true));
  }
  return combine(~a >>> 0, ~z >>> 0, blocks * 16);
}

/** The CRC state after one 16-byte block, given as four little-endian words, the first already xored with the state. */
function fold16(a: number, b: number, d: number, e: number): number {
  const t = TABLE;
  return (
    (t[3840 + (a & 0xff)] as number) ^ (t[3584 + ((a >>> 8) & 0xff)] as number) ^ (t[3328 + ((a >>> 16) & 0xff)] as number) ^ (t[3072 + (a >>> 24)] as number) ^
    (t[2816 + (b & 0xff)] as number) ^ (t[2560 + ((b >>> 8) & 0xff)] as number) ^ (t[2304 + ((b >>> 16) & 0xff)] as number) ^ (t[2048 + (b >>> 24)] as number) ^
    (t[1792 + (d & 0xff)] as number) ^ (t[1536 + ((d >>> 8) & 0xff)] as number) ^ (t[1280 + ((d >>> 16) & 0xff)] as number) ^ (t[1024 + (d >>> 24)] as number) ^
    (t[768 + (e & 0xff)] as number) ^ (t[512 + ((e >>> 8) & 0xff)] as number) ^ (t[256 + ((e >>> 16) & 0xff)] as number) ^ (t[e >>> 24] as number)
  );
}

/** The masked CRC-32C TFRecord stores after the length and after the data. */
export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const crc = crc32c(bytes, start, end);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}
