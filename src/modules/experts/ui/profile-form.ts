/** What the expert profile forms (/experts, /experts/:id) send, turned into the use cases' input. */

/** A whole number as typed (`250`, `1 000`); empty means "not given"; anything else goes to validation as typed. */
export function wholeNumber(value: string | undefined): number | string | undefined {
  const trimmed = value?.replace(/[\s\u00a0\u202f]/g, '');
  if (!trimmed) return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The profile fields of a submitted form; the checkbox groups send one value per ticked box. */
export function profileInput(form: Record<string, string>, all: (name: string) => string[]) {
  return {
    regions: all('regions'),
    languages: all('languages'),
    specialties: all('specialties'),
    capacity: wholeNumber(form.capacity),
  };
}

/**
 * Field messages by form field: a message about one value of a group (`regions.3`, an unknown region
 * sent by hand) belongs to the group.
 */
export function byField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0]!;
    out[field] ??= message;
  }
  return out;
}

/** Where the error summary sends the reader for a field path: the group, for one of its values. */
export const fieldAnchor = (path: string) => `#field-${path.split('.')[0]}`;
