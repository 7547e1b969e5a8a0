import type { Page } from '../pagination.ts';

/** An instant as the API writes it: ISO 8601 in UTC (`z.iso.datetime()` in the declared schemas). */
export const instant = (at: Date): string => at.toISOString();

export const instantOrNull = (at: Date | null | undefined): string | null => (at ? instant(at) : null);

/** A page of results, each item presented. */
export const presentPage = <T, U>(page: Page<T>, present: (item: T) => U) => ({
  items: page.items.map(present),
  nextCursor: page.nextCursor,
});
