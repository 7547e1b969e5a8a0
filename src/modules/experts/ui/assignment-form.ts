/** Pure helpers of the matching page (/assignments): what its forms send, and its pages of rows. */

/**
 * Rows of the proposal per page. At 3,000 businesses the proposal is shown 100 rows at a time, sorted
 * by proposed expert then business, and can be narrowed to one expert: a page stays readable, fits one
 * short confirmation (one transaction of 100 pairs, with their e-mails, keeps the embedded database
 * responsive), and a keyboard or screen-reader user never has to cross 3,000 rows. After a confirmation
 * the proposal is computed again for the businesses still waiting, so the next 100 come up on page 1.
 */
export const PAGE_SIZE = 100;

/** A page number from the address: a positive whole number, else the first page. */
export function pageNumber(value: string | null | undefined): number {
  return value && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : 1;
}

/** One page of rows; a page past the end shows the last one (rows confirmed since left it empty). */
export function pageOf<T>(rows: T[], page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const from = (current - 1) * size;
  return {
    items: rows.slice(from, from + size),
    page: current,
    pages,
    first: rows.length === 0 ? 0 : from + 1,
    last: Math.min(rows.length, from + size),
    total: rows.length,
  };
}

/** The pairs the coordinator kept ticked, each with the expert chosen in its row. */
export function checkedPairs(
  form: Record<string, string>,
  all: (name: string) => string[],
): { applicationId: string; expertId: string }[] {
  const ids = [...new Set(all('confirm'))];
  return ids.map((applicationId) => ({ applicationId, expertId: form[`expert-${applicationId}`] ?? '' }));
}

/**
 * The form field a use-case error path names: `assignments.3.expertId` is the expert select of the
 * fourth ticked row (`expert-<applicationId>`).
 */
export function rowFieldOf(path: string, pairs: { applicationId: string }[]): string {
  const match = /^assignments\.(\d+)(\.|$)/.exec(path);
  const pair = match ? pairs[Number(match[1])] : undefined;
  return pair ? `expert-${pair.applicationId}` : path === 'assignments' ? 'confirm' : path;
}

/** The same for the one-business form: its fields are named after the pair's own. */
export function manualFieldOf(path: string): string {
  const field = /^assignments\.0\.(\w+)$/.exec(path)?.[1];
  return field ?? (path === 'assignments' ? 'applicationId' : path);
}
