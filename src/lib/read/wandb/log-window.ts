/**
 * A forward-only window over a file: the framing reader asks for a few bytes at an offset at or
 * after the last one it asked for, and gets them without the file ever being held whole. The
 * window holds at most two blocks, so memory stays flat however large the log grows.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export class FileWindow {
  readonly size: number;
  private readonly fd: number;
  private readonly buf: Buffer;
  /** File offset of buf[0]. */
  private start = 0;
  /** File offset just past the last byte held. */
  private end = 0;

  /** `capacity` bounds the longest view asked for (plus the part of the window kept behind it). */
  constructor(path: string, capacity: number) {
    this.fd = openSync(path, 'r');
    try {
      this.size = fstatSync(this.fd).size;
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /**
   * Bytes [at, at + length) of the file, fewer at its end. `at` must not move backwards, and the
   * view is only valid until the next call (callers copy what they keep).
   */
  view(at: number, length: number): Buffer {
    if (at < this.start) throw new Error(`FileWindow: offset ${at} is behind the window (${this.start})`);
    const want = Math.min(at + length, this.size);
    if (want > this.end) this.refill(at);
    return this.buf.subarray(at - this.start, Math.min(want, this.end) - this.start);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Moves `at` to the front of the buffer and fills the rest from the file. */
  private refill(at: number): void {
    const keep = at < this.end ? this.end - at : 0;
    if (keep > 0) this.buf.copy(this.buf, 0, at - this.start, this.end - this.start);
    this.start = at;
    this.end = at + keep;
    while (this.end < this.size && this.end - this.start < this.buf.length) {
      const read = readSync(this.fd, this.buf, this.end - this.start, this.buf.length - (this.end - this.start), this.end);
      if (read === 0) break;
      this.end += read;
    }
  }
}
