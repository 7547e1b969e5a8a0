import { TO_DECIDE } from '../domain/status.ts';

export const REVIEW_FILTERS = [
  'status',
  'region',
  'naics',
  'partner',
  'eligible',
  'review',
  'from',
  'to',
  'q',
  'sort',
] as const;

export type ReviewFilters = Record<(typeof REVIEW_FILTERS)[number], string>;

/**
 * The review queue's filters as the page's address gives them, and the query they make for
 * `listApplications`: the page and its exports read them here, so a file holds what the page shows.
 */
export function reviewQuery(search: Record<string, string>): {
  filters: ReviewFilters;
  query: Record<string, string>;
} {
  const filters = Object.fromEntries(REVIEW_FILTERS.map((key) => [key, search[key] ?? ''])) as ReviewFilters;
  // The queue opens on what waits for a decision; « Tous » (`all`) lifts the status filter, and so
  // does the waitlist's order (it lists the waitlist alone).
  const status =
    filters.status === ''
      ? filters.sort === 'waitlist'
        ? ''
        : TO_DECIDE
      : filters.status === 'all'
        ? ''
        : filters.status;
  const query = Object.fromEntries(Object.entries({ ...filters, status }).filter(([, v]) => v !== ''));
  return { filters, query };
}
