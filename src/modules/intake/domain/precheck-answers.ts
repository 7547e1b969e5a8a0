import { type BusinessDraft, businessShape } from './business-fields.ts';

/** The pre-check's answers, in the order it asks them; they travel to /apply in the link's query string. */
export const PRECHECK_ANSWERS = ['region', 'postalCode', 'neq', 'naics', 'employees', 'foundedYear'] as const;
type Answer = (typeof PRECHECK_ANSWERS)[number];

const NUMBERS: readonly Answer[] = ['employees', 'foundedYear'];

/** The query string that carries the pre-check's answers (only those given). */
export function answersQuery(values: Partial<Record<string, string>>): string {
  const query = new URLSearchParams();
  for (const name of PRECHECK_ANSWERS) {
    const value = values[name]?.trim();
    if (value) query.set(name, value);
  }
  return query.toString();
}

/**
 * The pre-check's answers carried in a query string, as facts to start an application with. A link can
 * be edited by hand: an answer the application form would refuse is left out, for the retailer to
 * give in the form itself, where it is checked with its message.
 */
export function answersFromQuery(search: URLSearchParams): {
  kept: URLSearchParams;
  business: BusinessDraft;
} {
  const kept = new URLSearchParams();
  const business: Record<string, unknown> = {};
  for (const name of PRECHECK_ANSWERS) {
    const raw = search.get(name)?.trim();
    if (!raw) continue;
    const typed = NUMBERS.includes(name) && /^\d{1,7}$/.test(raw) ? Number(raw) : raw;
    const parsed = businessShape[name].safeParse(typed);
    if (!parsed.success) continue;
    business[name] = parsed.data;
    kept.set(name, raw);
  }
  return { kept, business: business as BusinessDraft };
}
