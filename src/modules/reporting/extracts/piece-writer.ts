/**
 * CSV text is written into a buffer of this size, reused, and handed on when full: no string or buffer
 * of a whole piece is made, and a piece stays below the 128 KiB past which V8 makes a large object that
 * only a full collection frees.
 */
export const PIECE_BYTES = 64 * 1024;
/** The longest number `writeNumber` writes itself: a sign, 14 digits, a point and a tenth. */
const NUMBER_BYTES = 17;
const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;
const encoder = new TextEncoder();

/** Text written as UTF-8 into one reused buffer, handed to `flush` (which must copy it) when nearly full. */
export class PieceWriter {
  private readonly buffer = Buffer.allocUnsafe(PIECE_BYTES);
  private length = 0;
  private readonly flush: (bytes: Uint8Array) => void;
  constructor(flush: (bytes: Uint8Array) => void) {
    this.flush = flush;
  }

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.length + text.length * 3 > PIECE_BYTES) {
      this.end();
      if (text.length * 3 > PIECE_BYTES) {
        this.flush(encoder.encode(text));
        return;
      }
    }
    this.length += this.buffer.write(text, this.length);
  }

  /**
   * A finite number exactly as `String(value)` writes it. Whole numbers and tenths (counts, scores,
   * hours: nearly every number of an extract) are written digit by digit without making the string:
   * V8 keeps the strings of the numbers it converts in a cache, so each one outlived the young
   * generation and the server grew by the 60 MiB of them over an extract of 300,000 rows (decision 49).
   */
  writeNumber(value: number): void {
    const tenths = Math.round(value * 10);
    // `tenths / 10 === value`: the value is the double nearest to that decimal, which is then its
    // shortest form, the one `String` gives; below 10^15 it has no exponent.
    if (tenths / 10 !== value || Math.abs(tenths) >= 1e15) {
      this.write(String(value));
      return;
    }
    if (this.length + NUMBER_BYTES > PIECE_BYTES) this.end();
    let rest = Math.abs(tenths);
    if (tenths < 0) this.buffer[this.length++] = MINUS;
    const tenth = rest % 10;
    rest = (rest - tenth) / 10;
    let digits = 1;
    for (let power = 10; power <= rest; power *= 10) digits++;
    for (let i = digits - 1; i >= 0; i--) {
      this.buffer[this.length + i] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.length += digits;
    if (tenth !== 0) {
      this.buffer[this.length++] = POINT;
      this.buffer[this.length++] = ZERO + tenth;
    }
  }

  end(): void {
    if (this.length === 0) return;
    this.flush(this.buffer.subarray(0, this.length));
    this.length = 0;
  }
}
