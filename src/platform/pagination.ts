import { z } from 'zod';

/** Opaque cursors: the sort key of the last row seen, so pages stay stable while rows are added. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] | undefined {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.every((v) => typeof v === 'string' || typeof v === 'number')
      ? values
      : undefined;
  } catch {
    return undefined;
  }
}

export const cursorField = z
  .string()
  .max(500)
  .refine((c) => decodeCursor(c) !== undefined, { error: 'common:validation.cursor' });

export const limitField = z.coerce.number().int().min(1).max(200).default(50);

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Fetch limit+1 rows, return limit of them and the cursor of the last one if more exist. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Every row of a list read one page at a time, following its cursors (exports of a paged list). */
export async function* everyPage<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
