import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIECE_BYTES, PieceWriter } from './piece-writer.ts';

/** Everything a writer hands on, as text, with the size of each piece. */
function collected(write: (writer: PieceWriter) => void) {
  const pieces: Buffer[] = [];
  const writer = new PieceWriter((bytes) => pieces.push(Buffer.from(bytes)));
  write(writer);
  writer.end();
  return { text: Buffer.concat(pieces).toString('utf8'), sizes: pieces.map((p) => p.length) };
}

const tenths = fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }).map((n) => n / 10);

describe('piece writer', () => {
  it('writes every finite number as String does', () => {
    const numbers = fc.oneof(
      fc.integer(),
      tenths,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 0.1, 0.30000000000000004, 1e15, 1e21, -1e-7, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 50 }), (values) => {
        const { text } = collected((w) => {
          for (const v of values) {
            w.writeNumber(v);
            w.write(',');
          }
        });
        expect(text).toBe(values.map((v) => `${String(v)},`).join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('hands on pieces no larger than its buffer, text and numbers cut nowhere', () => {
    const { text, sizes } = collected((w) => {
      for (let i = 0; i < 20_000; i++) {
        w.write('é«');
        w.writeNumber(i / 10);
      }
    });
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PIECE_BYTES);
    expect(text).toBe(Array.from({ length: 20_000 }, (_, i) => `é«${i / 10}`).join(''));
  });

  it('hands a text longer than its buffer on whole, after what came before', () => {
    const long = 'x'.repeat(PIECE_BYTES);
    const { text } = collected((w) => {
      w.writeNumber(7);
      w.write(long);
    });
    expect(text).toBe(`7${long}`);
  });
});
