import { LOCALES } from '../../../kernel/locale.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { SUPPLIER_CATEGORIES } from '../domain/suppliers.ts';

/** A filter's value when it is one of the choices; anything else is no filter. */
const oneOf = (value: string | null, choices: readonly string[]) =>
  value && choices.includes(value) ? value : '';

/**
 * The directory's filters as the page's address gives them, and those set: the page and its exports
 * read them here, so a file holds what the page shows.
 */
export function supplierFilters(search: URLSearchParams) {
  const filters = {
    category: oneOf(search.get('category'), SUPPLIER_CATEGORIES),
    region: oneOf(search.get('region'), REGION_CODES),
    language: oneOf(search.get('language'), LOCALES),
    q: (search.get('q') ?? '').trim().slice(0, 100),
  };
  return { filters, set: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) };
}
