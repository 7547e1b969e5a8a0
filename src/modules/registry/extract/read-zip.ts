import { Unzip, UnzipInflate } from 'fflate';

/** A piece of one file of the archive, decompressed; `final` on its last piece. */
export type ZipPiece = { name: string; data: Uint8Array; final: boolean };

export class CorruptZipError extends Error {}

/** Compressed bytes given to the inflater at once: a few hundred kilobytes of text out, at most. */
const SLICE = 64 * 1024;

/**
 * Reads an archive's files as they inflate, a slice at a time, handing each slice's pieces to `take`
 * and waiting for it before the next: a file of hundreds of megabytes is never held inflated whole.
 * Not a zip, damaged data or a file cut short throws `CorruptZipError`.
 */
export async function readZip(bytes: Uint8Array, take: (pieces: ZipPiece[]) => Promise<void>) {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) {
    throw new CorruptZipError('not a zip archive');
  }
  let pieces: ZipPiece[] = [];
  let failure: Error | undefined;
  const open = new Set<string>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    open.add(file.name);
    file.ondata = (error, data, final) => {
      if (error) failure ??= error;
      else pieces.push({ name: file.name, data, final });
      if (final) open.delete(file.name);
    };
    file.start();
  };
  for (let at = 0; at < bytes.length; at += SLICE) {
    try {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    } catch (error) {
      failure ??= error as Error;
    }
    if (failure) throw new CorruptZipError(failure.message);
    const ready = pieces;
    pieces = [];
    if (ready.length > 0) await take(ready);
  }
  if (open.size > 0) throw new CorruptZipError(`cut short in ${[...open].join(', ')}`);
}

/** The modification date of the archive's first file (DOS format in its local header), ISO. */
export function zipFileDate(bytes: Uint8Array): string | null {
  if (bytes.length < 14) return null;
  const dos = bytes[12]! | (bytes[13]! << 8);
  const year = 1980 + (dos >> 9);
  const month = (dos >> 5) & 0x0f;
  const day = dos & 0x1f;
  if (month < 1 || month > 12 || day < 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
