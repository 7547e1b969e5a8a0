/**
 * Pages read one after the other by key (`after` the last of the previous page), with the next page
 * asked for before the current one is handed over: the database reads it while the caller works on
 * the current one, so the whole takes about the longer of the two instead of their sum. One page is
 * in flight at most, so memory stays at two pages.
 */
export async function* readAhead<T>(
  read: (after: T | null) => Promise<T[]>,
): AsyncGenerator<T[], void, undefined> {
  let next = read(null);
  try {
    for (;;) {
      const page = await next;
      if (page.length === 0) return;
      next = read(page[page.length - 1]!);
      yield page;
    }
  } finally {
    // A caller that stops early (a failed write) leaves a read in flight: its failure must not go unheard
    // as an unhandled rejection, and nothing more is read after it.
    await next.catch(() => undefined);
  }
}
